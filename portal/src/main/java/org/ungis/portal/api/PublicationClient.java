package org.ungis.portal.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.ungis.client.UngisClient;
import org.ungis.portal.api.Models.RecordEdition;
import org.ungis.portal.api.Models.RecordSummary;

/** publication-service's public API: the joint inputs (records) and their editions. */
@Component
public class PublicationClient {

  private final ServiceApi api;

  PublicationClient(ServiceApi api) {
    this.api = api;
  }

  public List<RecordSummary> records() {
    return api.list(() -> api.client().records().listRecords(), RecordSummary.class);
  }

  /** The latest edition, or edition {@code n} when given. */
  public RecordEdition edition(String process, Integer n) {
    return api.call(
        () ->
            n == null
                ? api.client().records().latestEdition(process, null)
                : api.client().records().edition(process, n, null),
        RecordEdition.class);
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
