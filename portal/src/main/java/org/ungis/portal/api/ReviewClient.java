package org.ungis.portal.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.ungis.portal.PortalSettings;
import org.ungis.portal.api.Models.Call;
import org.ungis.portal.api.Models.Page;
import org.ungis.portal.api.Models.QueueItem;
import org.ungis.portal.api.Models.ReviewDecision;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** review-service's API: calls for inputs and the review queue, with the person's token. */
@Component
public class ReviewClient {

  private final RestClient http;
  private final ObjectMapper json;

  ReviewClient(
      RestClient.Builder builder,
      PortalSettings settings,
      OAuth2ClientHttpRequestInterceptor tokens,
      ObjectMapper json) {
    this.http =
        ApiConfiguration.client(
            builder, settings.api().review(), settings.api().timeout(), tokens, json);
    this.json = json;
  }

  /** Calls with this status ({@code OPEN}, {@code CLOSED}, or null for all), one page. */
  public Page<Call> calls(String status, int page, int size) {
    JsonNode answer =
        http.get()
            .uri(
                u ->
                    u.path("/api/v1/processes")
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
            .retrieve()
            .body(JsonNode.class);
    return page(answer, Call.class, c -> status == null || status.equals(c.status()), page, size);
  }

  /** Every call with this status (null for all), page after page. */
  public List<Call> allCalls(String status) {
    return Page.all(page -> calls(status, page, Page.MAX_SIZE));
  }

  /** Every open call, nearest deadline first. */
  public List<Call> openCalls() {
    List<Call> calls = new ArrayList<>(allCalls("OPEN"));
    calls.sort(Comparator.comparing(Call::deadline));
    return calls;
  }

  public Call call(String id) {
    return http.get().uri("/api/v1/processes/{id}", id).retrieve().body(Call.class);
  }

  /** The review queue: filters may be null; {@code status} is PENDING or DECIDED. */
  public Page<QueueItem> queue(String process, String agency, String status, int page, int size) {
    JsonNode answer =
        http.get()
            .uri(
                u ->
                    u.path("/api/v1/reviews")
                        .queryParamIfPresent("process", Optional.ofNullable(process))
                        .queryParamIfPresent("agency", Optional.ofNullable(agency))
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
            .retrieve()
            .body(JsonNode.class);
    return page(
        answer, QueueItem.class, i -> agency == null || agency.equals(i.agency()), page, size);
  }

  /** The whole queue of a call (PENDING or DECIDED), page after page. */
  public List<QueueItem> allQueue(String process, String status) {
    return Page.all(page -> queue(process, null, status, page, Page.MAX_SIZE));
  }

  public QueueItem item(String contributionId) {
    return http.get().uri("/api/v1/reviews/{id}", contributionId).retrieve().body(QueueItem.class);
  }

  /**
   * The entry once review-service holds at least this revision of it; review-service waits for its
   * view a bounded time (its view timeout) before it answers as it is.
   */
  public QueueItem item(String contributionId, int revision) {
    return http.get()
        .uri("/api/v1/reviews/{id}?revision={revision}", contributionId, revision)
        .retrieve()
        .body(QueueItem.class);
  }

  public List<ReviewDecision> decisions(String contributionId) {
    return http.get()
        .uri("/api/v1/reviews/{id}/decisions", contributionId)
        .retrieve()
        .body(new ParameterizedTypeReference<List<ReviewDecision>>() {});
  }

  /** Decides on the exact revision the reviewer read. */
  public ReviewDecision decide(
      String contributionId, int revision, String decision, String comment, String key) {
    Map<String, Object> body = new HashMap<>();
    body.put("revision", revision);
    body.put("decision", decision);
    if (comment != null && !comment.isBlank()) {
      body.put("comment", comment);
    }
    return http.post()
        .uri("/api/v1/reviews/{id}/decisions", contributionId)
        .contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .retrieve()
        .body(ReviewDecision.class);
  }

  public Call open(
      String id,
      String title,
      String description,
      Instant deadline,
      int requiredApprovals,
      String key) {
    return http.post()
        .uri("/api/v1/processes")
        .contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", key)
        .body(
            Map.of(
                "id", id,
                "title", title,
                "description", description == null ? "" : description,
                "deadline", deadline.toString(),
                "requiredApprovals", requiredApprovals))
        .retrieve()
        .body(Call.class);
  }

  public Call close(String id) {
    return http.post().uri("/api/v1/processes/{id}/closure", id).retrieve().body(Call.class);
  }

  /**
   * The chair writes the joint input's introduction and conclusion; after the closure the record
   * publishes a corrigendum.
   */
  public Call frame(String id, String introduction, String conclusion) {
    return http.put()
        .uri("/api/v1/processes/{id}/framing", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("introduction", introduction, "conclusion", conclusion))
        .retrieve()
        .body(Call.class);
  }

  /**
   * The chair sets the language of the joint input's labels (while the call is open) and the rule
   * on withdrawals after closure ({@code REFUSED} or {@code CORRIGENDUM}); null keeps a setting.
   */
  public Call configureDocument(String id, String language, String withdrawalAfterClosure) {
    Map<String, Object> body = new HashMap<>();
    if (language != null) {
      body.put("language", language);
    }
    if (withdrawalAfterClosure != null) {
      body.put("withdrawalAfterClosure", withdrawalAfterClosure);
    }
    return http.put()
        .uri("/api/v1/processes/{id}/document", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .body(Call.class);
  }

  public void extend(String id, String agency, Instant deadline, String reason, String key) {
    http.post()
        .uri("/api/v1/processes/{id}/extensions", id)
        .contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", key)
        .body(
            Map.of(
                "agency",
                agency,
                "deadline",
                deadline.toString(),
                "reason",
                reason == null ? "" : reason))
        .retrieve()
        .toBodilessEntity();
  }

  /**
   * Reads a paged answer ({@code {"items":[...],"page":{...}}}); a service that still answers a
   * bare array is filtered and paged here, so the pages see one shape.
   */
  private <T> Page<T> page(
      JsonNode answer, Class<T> type, java.util.function.Predicate<T> filter, int page, int size) {
    if (answer != null && answer.isArray()) {
      List<T> all = new ArrayList<>();
      for (JsonNode node : answer) {
        T item = json.treeToValue(node, type);
        if (filter.test(item)) {
          all.add(item);
        }
      }
      return Page.of(all, page, size);
    }
    return json.convertValue(
        answer, json.getTypeFactory().constructParametricType(Page.class, type));
  }
}
