package org.ungis.localstack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ungis.localstack.DemoScenario.Call;
import org.ungis.localstack.DemoScenario.Input;
import org.ungis.localstack.Http.Actor;
import org.ungis.localstack.Http.Response;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;
import tools.jackson.databind.JsonNode;

/**
 * Seeds the 2023 scenario of the UNGIS annual report through the real HTTP APIs of the running
 * stack: the chair opens three calls for inputs, agencies submit, the chair requests changes on one
 * input, it is revised, reviewers approve several, the Global Digital Compact call is closed, and
 * the resulting record is printed.
 *
 * <p>Safe to run again: what exists is skipped (an existing call, an input already submitted, a
 * decision already taken). Run by {@code bin/local-stack --demo}, or on its own against a running
 * stack: {@code java -Dloader.main=org.ungis.localstack.DemoSeeder -jar
 * local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar [--clock-start INSTANT]}.
 */
public final class DemoSeeder {

  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private final Http contributions;
  private final Http review;
  private final Http publication;
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

  DemoSeeder(
      Http contributions,
      Http review,
      Http publication,
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
            new Http(options.getOrDefault("--contributions", "http://localhost:8082")),
            new Http(options.getOrDefault("--review", "http://localhost:8083")),
            new Http(options.getOrDefault("--publication", "http://localhost:8084")),
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
            : "no authorization server: acting with the X-Ungis-Agency / X-Ungis-Principal headers");
    String recordPath = "/api/v1/records/" + DemoScenario.PUBLISHED;
    if (isFinal(recordPath)) {
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
    JsonNode record =
        await(
            "the final edition of the " + DemoScenario.PUBLISHED + " record",
            () -> {
              Response r = publication.getJson(recordPath);
              return r.status() == 200 && r.json().path("finalEdition").asBoolean(false)
                  ? Optional.of(r.json())
                  : Optional.empty();
            });
    say(
        "published: edition %s of the %s record (final), %d entries",
        record.path("edition").asString("?"),
        DemoScenario.PUBLISHED,
        record.path("entries").size());
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
    Response markdown = publication.get(recordPath, "text/markdown");
    System.out.println(markdown.ok() ? markdown.body() : "(Markdown: " + markdown.problem() + ")");
    notifications.ifPresent(DemoNotifications::report);
  }

  private boolean isFinal(String recordPath) {
    try {
      Response existing = publication.getJson(recordPath);
      return existing.status() == 200 && existing.json().path("finalEdition").asBoolean(false);
    } catch (Http.Unreachable unreachable) {
      say("publication-service does not answer yet: %s", unreachable.getMessage());
      return false;
    }
  }

  private void open(Call call) {
    Actor chair = reviewer(chairs.get(0));
    Instant deadline = start.plus(call.deadlineAfterStart());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", call.id());
    body.put("title", call.title());
    body.put("description", call.description());
    body.put("deadline", deadline.toString());
    body.put("symbol", DemoScenario.SYMBOLS.get(call.id()));
    Response r = review.post("/api/v1/processes", chair, body, "demo-open-" + call.id());
    boolean refusedOnTheirClock =
        r.status() == 403 || (r.status() / 100 == 4 && r.body().contains("deadline"));
    if (refusedOnTheirClock && !roster.periodAt(Instant.now()).equals(roster.periodAt(start))) {
      // The services refuse the demo timeline's chair or deadline: they run on today's clock (no
      // ungis.clock.start). Play the scenario today, with today's rota and deadlines.
      say(
          "%s may not open calls on the services' clock (%s): they do not run on the demo"
              + " timeline; playing the scenario with today's rota instead",
          chair.agency(), r.problem());
      playAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      say(
          "rota today: chair(s) %s, vice-chairs %s",
          String.join(", ", chairs), String.join(", ", viceChairs));
      open(call);
      return;
    }
    if (r.status() == 201) {
      say(
          "%s opened the call %s \"%s\" (deadline %s)",
          chair.agency(), call.id(), call.title(), deadline);
      if (call.id().equals(DemoScenario.GDC)) {
        Response framed =
            review.put(
                "/api/v1/processes/" + call.id() + "/framing",
                chair,
                Map.of(
                    "introduction",
                    DemoScenario.GDC_INTRODUCTION,
                    "conclusion",
                    DemoScenario.GDC_CONCLUSION));
        say("%s wrote the framing of %s: %s", chair.agency(), call.id(), framed.status());
      }
    } else if (r.status() == 409) {
      say("the call %s exists already", call.id());
    } else {
      throw new IllegalStateException("opening " + call.id() + ": " + r.problem());
    }
  }

