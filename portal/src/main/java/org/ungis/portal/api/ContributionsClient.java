package org.ungis.portal.api;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.ungis.portal.PortalSettings;
import org.ungis.portal.api.Models.Contribution;
import org.ungis.portal.api.Models.History;
import org.ungis.portal.api.Models.Page;
import tools.jackson.databind.ObjectMapper;

/** contributions-service's API, called with the signed-in person's token. */
@Component
public class ContributionsClient {

  /** What a submission or a revision sends (the API's fields). */
  public record Content(
      String processId,
      String title,
      String summary,
      String body,
      String language,
      List<String> actionLines,
      List<Integer> sdgs,
      List<String> links,
      String note) {}

  private final RestClient http;

  ContributionsClient(
      RestClient.Builder builder,
      PortalSettings settings,
      OAuth2ClientHttpRequestInterceptor tokens,
      ObjectMapper json) {
    this.http =
        ApiConfiguration.client(
            builder, settings.api().contributions(), settings.api().timeout(), tokens, json);
  }

  /** The agency's own inputs (a focal point) or every input (a reviewer), newest page first. */
  public Page<Contribution> list(String process, int page, int size) {
    return http.get()
        .uri(
            u ->
                u.path("/api/v1/contributions")
                    .queryParamIfPresent("process", java.util.Optional.ofNullable(process))
                    .queryParam("page", page)
                    .queryParam("size", size)
                    .build())
        .retrieve()
        .body(new ParameterizedTypeReference<Page<Contribution>>() {});
  }

  /** Every input the person may see (of a call, when given), page after page. */
  public List<Contribution> all(String process) {
    return Page.all(page -> list(process, page, Page.MAX_SIZE));
  }

  public Contribution get(String id) {
    return http.get().uri("/api/v1/contributions/{id}", id).retrieve().body(Contribution.class);
  }

  public History history(String id) {
    return http.get().uri("/api/v1/contributions/{id}/history", id).retrieve().body(History.class);
  }

  /** Submits; the idempotency key makes a double click or a retry create one input. */
  public Contribution submit(Content content, String idempotencyKey) {
    return http.post()
        .uri("/api/v1/contributions")
        .contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", idempotencyKey)
        .body(content)
        .retrieve()
        .body(Contribution.class);
  }

  /** A new revision of the text the person read: {@code If-Match} the revision it was based on. */
  public Contribution revise(String id, int basedOnRevision, Content content) {
    return http.put()
        .uri("/api/v1/contributions/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .header("If-Match", "\"" + basedOnRevision + "\"")
        .body(content)
        .retrieve()
        .body(Contribution.class);
  }

  public Contribution withdraw(String id, String reason) {
    return http.post()
        .uri("/api/v1/contributions/{id}/withdrawal", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("reason", reason))
        .retrieve()
        .body(Contribution.class);
  }
}
