package org.ungis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.ungis.e2e.HttpJson.Response;
import tools.jackson.databind.JsonNode;

/**
 * The steps of the workflow as a client takes them over HTTP, each retried only while a service has
 * not yet read from Kafka what another one wrote: shared by the end-to-end tests (services as
 * processes) and container-tests (services in one JVM).
 */
public final class WorkflowSteps {

  private final String contributionsUrl;
  private final String reviewUrl;
  private final Duration patience;

  /**
   * @param contributionsUrl contributions-service's base URL
   * @param reviewUrl review-service's base URL
   * @param patience how long a step waits for the services to catch up
   */
  public WorkflowSteps(String contributionsUrl, String reviewUrl, Duration patience) {
    this.contributionsUrl = contributionsUrl;
    this.reviewUrl = reviewUrl;
    this.patience = patience;
  }

  /**
   * Submits, retrying only while the intake has not yet read the just-opened call from Kafka (a
   * refusal naming the process); returns the new contribution's id.
   */
  public String submit(
      Caller agency, String processId, String title, String body, List<String> actionLines) {
    return submit(agency, processId, title, body, actionLines, Map.of());
  }

  /** As {@link #submit(Caller, String, String, String, List)}, with this Idempotency-Key. */
  public String submitWithKey(
      Caller agency,
      String processId,
      String title,
      String body,
      List<String> actionLines,
      String idempotencyKey) {
    return submit(
        agency, processId, title, body, actionLines, Map.of("Idempotency-Key", idempotencyKey));
  }

  private String submit(
      Caller agency,
      String processId,
      String title,
      String body,
      List<String> actionLines,
      Map<String, String> headers) {
    Map<String, Object> request = new LinkedHashMap<>(content(title, body, actionLines));
    request.put("processId", processId);
    AtomicReference<Response> created = new AtomicReference<>();
    await("the intake accepts a submission to " + processId)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              Response r =
                  HttpJson.post(
                      contributionsUrl + "/api/v1/contributions", agency, request, headers);
              created.set(r);
              return !(r.status() >= 400 && r.status() < 500 && r.body().contains("processId"));
            });
    Response r = created.get();
    assertThat(r.status()).as("submitting: %s", r).isEqualTo(201);
    String id = r.json().path("id").asString();
    assertThat(r.header("Location").orElseThrow()).endsWith("/api/v1/contributions/" + id);
    return id;
  }

  /** The text fields of a submission or revision. */
  public static Map<String, Object> content(String title, String body, List<String> actionLines) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("title", title);
    content.put("summary", title + ": the agency's input in brief.");
    content.put("body", body);
    content.put("language", "EN");
    content.put("actionLines", actionLines);
    content.put("sdgs", List.of(8, 9, 17));
    content.put("links", List.of());
    return content;
  }

  /**
   * Decides, retrying while review-service has not yet read the contribution or its latest revision
   * from Kafka (404, or 409 on a revision it does not know yet).
   */
  public void decide(
      Caller reviewer, String contributionId, int revision, String decision, String comment) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("revision", revision);
    request.put("decision", decision);
    if (comment != null) {
      request.put("comment", comment);
    }
    String url = reviewUrl + "/api/v1/reviews/" + contributionId;
    AtomicReference<Response> answer = new AtomicReference<>();
    await(decision + " on " + contributionId + " revision " + revision)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              Response r = HttpJson.post(url + "/decisions", reviewer, request);
              answer.set(r);
              return r.status() != 404
                  && !(r.status() == 409 && lagsBehind(url, revision, reviewer));
            });
    assertThat(answer.get().status()).as("%s: %s", decision, answer.get()).isEqualTo(201);
  }

  private static boolean lagsBehind(String itemUrl, int revision, Caller reviewer) {
    Response item = HttpJson.get(itemUrl, "application/json", reviewer);
    return item.status() == 200 && item.json().path("revision").asInt() < revision;
  }

  /** A contribution as {@code reader} reads it; it must answer 200. */
  public JsonNode contribution(String id, Caller reader) {
    String url = contributionsUrl + "/api/v1/contributions/" + id;
    Response r = HttpJson.get(url, "application/json", reader);
    assertThat(r.status()).as("GET %s: %s", url, r).isEqualTo(200);
    return r.json();
  }

  /** Reads a contribution until it meets {@code condition}. */
  public JsonNode awaitContribution(String id, Caller reader, Predicate<JsonNode> condition) {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    await("contribution " + id)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              seen.set(contribution(id, reader));
              return condition.test(seen.get());
            });
    return seen.get();
  }

  /** The entry of {@code agency} in a record document. */
  public static JsonNode entryOf(JsonNode record, String agency) {
    for (JsonNode entry : record.path("entries")) {
      if (agency.equals(entry.path("agency").asString())) {
        return entry;
      }
    }
    throw new AssertionError("no entry of " + agency + " in " + record);
  }
}
