package org.ungis.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.ungis.e2e.Caller;
import org.ungis.e2e.HttpJson;
import org.ungis.e2e.HttpJson.Response;
import org.ungis.e2e.WorkflowSteps;
import org.ungis.reference.Period;
import tools.jackson.databind.JsonNode;

/**
 * A random workflow (seeded) through the real services over HTTP, compared after each step with
 * what each service says: contributions-service and review-service must give every contribution the
 * same status and revision and the same recorded decisions (decision, outcome, revision,
 * staleness), both as the model of the workflow expects; publication-service's record must hold
 * exactly the approved contributions, each at its current revision.
 *
 * <p>Steps: submissions, revisions, decisions (approvals short of and reaching the call's quorum of
 * two, changes requested, rejections), decisions on an older revision (refused as stale),
 * withdrawals, extensions, and at the end the call's closure.
 */
final class RandomWorkflow {

  /** Members on no rota, so any reviewer may decide on them. */
  private static final List<String> AGENCIES = List.of("UNECA", "ILO", "FAO", "WHO", "UNEP");

  private static final int QUORUM = 2;

  private final Random random;
  private final Period rota;
  private final Function<String, String> intakeToken;
  private final Function<String, String> reviewerToken;
  private final String contributionsUrl;
  private final String reviewUrl;
  private final String publicationUrl;
  private final Duration patience;
  private final WorkflowSteps steps;
  private final String processId;
  private final Map<String, Expected> model = new LinkedHashMap<>();
  private final List<String> log = new ArrayList<>();
  private Instant extendedUntil;

  /** What the workflow so far makes of one contribution. */
  private static final class Expected {
    final String agency;
    int revision = 1;
    String status = "SUBMITTED";
    final Set<String> approvedBy = new HashSet<>();
    final List<Decision> decisions = new ArrayList<>();

    Expected(String agency) {
      this.agency = agency;
    }
  }

  private record Decision(String decision, String outcome, int revision) {}

  RandomWorkflow(
      long seed,
      Period rota,
      Function<String, String> intakeToken,
      Function<String, String> reviewerToken,
      String contributionsUrl,
      String reviewUrl,
      String publicationUrl,
      Duration patience) {
    this.random = new Random(seed);
    this.rota = rota;
    this.intakeToken = intakeToken;
    this.reviewerToken = reviewerToken;
    this.contributionsUrl = contributionsUrl;
    this.reviewUrl = reviewUrl;
    this.publicationUrl = publicationUrl;
    this.patience = patience;
    this.steps = new WorkflowSteps(contributionsUrl, reviewUrl, patience);
    this.processId = "rnd-" + Long.toHexString(seed & 0xffffffL);
  }

  /** Opens a call, takes {@code count} random steps, closes the call; compares after each. */
  void run(int count) {
    Instant deadline = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    extendedUntil = deadline;
    Response opened =
        HttpJson.post(
            reviewUrl + "/api/v1/processes",
            chair(),
            Map.of(
                "id",
                processId,
                "title",
                "Random workflow " + processId,
                "deadline",
                deadline.toString(),
                "requiredApprovals",
                QUORUM));
    assertThat(opened.status()).as("opening the call: %s", opened).isEqualTo(201);
    submit();
    for (int i = 0; i < count; i++) {
      step();
      compare();
    }
    close();
    compare();
  }

  /** The steps taken, one line each, for the failure message. */
  List<String> log() {
    return log;
  }

  private void step() {
    List<Runnable> possible = new ArrayList<>();
    if (model.size() < 6) {
      possible.add(this::submit);
    }
    if (!withStatus("SUBMITTED", "CHANGES_REQUESTED").isEmpty()) {
      possible.add(this::revise);
    }
    if (!withStatus("SUBMITTED").isEmpty()) {
      possible.add(this::decide);
      possible.add(this::decide);
      possible.add(this::decide);
    }
    if (model.values().stream().anyMatch(e -> e.revision > 1 && e.status.equals("SUBMITTED"))) {
      possible.add(this::decideOnAnOlderRevision);
    }
    if (!withStatus("SUBMITTED", "CHANGES_REQUESTED", "APPROVED").isEmpty()) {
      possible.add(this::withdraw);
    }
    if (possible.isEmpty() || random.nextInt(4) == 0) {
      possible.add(this::extend); // always possible, so rarer than the others
    }
    possible.get(random.nextInt(possible.size())).run();
  }

  private void submit() {
    String agency = pick(AGENCIES);
    String id =
        steps.submit(
            Caller.bearer(intakeToken.apply(agency)),
            processId,
            agency + "'s input " + (model.size() + 1),
            "The text of " + agency + "'s input.",
            List.of("C" + (1 + random.nextInt(11))));
    model.put(id, new Expected(agency));
    log.add("submit " + id + " by " + agency);
  }

