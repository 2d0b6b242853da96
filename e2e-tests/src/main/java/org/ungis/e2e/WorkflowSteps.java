package org.ungis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.ungis.client.ApiProblem;
import org.ungis.client.UngisClient;
import org.ungis.client.contributions.invoker.ApiResponse;
import org.ungis.client.contributions.model.ContributionRequest;
import org.ungis.client.contributions.model.ContributionResponse;
import org.ungis.client.review.model.Decide;
import org.ungis.client.review.model.OpenCall;
import org.ungis.e2e.HttpJson.Response;
import tools.jackson.databind.JsonNode;

/**
 * The steps of the workflow as a client takes them over HTTP (the generated client of {@code
 * api-client}), each retried only while a service has not yet read from Kafka what another one
 * wrote: shared by the end-to-end tests (services as processes) and container-tests (services in
 * one JVM).
 */
public final class WorkflowSteps {

  private final String contributionsUrl;
  private final UngisClient contributions;
  private final UngisClient review;
  private final Duration patience;

  /**
   * @param contributionsUrl contributions-service's base URL
   * @param reviewUrl review-service's base URL
   * @param patience how long a step waits for the services to catch up
   */
  public WorkflowSteps(String contributionsUrl, String reviewUrl, Duration patience) {
    this.contributionsUrl = contributionsUrl;
    this.contributions = UngisClient.of(contributionsUrl, () -> null);
    this.review = UngisClient.of(reviewUrl, () -> null);
    this.patience = patience;
  }

  /** Opens a call for inputs as the chair, closing in a week; it must answer 201 and be open. */
  public void openCall(Caller chair, String processId, String title, String description) {
    OpenCall call =
        new OpenCall()
            .id(processId)
            .title(title)
            .description(description)
            .deadline(Instant.now().plus(7, ChronoUnit.DAYS).toString());
    var opened =
        UngisClient.call(
            () -> review.signedBy(chair::sign).processes().openWithHttpInfo(call, null));
    assertThat(opened.getStatusCode()).as("opening %s", processId).isEqualTo(201);
    assertThat(opened.getData().getStatus()).isEqualTo("OPEN");
  }

  /**
   * Submits, retrying only while the intake has not yet read the just-opened call from Kafka (a
   * refusal naming the process); returns the new contribution's id.
   */
  public String submit(
      Caller agency, String processId, String title, String body, List<String> actionLines) {
    return submit(agency, processId, title, body, actionLines, (String) null);
  }

  /** As {@link #submit(Caller, String, String, String, List)}, with this Idempotency-Key. */
  public String submitWithKey(
      Caller agency,
      String processId,
      String title,
      String body,
      List<String> actionLines,
      String idempotencyKey) {
    return submit(agency, processId, title, body, actionLines, idempotencyKey);
  }

  private String submit(
      Caller agency,
      String processId,
      String title,
      String body,
      List<String> actionLines,
      String idempotencyKey) {
    ContributionRequest request = request(title, body, actionLines).processId(processId);
    AtomicReference<ApiResponse<ContributionResponse>> created = new AtomicReference<>();
    AtomicReference<ApiProblem> refused = new AtomicReference<>();
    await("the intake accepts a submission to " + processId)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              try {
                created.set(
                    UngisClient.call(
                        () ->
                            contributions
                                .signedBy(agency::sign)
                                .contributions()
                                .submitWithHttpInfo(request, idempotencyKey)));
                return true;
              } catch (ApiProblem problem) {
                refused.set(problem);
                return !(problem.status() < 500 && problem.body().contains("processId"));
              }
            });
    assertThat(created.get()).as("submitting: %s", refused.get()).isNotNull();
    assertThat(created.get().getStatusCode()).isEqualTo(201);
    String id = created.get().getData().getId();
    assertThat(created.get().getHeaders().get("location"))
        .as("Location")
        .singleElement()
        .asString()
        .endsWith("/api/v1/contributions/" + id);
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

  /** The text fields of a submission or revision, as the generated client sends them. */
  public static ContributionRequest request(String title, String body, List<String> actionLines) {
    return new ContributionRequest()
        .title(title)
        .summary(title + ": the agency's input in brief.")
        .body(body)
        .language(ContributionRequest.LanguageEnum.EN)
        .actionLines(new LinkedHashSet<>(actionLines))
        .sdgs(new LinkedHashSet<>(List.of(8, 9, 17)))
        .links(new LinkedHashSet<>());
  }

  /**
   * Decides, retrying while review-service has not yet read the contribution or its latest revision
   * from Kafka (404, or 409 on a revision it does not know yet).
   */
  public void decide(
      Caller reviewer, String contributionId, int revision, String decision, String comment) {
    Decide request = new Decide().revision(revision).decision(decision).comment(comment);
    UngisClient api = review.signedBy(reviewer::sign);
    AtomicReference<ApiProblem> refused = new AtomicReference<>();
    AtomicReference<Boolean> decided = new AtomicReference<>(false);
    await(decision + " on " + contributionId + " revision " + revision)
        .atMost(patience)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              try {
                UngisClient.call(() -> api.reviews().decide(contributionId, request, null));
                decided.set(true);
                return true;
              } catch (ApiProblem problem) {
                refused.set(problem);
                return problem.status() != 404
                    && !(problem.status() == 409 && lagsBehind(api, contributionId, revision));
              }
            });
    assertThat(decided.get()).as("%s: %s", decision, refused.get()).isTrue();
  }

  private static boolean lagsBehind(UngisClient api, String contributionId, int revision) {
    try {
      return UngisClient.call(() -> api.reviews().item(contributionId, null)).getRevision()
          < revision;
    } catch (ApiProblem problem) {
      return false;
    }
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
