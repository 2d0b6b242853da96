package org.ungis.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.ungis.client.UngisClient;
import org.ungis.portal.api.Models.RecordEdition;
import org.ungis.portal.api.Models.RecordSummary;

/**
 * publication-service's public API: the joint inputs (records) and their editions.
 *
 * <p>A published edition never changes (a change publishes the next one) and anyone may read it, so
 * the last few editions read are kept, by call and number: a record page asks publication-service
 * only which edition is the latest (the list of records, a few lines) instead of reading its
 * thousand inputs again for every reader.
 */
@Component
public class PublicationClient {

  /** Editions kept; one of a thousand inputs is a few megabytes. */
  static final int EDITIONS_KEPT = 4;

  private record Edition(String process, int number) {}

  private final ServiceApi api;

  private final Map<Edition, RecordEdition> kept =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Edition, RecordEdition> eldest) {
          return size() > EDITIONS_KEPT;
        }
      };

  PublicationClient(ServiceApi api) {
    this.api = api;
  }

  public List<RecordSummary> records() {
    return api.list(() -> api.client().records().listRecords(), RecordSummary.class);
  }

  /** The number of a call's latest edition, or none when the list of records does not have it. */
  public OptionalInt latestNumber(String process) {
    return records().stream()
        .filter(r -> r.processId().equals(process))
        .mapToInt(RecordSummary::edition)
        .findFirst();
  }

  /** The latest edition, or edition {@code n} when given. */
  public RecordEdition edition(String process, Integer n) {
    Integer number =
        n != null ? n : latestNumber(process).stream().boxed().findFirst().orElse(null);
    if (number == null) { // not listed (yet): publication-service answers the latest, or why not
      return keep(read(process, null));
    }
    RecordEdition edition;
    synchronized (kept) {
      edition = kept.get(new Edition(process, number));
    }
    return edition != null ? edition : keep(read(process, number));
  }

  private RecordEdition read(String process, Integer n) {
    return api.call(
        () ->
            n == null
                ? api.client().records().latestEdition(process, null)
                : api.client().records().edition(process, n, null),
        RecordEdition.class);
  }

  private RecordEdition keep(RecordEdition edition) {
    synchronized (kept) {
      kept.put(new Edition(edition.processId(), edition.edition()), edition);
    }
    return edition;
  }

  /** Edition {@code n} in one of the service's formats (JSON, Markdown, HTML, PDF, Word). */
  public byte[] download(String process, int edition, String mediaType) {
    UngisClient.Download file =
        api.call(
            () ->
                api.client()
                    .download(
                        "/api/v1/records/"
                            + UriUtils.encodePathSegment(process, StandardCharsets.UTF_8)
                            + "/editions/"
                            + edition,
                        mediaType));
    return file.body();
  }
}