  private void revise() {
    String id = pick(withStatus("SUBMITTED", "CHANGES_REQUESTED"));
    Expected e = model.get(id);
    Map<String, Object> body =
        new LinkedHashMap<>(
            WorkflowSteps.content(
                e.agency + "'s input, revision " + (e.revision + 1),
                "Revised text " + (e.revision + 1),
                List.of("C7")));
    body.put("note", "as asked");
    body.put("expectedRevision", e.revision);
    Response revised =
        HttpJson.put(
            contributionsUrl + "/api/v1/contributions/" + id,
            Caller.bearer(intakeToken.apply(e.agency)),
            body);
    assertThat(revised.status()).as("revising %s: %s", id, revised).isEqualTo(200);
    e.revision++;
    e.status = "SUBMITTED";
    e.approvedBy.clear();
    log.add("revise " + id + " to revision " + e.revision);
  }

  private void decide() {
    String id = pick(withStatus("SUBMITTED"));
    Expected e = model.get(id);
    List<String> reviewers = new ArrayList<>(reviewers());
    reviewers.removeAll(e.approvedBy);
    String reviewer = pick(reviewers);
    int roll = random.nextInt(6);
    String verdict = roll < 3 ? "APPROVED" : roll < 5 ? "CHANGES_REQUESTED" : "REJECTED";
    steps.decide(
        reviewerCaller(reviewer),
        id,
        e.revision,
        verdict,
        verdict.equals("APPROVED") ? null : "Reviewer's reasons");
    String outcome;
    if (verdict.equals("APPROVED")) {
      e.approvedBy.add(reviewer);
      outcome = e.approvedBy.size() >= QUORUM ? "APPROVED" : null;
    } else {
      outcome = verdict;
    }
    if (outcome != null) {
      e.status = outcome;
    }
    e.decisions.add(new Decision(verdict, outcome, e.revision));
    log.add(reviewer + " " + verdict + " " + id + " revision " + e.revision + " -> " + outcome);
  }

  private void decideOnAnOlderRevision() {
    String id =
        pick(
            model.entrySet().stream()
                .filter(x -> x.getValue().revision > 1 && x.getValue().status.equals("SUBMITTED"))
                .map(Map.Entry::getKey)
                .toList());
    Expected e = model.get(id);
    String reviewer = pick(reviewers());
    // Once review-service has read the current revision, the older one is refused as stale.
    await("review-service reads revision " + e.revision + " of " + id)
        .atMost(patience)
        .until(
            () -> {
              Response item =
                  HttpJson.get(reviewUrl + "/api/v1/reviews/" + id, "application/json", chair());
              return item.status() == 200 && item.json().path("revision").asInt() == e.revision;
            });
    Response refused =
        HttpJson.post(
            reviewUrl + "/api/v1/reviews/" + id + "/decisions",
            reviewerCaller(reviewer),
            Map.of("revision", e.revision - 1, "decision", "APPROVED"));
    assertThat(refused.status()).as("a decision on an older revision: %s", refused).isEqualTo(409);
    assertThat(refused.json().path("type").asString())
        .isEqualTo("https://ungis.org/problems/stale-revision");
    log.add(reviewer + " APPROVED " + id + " revision " + (e.revision - 1) + " -> refused, stale");
  }

  private void withdraw() {
    String id = pick(withStatus("SUBMITTED", "CHANGES_REQUESTED", "APPROVED"));
    Expected e = model.get(id);
    Response withdrawn =
        HttpJson.post(
            contributionsUrl + "/api/v1/contributions/" + id + "/withdrawal",
            Caller.bearer(intakeToken.apply(e.agency)),
            Map.of("reason", "merged into another input"));
    assertThat(withdrawn.status()).as("withdrawing %s: %s", id, withdrawn).isEqualTo(200);
    e.status = "WITHDRAWN";
    log.add("withdraw " + id);
  }

  private void extend() {
    String agency = pick(AGENCIES);
    extendedUntil = extendedUntil.plus(1, ChronoUnit.DAYS);
    Response granted =
        HttpJson.post(
            reviewUrl + "/api/v1/processes/" + processId + "/extensions",
            chair(),
            Map.of("agency", agency, "deadline", extendedUntil.toString(), "reason", "asked"));
    assertThat(granted.status()).as("extending for %s: %s", agency, granted).isEqualTo(201);
    log.add("extend the deadline of " + agency + " to " + extendedUntil);
  }

