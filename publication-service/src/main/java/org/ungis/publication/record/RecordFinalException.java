package org.ungis.publication.record;

import java.time.Instant;

/** A change that happened after the call was closed cannot alter its final record. */
public class RecordFinalException extends RuntimeException {

  public RecordFinalException(String processId, Instant closedAt, Instant changeAt) {
    super(
        "record "
            + processId
            + " is final since "
            + closedAt
            + "; a change at "
            + changeAt
            + " cannot alter it");
  }
}