  private void submit(Input input) {
    Optional<JsonNode> found = findExisting(input);
    if (found.isPresent()) {
      remember(input, found.get());
      say("%s's input to %s exists already (%s)", input.agency(), input.processId(), status(input));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processId", input.processId());
    body.put("title", input.title());
    body.put("summary", input.summary());
    body.put("body", input.body());
    body.put("language", "EN");
    body.put("actionLines", input.actionLines());
    body.put("sdgs", input.sdgs());
    body.put("links", input.links());
    Actor agency = focalPoint(input.agency());
    Response r =
        retryWhileCallUnknown(
            () ->
                contributions.post(
                    "/api/v1/contributions", agency, body, "demo-submit-" + input.key()));
    if (r.status() != 201) {
      throw new IllegalStateException(
          input.agency() + " submitting to " + input.processId() + ": " + r.problem());
    }
    remember(input, r.json());
    say(
        "%s submitted to %s: \"%s\" (%s)",
        input.agency(), input.processId(), input.title(), seeded.get(input.key()).id());
  }

  /** The intake may not have read a just-opened call yet: retry a refusal naming the process. */
  private Response retryWhileCallUnknown(Supplier<Response> call) {
    Response[] last = new Response[1];
    await(
        "the intake to accept the submission",
        () -> {
          last[0] = call.get();
          boolean transientRefusal =
              last[0].status() >= 400
                  && last[0].status() != 409
                  && last[0].body().contains("processId")
                  && !last[0].body().contains("deadline");
          return transientRefusal ? Optional.empty() : Optional.of(last[0]);
        });
    return last[0];
  }

  private Optional<JsonNode> findExisting(Input input) {
    Response r =
        contributions.getJson(
            "/api/v1/contributions?size=100&agency="
                + input.agency()
                + "&process="
                + input.processId(),
            focalPoint(input.agency()));
    if (!r.ok()) {
      return Optional.empty();
    }
    for (JsonNode item : r.json().path("items")) {
      if (input.title().equals(item.path("title").asString(""))) {
        return Optional.of(item);
      }
    }
    return Optional.empty();
  }

  private void remember(Input input, JsonNode contribution) {
    seeded.put(
        input.key(),
        new Seeded(
            input,
            contribution.path("id").asString(),
            contribution.path("revision").asInt(1),
            contribution.path("status").asString("SUBMITTED")));
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
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("title", input.title());
      body.put("summary", input.summary());
      body.put("body", input.revisedBody());
      body.put("language", "EN");
      body.put("actionLines", input.actionLines());
      body.put("sdgs", input.sdgs());
      body.put("links", input.links());
      body.put("note", input.revisionNote());
      body.put("expectedRevision", 1);
      Response r =
          contributions.put("/api/v1/contributions/" + s.id(), focalPoint(input.agency()), body);
      if (!r.ok()) {
        throw new IllegalStateException(input.agency() + " revising: " + r.problem());
      }
      remember(input, r.json());
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("revision", s.revision());
    body.put("decision", decision);
    if (comment != null) {
      body.put("comment", comment);
    }
    String path = "/api/v1/reviews/" + s.id() + "/decisions";
    Response[] last = new Response[1];
    try {
      await(
          decision + " on " + s.input().agency() + "'s input",
          () -> {
            last[0] = review.post(path, reviewer, body, null);
            if (last[0].status() == 201) {
              return Optional.of(true);
            }
            if (last[0].status() == 409 && alreadyDecided(s)) {
              return Optional.of(true);
            }
            if (last[0].status() == 404 || last[0].status() == 409) {
              return Optional.empty();
            }
            throw new IllegalStateException(decision + " refused: " + last[0].problem());
          });
    } catch (IllegalStateException e) {
      if (last[0] != null && e.getMessage().startsWith("timed out")) {
        throw new IllegalStateException(e.getMessage() + "; last answer " + last[0].problem(), e);
      }
      throw e;
    }
  }

  private boolean alreadyDecided(Seeded s) {
    Response r =
        contributions.getJson("/api/v1/contributions/" + s.id(), focalPoint(s.input().agency()));
    if (!r.ok()) {
      return false;
    }
    for (JsonNode d : r.json().path("decisions")) {
      if (d.path("revision").asInt() == s.revision() && !d.path("outcome").isNull()) {
        return true;
      }
    }
    return false;
  }

  private Seeded awaitStatus(Seeded s, String status, int revision) {
    JsonNode contribution =
        await(
            s.input().agency() + "'s input to be " + status,
            () -> {
              Response r =
                  contributions.getJson(
                      "/api/v1/contributions/" + s.id(), focalPoint(s.input().agency()));
              return r.ok()
                      && r.json().path("status").asString("").equals(status)
                      && r.json().path("revision").asInt() == revision
                  ? Optional.of(r.json())
                  : Optional.empty();
            });
    remember(s.input(), contribution);
    return seeded.get(s.input().key());
  }

  private void awaitRecordListing(List<Seeded> approved) {
    String path = "/api/v1/records/" + DemoScenario.PUBLISHED;
    await(
        "the " + DemoScenario.PUBLISHED + " record to list the " + approved.size() + " approvals",
        () -> {
          Response r = publication.getJson(path);
          if (!r.ok()) {
            return Optional.empty();
          }
          String json = r.body();
          boolean all = approved.stream().allMatch(s -> json.contains(s.id()));
          return all ? Optional.of(true) : Optional.empty();
        });
  }

  private void close(String processId) {
    Actor chair = reviewer(chairs.get(0));
    Response r = review.post("/api/v1/processes/" + processId + "/closure", chair, Map.of(), null);
    if (r.ok()) {
      say(
          "%s (chair) closed the call %s: the record's final edition follows",
          chair.agency(), processId);
    } else if (r.status() == 409) {
      say("the call %s is closed already", processId);
    } else {
      throw new IllegalStateException("closing " + processId + ": " + r.problem());
    }
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
    return new Actor(
        agency, "ungis.reviewer@" + DemoScenario.domainOf(agency), tokens.forReviewer(agency));
  }

  private Actor focalPoint(String agency) {
    return new Actor(
        agency, "ungis.focalpoint@" + DemoScenario.domainOf(agency), tokens.forAgency(agency));
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
      } catch (Http.Unreachable e) {
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
