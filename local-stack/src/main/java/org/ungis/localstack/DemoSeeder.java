package org.ungis.localstack;

import static org.ungis.client.UngisClient.call;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ungis.client.ApiProblem;
import org.ungis.client.UngisClient;
import org.ungis.client.contributions.model.ContributionRequest;
import org.ungis.client.contributions.model.ContributionResponse;
import org.ungis.client.contributions.model.DecisionResponse;
import org.ungis.client.publication.model.RecordDocument;
import org.ungis.client.review.model.Decide;
import org.ungis.client.review.model.Framing;
import org.ungis.client.review.model.OpenCall;
import org.ungis.localstack.DemoScenario.Call;
import org.ungis.localstack.DemoScenario.Input;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;

/**
 * Seeds the 2023 scenario of the UNGIS annual report through the real HTTP APIs of the running
 * stack: the chair opens three calls for inputs, agencies submit, the chair requests changes on one
 * input, it is revised, reviewers approve several, the Global Digital Compact call is closed, and
 * the resulting record is printed. It is a client of the API like any integrator's system: the
 * generated client of the {@code api-client} module, with client-credentials tokens.
 *
 * <p>Safe to run again: what exists is skipped (an existing call, an input already submitted, a
 * decision already taken). Run by {@code bin/local-stack --demo}, or on its own against a running
 * stack: {@code java -Dloader.main=org.ungis.localstack.DemoSeeder -jar
 * local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar [--clock-start INSTANT]}.
 */
public final class DemoSeeder {

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
  private static final Supplier<String> NOBODY = () -> null;

  private final UngisClient contributions;
  private final UngisClient review;
  private final UngisClient publication;
  private final Tokens tokens;
  private final Roster roster;
  private final Optional<DemoNotifications> notifications;
  private Instant start;
  private List<String> chairs;
  private List<String> viceChairs;
  private final Map<String, Seeded> seeded = new LinkedHashMap<>();
  private int reviewerTurn;

  /** What the demo knows of an input once it is in the system. */
  private record Seeded(Input input, String id, int revision, String status) {}

  /** Who acts: an agency (its focal point) or a reviewer, with that client's tokens. */
  private record Actor(String agency, Supplier<String> token) {}

  DemoSeeder(
      UngisClient contributions,
      UngisClient review,
      UngisClient publication,
      Tokens tokens,
      Instant start,
      Roster roster,
      Optional<DemoNotifications> notifications) {
    this.contributions = contributions;
    this.notifications = notifications;
    this.review = review;
    this.publication = publication;
    this.tokens = tokens;
    this.roster = roster;
    playAt(start);
  }

