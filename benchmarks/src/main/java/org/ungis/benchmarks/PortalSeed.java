package org.ungis.benchmarks;

import static org.ungis.benchmarks.WorkflowBenchmark.say;
import static org.ungis.client.UngisClient.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.ungis.client.ApiProblem;
import org.ungis.client.UngisClient;
import org.ungis.client.contributions.model.ContributionRequest;
import org.ungis.client.publication.model.RecordDocument;
import org.ungis.client.review.model.Decide;
import org.ungis.client.review.model.OpenCall;

/**
 * What the portal scenario's pages show, made through the gateway with the api-client as the
 * agencies and the chair make it: a call whose {@code inputs} inputs await review (the chair's
 * queue), and a call whose as many inputs the chair approved (a vice-chair the chair's own
 * agency's) and then closed, so that its record's final edition lists them all. The member agencies
 * submit in turn.
 */
final class PortalSeed {

  private static final int CONCURRENCY = 8;
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  /** The two calls, by id. */
  record Calls(String queued, String published) {

    /** The calls a run with this id seeded ({@code portal-<stamp>}). */
    static Calls of(String runId) {
      return new Calls(runId + "-queue", runId + "-record");
    }
  }

  private final UngisClient gateway;
  private final Actors actors;
  private final List<String> agencies;
  private final String chair;
  private final String viceChair;
  private final String body;

  PortalSeed(
      String gatewayUrl, Actors actors, List<String> agencies, String chair, String viceChair) {
    this.gateway = UngisClient.of(gatewayUrl, () -> null);
    this.actors = actors;
    this.agencies = agencies;
    this.chair = chair;
    this.viceChair = viceChair;
    this.body = Workflow.text(600);
  }

  Calls seed(String runId, int inputs) throws Exception {
    Calls calls = Calls.of(runId);
    for (String id : List.of(calls.queued(), calls.published())) {
      OpenCall open =
          new OpenCall()
              .id(id)
              .title("Portal benchmark call " + id)
              .description("Opened by the UNGIS benchmark's portal scenario")
              .deadline(Instant.now().plus(Duration.ofDays(30)).toString());
      call(() -> gateway.as(actors.reviewerToken(chair)).processes().open(open, id));
    }
    say("opened %s and %s as %s (chair)", calls.queued(), calls.published(), chair);
    long start = System.nanoTime();
    List<String> queued = submitAll(calls.queued(), inputs);
    List<String> toApprove = submitAll(calls.published(), inputs);
    say(
        "submitted %d + %d inputs in %.1f s",
        queued.size(), toApprove.size(), (System.nanoTime() - start) / 1e9);
    start = System.nanoTime();
    parallel(toApprove.size(), i -> approve(toApprove.get(i), agencyOf(i)));
    say("approved %d inputs in %.1f s", toApprove.size(), (System.nanoTime() - start) / 1e9);
    call(() -> gateway.as(actors.reviewerToken(chair)).processes().close(calls.published(), null));
    start = System.nanoTime();
    RecordDocument record =
        await(
            "the final edition of " + calls.published() + " with " + inputs + " entries",
            () ->
                latest(calls.published())
                    .filter(
                        r ->
                            Boolean.TRUE.equals(r.getFinalEdition())
                                && r.getEntries() != null
                                && r.getEntries().size() == inputs));
    say(
        "closed %s: final edition %d lists %d entries (%.1f s after closing)",
        calls.published(),
        record.getEdition(),
        record.getEntries().size(),
        (System.nanoTime() - start) / 1e9);
    long pending =
        await(
            "review-service to list " + inputs + " inputs of " + calls.queued() + " as pending",
            () -> {
              Long total =
                  call(() ->
                          gateway
                              .as(actors.reviewerToken(chair))
                              .reviews()
                              .queue(calls.queued(), null, "PENDING", 0, 1))
                      .getPage()
                      .getTotalElements();
              return Optional.ofNullable(total).filter(t -> t == inputs);
            });
    say("the queue of %s holds %d pending inputs", calls.queued(), pending);
    return calls;
  }

  private String agencyOf(int index) {
    return agencies.get(index % agencies.size());
  }

  /** Submits {@code count} inputs to a call, the agencies in turn; their ids in order. */
  private List<String> submitAll(String process, int count) throws Exception {
    String[] ids = new String[count];
    parallel(
        count,
        i -> {
          String agency = agencyOf(i);
          ContributionRequest input =
              new ContributionRequest()
                  .processId(process)
                  .title("Portal benchmark input " + i + " of " + agency)
                  .summary("How " + agency + " advances the WSIS action lines (benchmark).")
                  .body(body)
                  .language(ContributionRequest.LanguageEnum.EN)
                  .actionLines(new LinkedHashSet<>(List.of("C2", "C7")))
                  .sdgs(new LinkedHashSet<>(List.of(9, 17)))
                  .links(new LinkedHashSet<>(List.of("https://www.itu.int/net4/wsis/forum/")));
          UngisClient asAgency = gateway.as(actors.agencyToken(agency));
          // The intake may not have read the just-opened call yet: it refuses naming processId.
          ids[i] =
              await(
                  agency + "'s input to " + process,
                  () -> {
                    try {
                      return Optional.of(
                          call(() -> asAgency.contributions().submit(input, process + "-" + i))
                              .getId());
                    } catch (ApiProblem refused) {
                      if (refused.status() / 100 == 4 && refused.body().contains("processId")) {
                        return Optional.empty();
                      }
                      throw refused;
                    }
                  });
        });
    return List.of(ids);
  }

  /** The chair approves (a vice-chair an input of the chair's own agency: recusal). */
  private void approve(String contributionId, String agency) {
    String reviewer = agency.equals(chair) ? viceChair : chair;
    Decide approval = new Decide().revision(1).decision("APPROVED");
    UngisClient asReviewer = gateway.as(actors.reviewerToken(reviewer));
    await(
        "the approval of " + contributionId,
        () -> {
          try {
            call(
                () ->
                    asReviewer
                        .reviews()
                        .decide(contributionId, approval, "portal-approve-" + contributionId));
            return Optional.of(true);
          } catch (ApiProblem notYet) {
            // review-service has not read the input yet (404), or its view lags (409).
            if (notYet.status() == 404 || notYet.status() == 409 || notYet.status() == 503) {
              return Optional.empty();
            }
            throw notYet;
          }
        });
  }

  private Optional<RecordDocument> latest(String process) {
    try {
      return Optional.of(call(() -> gateway.records().latestEdition(process, null)));
    } catch (ApiProblem notYet) {
      return Optional.empty();
    }
  }

  interface Task {
    void run(int index) throws Exception;
  }

  /** Runs {@code task} for 0..count-1, {@value #CONCURRENCY} at a time; fails with the first. */
  static void parallel(int count, Task task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, Workflow.daemon("seed"));
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        done.add(
            pool.submit(
                () -> {
                  task.run(index);
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Polls until {@code check} has a value, 200 ms apart, for at most five minutes. */
  static <T> T await(String what, Supplier<Optional<T>> check) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Optional<T> value = check.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }
}
