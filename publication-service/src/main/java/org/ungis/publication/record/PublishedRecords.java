package org.ungis.publication.record;

import java.util.List;
import java.util.Optional;

/** Reads what was published. */
public interface PublishedRecords {

  /** Every record's latest edition, by process id. */
  List<RecordSummary> list();

  /** The latest edition of a record. */
  Optional<PublishedRecord> latest(String processId);

  /** A given edition of a record, current or past. */
  Optional<PublishedRecord> edition(String processId, int number);

  /**
   * Thrown when the asked-for history is kept by another instance of the service (when several
   * run): the request is to be answered there.
   */
  class ElsewhereException extends RuntimeException {
    private final String host;
    private final int port;

    public ElsewhereException(String host, int port) {
      super("kept by the instance at " + host + ":" + port);
      this.host = host;
      this.port = port;
    }

    public String host() {
      return host;
    }

    public int port() {
      return port;
    }
  }

  /** Thrown when the published records cannot be read right now (e.g. while starting). */
  class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