  /** Plays the scenario from this instant, with the rota of the period containing it. */
  private void playAt(Instant instant) {
    Period period =
        roster
            .periodAt(instant)
            .orElseThrow(() -> new IllegalStateException("The roster has no period at " + instant));
    this.start = instant;
    this.chairs = period.chairs().stream().sorted().toList();
    this.viceChairs = period.viceChairs().stream().sorted().toList();
  }

  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Instant start =
        options.containsKey("--clock-start")
            ? Instant.parse(options.get("--clock-start"))
            : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Tokens tokens = new Tokens(options.getOrDefault("--auth-server", "http://localhost:9000"));
    // --notifications URL --inbox URL --imap HOST:PORT: register a webhook, report what was sent
    Optional<DemoNotifications> notifications =
        options.containsKey("--notifications") && options.containsKey("--inbox")
            ? Optional.of(
                new DemoNotifications(
                    new Http(options.get("--notifications")),
                    new Http(options.get("--inbox")),
                    tokens,
                    options.getOrDefault("--imap", "localhost:3143")))
            : Optional.empty();
    DemoSeeder seeder =
        new DemoSeeder(
            UngisClient.of(
                options.getOrDefault("--contributions", "http://localhost:8082"), NOBODY),
            UngisClient.of(options.getOrDefault("--review", "http://localhost:8083"), NOBODY),
            UngisClient.of(options.getOrDefault("--publication", "http://localhost:8084"), NOBODY),
            tokens,
            start,
            Roster.load(),
            notifications);
    try {
      seeder.run();
    } catch (RuntimeException e) {
      System.err.println("[demo] FAILED: " + e.getMessage());
      System.exit(1);
    }
  }

  void run() {
    say(
        "rota at %s: chair(s) %s, vice-chairs %s",
        start, String.join(", ", chairs), String.join(", ", viceChairs));
    say(
        tokens.available()
            ? "acting with client-credentials tokens from the authorization server"
            : "no authorization server answers: acting without tokens (the services answer 401)");
    String recordPath = "/api/v1/records/" + DemoScenario.PUBLISHED;
    if (isFinal()) {
      say("the %s record is already final: nothing to seed", DemoScenario.PUBLISHED);
    } else {
      notifications.ifPresent(DemoNotifications::register);
      DemoScenario.CALLS.forEach(this::open);
      DemoScenario.INPUTS.forEach(this::submit);
      DemoScenario.INPUTS.stream()
          .filter(input -> input.changesRequested() != null)
          .forEach(this::requestChangesAndRevise);
      DemoScenario.INPUTS.stream().filter(Input::approve).forEach(this::approve);
      List<Seeded> published =
          seeded.values().stream()
              .filter(s -> s.input().approve())
              .filter(s -> s.input().processId().equals(DemoScenario.PUBLISHED))
              .toList();
      awaitRecordListing(published);
      close(DemoScenario.PUBLISHED);
    }
    RecordDocument record =
        await(
            "the final edition of the " + DemoScenario.PUBLISHED + " record",
            () -> latestRecord().filter(r -> Boolean.TRUE.equals(r.getFinalEdition())));
    say(
        "published: edition %s of the %s record (final), %d entries",
        record.getEdition(),
        DemoScenario.PUBLISHED,
        record.getEntries() == null ? 0 : record.getEntries().size());
    System.out.println();
    System.out.println("  " + publication.url(recordPath));
    for (String format : List.of("pdf", "docx", "html")) {
      System.out.println(
          "  "
              + publication.url(recordPath + "." + format)
              + "   (French: "
              + publication.url(recordPath + "." + format + "?lang=FR")
              + ")");
    }
    System.out.println();
    try {
      System.out.println(publication.text(recordPath, "text/markdown"));
    } catch (ApiProblem problem) {
      System.out.println("(Markdown: " + problem.getMessage() + ")");
    }
    notifications.ifPresent(DemoNotifications::report);
  }

  /** The latest edition of the published call's record, if there is one yet. */
  private Optional<RecordDocument> latestRecord() {
    try {
      return Optional.of(
          call(() -> publication.records().latestEdition(DemoScenario.PUBLISHED, null)));
    } catch (ApiProblem notYet) {
      return Optional.empty();
    }
  }

  private boolean isFinal() {
    try {
      return latestRecord().map(r -> Boolean.TRUE.equals(r.getFinalEdition())).orElse(false);
    } catch (UncheckedIOException unreachable) {
      say("publication-service does not answer yet: %s", unreachable.getMessage());
      return false;
    }
  }

  private void open(Call call) {
    Actor chair = reviewer(chairs.get(0));
    Instant deadline = start.plus(call.deadlineAfterStart());
    OpenCall body =
        new OpenCall()
            .id(call.id())
            .title(call.title())
            .description(call.description())
            .deadline(deadline.toString())
            .symbol(DemoScenario.SYMBOLS.get(call.id()));
    ApiProblem refused;
    try {
      call(() -> as(review, chair).processes().open(body, "demo-open-" + call.id()));
      refused = null;
    } catch (ApiProblem problem) {
      refused = problem;
    }
    boolean refusedOnTheirClock =
        refused != null
            && (refused.status() == 403
                || (refused.status() / 100 == 4 && refused.body().contains("deadline")));
    if (refusedOnTheirClock && !roster.periodAt(Instant.now()).equals(roster.periodAt(start))) {
      // The services refuse the demo timeline's chair or deadline: they run on today's clock (no
      // ungis.clock.start). Play the scenario today, with today's rota and deadlines.
      say(
          "%s may not open calls on the services' clock (%s): they do not run on the demo"
              + " timeline; playing the scenario with today's rota instead",
          chair.agency(), refused.getMessage());
      playAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      say(
          "rota today: chair(s) %s, vice-chairs %s",
          String.join(", ", chairs), String.join(", ", viceChairs));
      open(call);
      return;
    }
    if (refused == null) {
      say(
          "%s opened the call %s \"%s\" (deadline %s)",
          chair.agency(), call.id(), call.title(), deadline);
      if (call.id().equals(DemoScenario.GDC)) {
        Framing framing =
            new Framing()
                .introduction(DemoScenario.GDC_INTRODUCTION)
                .conclusion(DemoScenario.GDC_CONCLUSION);
        call(() -> as(review, chair).processes().frame(call.id(), framing));
        say("%s wrote the framing of %s", chair.agency(), call.id());
      }
    } else if (refused.status() == 409) {
      say("the call %s exists already", call.id());
    } else {
      throw new IllegalStateException("opening " + call.id() + ": " + refused.getMessage());
    }
  }

  private void submit(Input input) {
    Optional<ContributionResponse> found = findExisting(input);
    if (found.isPresent()) {
      remember(input, found.get());
      say("%s's input to %s exists already (%s)", input.agency(), input.processId(), status(input));
      return;
    }
    ContributionRequest body = content(input, input.body()).processId(input.processId());
    Actor agency = focalPoint(input.agency());
    ContributionResponse created =
        retryWhileCallUnknown(
            input,
            () ->
                call(
                    () ->
                        as(contributions, agency)
                            .contributions()
                            .submit(body, "demo-submit-" + input.key())));
    remember(input, created);
    say(
        "%s submitted to %s: \"%s\" (%s)",
        input.agency(), input.processId(), input.title(), seeded.get(input.key()).id());
  }

  /** The fields of a submission or revision, with this body. */
  private static ContributionRequest content(Input input, String body) {
    return new ContributionRequest()
        .title(input.title())
        .summary(input.summary())
        .body(body)
        .language(ContributionRequest.LanguageEnum.EN)
        .actionLines(new LinkedHashSet<>(input.actionLines()))
        .sdgs(new LinkedHashSet<>(input.sdgs()))
        .links(new LinkedHashSet<>(input.links()));
  }

  /** The intake may not have read a just-opened call yet: retry a refusal naming the process. */
  private ContributionResponse retryWhileCallUnknown(
      Input input, Supplier<ContributionResponse> submission) {
    ApiProblem[] last = new ApiProblem[1];
    try {
      return await(
          "the intake to accept the submission",
          () -> {
            try {
              return Optional.of(submission.get());
            } catch (ApiProblem problem) {
              last[0] = problem;
              boolean transientRefusal =
                  problem.status() != 409
                      && problem.body().contains("processId")
                      && !problem.body().contains("deadline");
              if (transientRefusal) {
                return Optional.empty();
              }
              throw problem;
            }
          });
    } catch (ApiProblem problem) {
      throw new IllegalStateException(
          input.agency() + " submitting to " + input.processId() + ": " + problem.getMessage(),
          problem);
    }
  }

  private Optional<ContributionResponse> findExisting(Input input) {
    try {
      return call(
              () ->
                  as(contributions, focalPoint(input.agency()))
                      .contributions()
                      .listContributions(
                          input.agency(),
                          input.processId(),
                          null,
                          null,
                          null,
                          null,
                          null,
                          null,
                          0,
                          100))
          .getItems()
          .stream()
          .filter(item -> input.title().equals(item.getTitle()))
          .findFirst();
    } catch (ApiProblem problem) {
      return Optional.empty();
    }
  }

  private void remember(Input input, ContributionResponse contribution) {
    seeded.put(
        input.key(),
        new Seeded(
            input,
            contribution.getId(),
            contribution.getRevision() == null ? 1 : contribution.getRevision(),
            contribution.getStatus() == null ? "SUBMITTED" : contribution.getStatus()));
  }

  private String status(Input input) {
    Seeded s = seeded.get(input.key());
    return s.status() + ", revision " + s.revision();
  }

  private void requestChangesAndRevise(Input input) {
    Seeded s = seeded.get(input.key());
    if (s.revision() == 1 && s.status().equals("SUBMITTED")) {
      Actor chair = reviewerFor(input.agency(), chairs);
      decide(s, chair, "CHANGES_REQUESTED", input.changesRequested());
      say(
          "%s (chair) requested changes on %s's input: \"%s\"",
          chair.agency(), input.agency(), input.changesRequested());
      s = awaitStatus(s, "CHANGES_REQUESTED", 1);
    }
    if (s.revision() == 1 && s.status().equals("CHANGES_REQUESTED")) {
      ContributionRequest body =
          content(input, input.revisedBody()).note(input.revisionNote()).expectedRevision(1);
      String id = s.id();
      try {
        remember(
            input,
            call(
                () ->
                    as(contributions, focalPoint(input.agency()))
                        .contributions()
                        .revise(id, body, null)));
      } catch (ApiProblem problem) {
        throw new IllegalStateException(input.agency() + " revising: " + problem.getMessage());
      }
      say("%s revised its input (revision 2): %s", input.agency(), input.revisionNote());
    }
  }

  private void approve(Input input) {
    Seeded s = seeded.get(input.key());
    if (s.status().equals("APPROVED")) {
      return;
    }
    List<String> rota = new ArrayList<>(chairs);
    rota.addAll(viceChairs);
    Actor reviewer = reviewerFor(input.agency(), rotate(rota));
    decide(s, reviewer, "APPROVED", null);
    say(
        "%s (%s) approved %s's input to %s (revision %d)",
        reviewer.agency(),
        chairs.contains(reviewer.agency()) ? "chair" : "vice-chair",
        input.agency(),
        input.processId(),
        s.revision());
    seeded.put(input.key(), awaitStatus(s, "APPROVED", s.revision()));
  }

  /**
   * Posts a decision, retrying while review-service has not yet read the contribution (or its
   * latest revision) from Kafka.
   */
  private void decide(Seeded s, Actor reviewer, String decision, String comment) {
    Decide body = new Decide().revision(s.revision()).decision(decision).comment(comment);
    ApiProblem[] last = new ApiProblem[1];
    try {
      await(
          decision + " on " + s.input().agency() + "'s input",
          () -> {
            try {
              call(() -> as(review, reviewer).reviews().decide(s.id(), body, null));
              return Optional.of(true);
            } catch (ApiProblem problem) {
              last[0] = problem;
              if (problem.status() == 409 && alreadyDecided(s)) {
                return Optional.of(true);
              }
              if (problem.status() == 404 || problem.status() == 409) {
                return Optional.empty();
              }
              throw new IllegalStateException(decision + " refused: " + problem.getMessage());
            }
          });
    } catch (IllegalStateException e) {
      if (last[0] != null && e.getMessage().startsWith("timed out")) {
        throw new IllegalStateException(
            e.getMessage() + "; last answer " + last[0].getMessage(), e);
      }
      throw e;
    }
  }

  private Optional<ContributionResponse> contribution(Seeded s) {
    try {
      return Optional.of(
          call(
              () -> as(contributions, focalPoint(s.input().agency())).contributions().get(s.id())));
    } catch (ApiProblem problem) {
      return Optional.empty();
    }
  }

  private boolean alreadyDecided(Seeded s) {
    List<DecisionResponse> decisions =
        contribution(s).map(ContributionResponse::getDecisions).orElse(List.of());
    return decisions != null
        && decisions.stream()
            .anyMatch(d -> d.getRevision() == s.revision() && d.getOutcome() != null);
  }

  private Seeded awaitStatus(Seeded s, String status, int revision) {
    ContributionResponse contribution =
        await(
            s.input().agency() + "'s input to be " + status,
            () ->
                contribution(s)
                    .filter(c -> status.equals(c.getStatus()) && c.getRevision() == revision));
    remember(s.input(), contribution);
    return seeded.get(s.input().key());
  }

  private void awaitRecordListing(List<Seeded> approved) {
    await(
        "the " + DemoScenario.PUBLISHED + " record to list the " + approved.size() + " approvals",
        () ->
            latestRecord()
                .filter(
                    r ->
                        r.getEntries() != null
                            && approved.stream()
                                .allMatch(
                                    s ->
                                        r.getEntries().stream()
                                            .anyMatch(e -> s.id().equals(e.getContributionId())))));
  }

  private void close(String processId) {
    Actor chair = reviewer(chairs.get(0));
    try {
      call(() -> as(review, chair).processes().close(processId, null));
      say(
          "%s (chair) closed the call %s: the record's final edition follows",
          chair.agency(), processId);
    } catch (ApiProblem problem) {
      if (problem.status() != 409) {
        throw new IllegalStateException("closing " + processId + ": " + problem.getMessage());
      }
      say("the call %s is closed already", processId);
    }
  }

  /** The client acting as {@code actor}. */
  private static UngisClient as(UngisClient client, Actor actor) {
    return client.as(actor.token());
  }

  private List<String> rotate(List<String> rota) {
    int turn = reviewerTurn++ % rota.size();
    List<String> rotated = new ArrayList<>(rota.subList(turn, rota.size()));
    rotated.addAll(rota.subList(0, turn));
    return rotated;
  }

  /** The first of the candidates who is not of the contribution's agency (recusal). */
  private Actor reviewerFor(String agency, List<String> candidates) {
    return candidates.stream()
        .filter(candidate -> !candidate.equals(agency))
        .findFirst()
        .map(this::reviewer)
        .orElseThrow(() -> new IllegalStateException("No reviewer other than " + agency));
  }

  private Actor reviewer(String agency) {
    return new Actor(agency, tokens.forReviewer(agency));
  }

  private Actor focalPoint(String agency) {
    return new Actor(agency, tokens.forAgency(agency));
  }

  static <T> T await(String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    String lastProblem = "";
    while (true) {
      try {
        Optional<T> value = probe.get();
        if (value.isPresent()) {
          return value.get();
        }
      } catch (UncheckedIOException e) {
        lastProblem = " (" + e.getMessage() + ")";
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after " + STEP_TIMEOUT + " waiting for " + what + lastProblem);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  static void say(String format, Object... args) {
    System.out.println("[demo] " + String.format(format, args));
  }
}