  private void close() {
    Response closed =
        HttpJson.post(reviewUrl + "/api/v1/processes/" + processId + "/closure", chair(), Map.of());
    assertThat(closed.status()).as("closing: %s", closed).isEqualTo(200);
    log.add("close " + processId);
  }

  /**
   * Waits until contributions-service, review-service and publication-service all say what the
   * model expects of every contribution (they read Kafka asynchronously), then checks the record's
   * final flag after the closure.
   */
  private void compare() {
    Caller reader = chair();
    await("the three services agree after: " + log.get(log.size() - 1))
        .atMost(patience)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              Map<String, Integer> record = recordEntries();
              for (Map.Entry<String, Expected> known : model.entrySet()) {
                String id = known.getKey();
                Expected e = known.getValue();
                String expected = expected(e);
                assertThat(fromContributions(id, reader))
                    .as("contributions-service on %s", id)
                    .isEqualTo(expected);
                assertThat(fromReview(id, reader))
                    .as("review-service on %s", id)
                    .isEqualTo(expected);
                assertThat(record.get(id))
                    .as("publication-service's record entry of %s", id)
                    .isEqualTo(e.status.equals("APPROVED") ? e.revision : null);
              }
              if (log.get(log.size() - 1).startsWith("close ")) {
                assertThat(record()).as("the record after the closure").isNotNull();
                assertThat(record().path("finalEdition").asBoolean()).isTrue();
              }
            });
  }

  private static String expected(Expected e) {
    List<String> decisions = new ArrayList<>();
    for (Decision d : e.decisions) {
      decisions.add(line(d.decision(), d.outcome(), d.revision(), d.revision() < e.revision));
    }
    return e.status + " r" + e.revision + " " + decisions;
  }

  private String fromContributions(String id, Caller reader) {
    Response r =
        HttpJson.get(contributionsUrl + "/api/v1/contributions/" + id, "application/json", reader);
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return seen(r.json(), r.json().path("decisions"));
  }

  private String fromReview(String id, Caller reader) {
    Response item = HttpJson.get(reviewUrl + "/api/v1/reviews/" + id, "application/json", reader);
    assertThat(item.status()).as("%s", item).isEqualTo(200);
    Response history =
        HttpJson.get(
            reviewUrl + "/api/v1/reviews/" + id + "/decisions", "application/json", reader);
    assertThat(history.status()).as("%s", history).isEqualTo(200);
    return seen(item.json(), history.json());
  }

  /** Status, revision and the recorded decisions (refused attempts left out), as one line. */
  private static String seen(JsonNode contribution, JsonNode decisionList) {
    List<String> decisions = new ArrayList<>();
    for (JsonNode d : decisionList) {
      if (!d.path("refused").asBoolean()) {
        decisions.add(
            line(
                d.path("decision").asString(),
                text(d.path("outcome")),
                d.path("revision").asInt(),
                d.path("stale").asBoolean()));
      }
    }
    return contribution.path("status").asString()
        + " r"
        + contribution.path("revision").asInt()
        + " "
        + decisions;
  }

  /** The record's entries: contribution id to revision; empty before the first edition. */
  private Map<String, Integer> recordEntries() {
    Map<String, Integer> entries = new TreeMap<>();
    JsonNode record = record();
    if (record != null) {
      for (JsonNode entry : record.path("entries")) {
        entries.put(entry.path("contributionId").asString(), entry.path("revision").asInt());
      }
    }
    return entries;
  }

  private JsonNode record() {
    Response r = HttpJson.get(publicationUrl + "/api/v1/records/" + processId);
    if (r.status() == 404) {
      return null;
    }
    assertThat(r.status()).as("%s", r).isEqualTo(200);
    return r.json();
  }

  private static String line(String decision, String outcome, int revision, boolean stale) {
    return decision + "/" + outcome + "/r" + revision + (stale ? "/stale" : "");
  }

  private static String text(JsonNode node) {
    return node.isNull() || node.isMissingNode() ? null : node.asString();
  }

  private List<String> withStatus(String... statuses) {
    List<String> wanted = List.of(statuses);
    return model.entrySet().stream()
        .filter(e -> wanted.contains(e.getValue().status))
        .map(Map.Entry::getKey)
        .toList();
  }

  private List<String> reviewers() {
    List<String> all = new ArrayList<>(rota.chairs());
    all.addAll(rota.viceChairs());
    return all.stream().sorted().toList();
  }

  private Caller chair() {
    return reviewerCaller(rota.chairs().stream().sorted().findFirst().orElseThrow());
  }

  private Caller reviewerCaller(String agency) {
    return Caller.bearer(reviewerToken.apply("reviewer-" + agency.toLowerCase(Locale.ROOT) + "-1"));
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
