package org.ungis.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.ungis.e2e.PlatformStack;
import org.ungis.e2e.PrintLogsOnFailure;
import org.ungis.e2e.StepClock;
import org.ungis.reference.People;
import org.ungis.reference.Period;
import org.ungis.reference.Person;
import org.ungis.reference.Roster;

/**
 * The portal in a real browser, against the real processes (broker, registry, authorization server,
 * the three services and the portal, each from its exec jar): people sign in as themselves and do
 * the whole workflow through the pages, in English and in Arabic, on one stack. A focal point
 * submits an input to a call the chair opened through the portal (with the keyboard only); the
 * chair, whose queue is open in another browser, sees it arrive without a reload; the chair
 * requests changes; the focal point reads the comment and revises; a vice-chair approves; the chair
 * closes the call; an anonymous visitor reads the final record. Every page passes axe-core (no
 * serious or critical violation). With {@code -Dportal.screenshots=true} the pages are saved as
 * {@code docs/images/portal-*.png}. The output times each step (the stack's start and stop, each
 * page and each wait) as {@code [en] step: ms}.
 */
class PortalJourneyIT {

  /** How soon a change should show on an open page without a reload (printed, not asserted). */
  static final Duration LIVE = Duration.ofSeconds(2);

  /** How long a person may wait for the services to agree (events between services). */
  static final Duration PROPAGATION = Duration.ofSeconds(30);

  /**
   * The demo people's development passwords (auth-server's {@code DevelopmentPeople}, listed in its
   * README); the test picks who plays which part from the directory and the rota of today.
   */
  static final Map<String, String> DEMO_PASSWORDS =
      Map.of(
          "fatou.diallo@uneca.org", "baobab-sunrise",
          "tomas.herrera@unctad.org", "copper-sierra",
          "wei.zhang@itu.int", "jade-bridge",
          "maria.gonzalez@undp.org", "coral-mesa",
          "olivier.dubois@unesco.org", "violet-atlas",
          "karim.mansour@un.org", "desert-falcon");

  @TempDir static Path workDir;

  static PlatformStack stack;
  static String portal;
  static Person focalPoint;
  static Person chair;
  static Person viceChair;

  private final Map<String, Browser> browsers = new java.util.LinkedHashMap<>();

  /** On a failure, what each person's browser shows (before the browsers close). */
  @RegisterExtension
  final TestExecutionExceptionHandler whatTheBrowsersShow =
      (context, failure) -> {
        browsers.forEach((who, browser) -> System.err.println(browser.describe(who)));
        throw failure;
      };

  @RegisterExtension
  static final PrintLogsOnFailure PRINT_LOGS_ON_FAILURE = new PrintLogsOnFailure(() -> stack, 120);

  @BeforeAll
  static void startThePlatformWithThePortal() {
    BrowserRequirement.configured().check(System.getenv());
    Roster roster = Roster.load();
    People people = People.load(roster);
    Period rota =
        roster
            .periodAt(Instant.now())
            .orElseThrow(() -> new AssertionError("the bundled roster has no period for today"));
    chair = reviewerOf(people, rota.chairs().stream().sorted().toList());
    viceChair = reviewerOf(people, rota.viceChairs().stream().sorted().toList());
    focalPoint =
        people.all().stream()
            .filter(p -> p.role() == Person.Role.FOCAL_POINT)
            .filter(p -> roster.roleAt(p.agency(), Instant.now()).isEmpty())
            .filter(p -> DEMO_PASSWORDS.containsKey(p.id()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no demo focal point of an agency off the rota"));
    String running = System.getProperty("portal.url");
    if (running != null && !running.isBlank()) {
      portal = running.strip(); // a stack that runs already (its portal on 127.0.0.1)
    } else {
      StepClock clock = StepClock.start("stack");
      stack = PlatformStack.builder(workDir).portal(true).start();
      portal = stack.portalUrl();
      clock.step("started");
    }
  }

  private static Person reviewerOf(People people, List<String> agencies) {
    return people.all().stream()
        .filter(p -> p.role() == Person.Role.REVIEWER && agencies.contains(p.agency()))
        .filter(p -> DEMO_PASSWORDS.containsKey(p.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no demo reviewer at " + agencies));
  }

  @AfterAll
  static void stopThePlatform() {
    if (stack != null) {
      StepClock clock = StepClock.start("stack");
      stack.close();
      clock.step("stopped");
    }
  }

  @AfterEach
  void closeTheBrowsers() {
    StepClock clock = StepClock.start("browsers");
    browsers.values().forEach(Browser::close);
    clock.step("closed");
  }

  @ParameterizedTest(name = "in {0}")
  @MethodSource("org.ungis.e2e.portal.Texts#languages")
  void aFocalPointsInputGoesFromSubmissionThroughChangesToTheFinalRecord(Texts language) {
    String lang = language.tag();
    Texts.Typed typed = language.typed();
    Texts.Shown shown = language.shown();
    String run = UUID.randomUUID().toString().substring(0, 6);
    String callId = "portal-" + lang + "-" + run;
    String callTitle = typed.callTitle() + " " + run;
    String inputTitle = typed.inputTitle() + " " + run;
    String body = typed.body();
    String addition = typed.addition();
    String comment = typed.comment();
    String dir = language.dir();
    StepClock clock = StepClock.start(lang);

    // The chair signs in and opens a call through the portal.
    Browser chairs = browser("chair", lang);
    clock.step("the chair's browser started");
    signIn(chairs, lang, dir, chair);
    clock.step("the chair signed in");
    CallAdminPage calls =
        CallAdminPage.open(chairs, portal)
            .openCall(
                callId,
                callTitle,
                typed.callDescription(),
                LocalDateTime.ofInstant(Instant.now().plus(14, ChronoUnit.DAYS), ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.MINUTES));
    assertThat(calls.banner()).contains(callTitle);
    assertThat(calls.call(callTitle)).contains(shown.open());
    clock.step("the chair opened a call");

    // The chair writes the joint input's introduction and conclusion.
    calls = calls.writeDocument(callId, typed.introduction(), typed.conclusion());
    assertThat(calls.banner()).contains(callTitle);
    clock.step("the chair wrote the introduction and conclusion");

    // The chair keeps the review queue open in their window.
    QueuePage queue = QueuePage.open(chairs, portal, callId);
    assertThat(queue.titles()).doesNotContain(inputTitle);
    clock.step("the chair's queue opened");

    // The focal point signs in, finds the call on the dashboard and writes an input, keyboard only.
    Browser focal = browser("focal-point", lang);
    clock.step("the focal point's browser started");
    signIn(focal, lang, dir, focalPoint);
    clock.step("the focal point signed in");
    DashboardPage dashboard = DashboardPage.open(focal, portal);
    assertThat(dashboard.task(callTitle)).contains(shown.notStarted());
    clock.step("the focal point's dashboard");
    InputFormPage form = dashboard.startInput(callId);
    form.skipToMain();
    CheckAnswersPage check =
        form.type("title", inputTitle)
            .type("summary", typed.summary())
            .type("body", body)
            .choose("language", language.code())
            .tick(List.of("sdg-9", "sdg-17", "al-C7"))
            .type("links", "https://www.uneca.org/digital")
            .continueToCheck();
    clock.step("the focal point typed the input");
    assertThat(check.answer(shown.titleQuestion())).isEqualTo(inputTitle);
    assertThat(check.submitButton()).isEqualTo(shown.submitToTheChair());
    check.pressSubmit();
    focal.waiting().until(ExpectedConditions.urlMatches("/my/inputs/[^/]+/sent$"));
    long submitted = System.nanoTime();
    clock.step("the focal point submitted");

    // Once the focal point is told the input is sent, the chair's open queue shows it by itself,
    // without a reload. How soon is printed beside the target (2 s): a timed assertion would fail
    // on a busy machine without anything being wrong, so the test asserts only that it comes.
    await("the chair's open queue shows the new input without a reload")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(() -> queue.titles().contains(inputTitle));
    System.out.printf(
        "[%s] the new input showed in the chair's open queue %d ms after the confirmation"
            + " (target %d ms)%n",
        lang, Duration.ofNanos(System.nanoTime() - submitted).toMillis(), LIVE.toMillis());
    clock.step("waited for the chair's open queue to show it");
    ConfirmationPage sent = new ConfirmationPage(focal);
    String inputId = sent.inputId();
    MyInputPage mine = sent.viewInput();
    assertThat(mine.status()).isEqualTo(shown.submitted());
    clock.step("the focal point's input page");

    // The chair reads it and requests changes with a comment.
    ReviewPage review = queue.open(inputTitle);
    assertThat(review.text()).contains(body);
    ReviewPage.DecidedPage decided = review.decide(1, comment);
    assertThat(decided.outcome()).contains(shown.changesRequested());
    clock.step("the chair requested changes");

    // The focal point sees the comment on top of their input, and revises beside it.
    MyInputPage reread = MyInputPage.open(focal, portal, inputId);
    awaitOrReload(focal, () -> reread.status().equals(shown.changesRequested()));
    assertThat(reread.reviewersComment()).contains(comment);
    clock.step("waited for the focal point to see the comment");
    InputFormPage revision = reread.revise();
    assertThat(revision.reviewersComment()).isEqualTo(comment);
    revision.skipToMain();
    CheckAnswersPage checkRevision =
        revision.append("body", addition).type("note", typed.note()).continueToCheck();
    assertThat(checkRevision.submitButton()).isEqualTo(shown.submitRevision());
    checkRevision.pressSubmit();
    new ConfirmationPage(focal);
    clock.step("the focal point revised");

    // A vice-chair signs in and approves revision 2: the quorum of the call is met.
    Browser vice = browser("vice-chair", lang);
    clock.step("the vice-chair's browser started");
    signIn(vice, lang, dir, viceChair);
    clock.step("the vice-chair signed in");
    QueuePage viceQueue = QueuePage.open(vice, portal, callId);
    awaitOrReload(vice, () -> viceQueue.titles().contains(inputTitle));
    clock.step("waited for the vice-chair's queue to show the revision");
    ReviewPage approving = viceQueue.open(inputTitle);
    assertThat(approving.text()).contains(addition);
    ReviewPage.DecidedPage approved = approving.decide(0, "");
    assertThat(approved.outcome()).contains(shown.approved()).contains(shown.oneOfOneApprovals());
    clock.step("the vice-chair approved");

    // The chair closes the call.
    CallAdminPage closed = CallAdminPage.open(chairs, portal).closeCall(callId);
    assertThat(closed.banner()).contains(callTitle);
    assertThat(closed.call(callTitle)).contains(shown.closed());
    clock.step("the chair closed the call");

    // The focal point's history names each person who acted (by name), never a client.
    MyInputPage history = MyInputPage.open(focal, portal, inputId);
    awaitOrReload(focal, () -> history.status().equals(shown.approved()));
    assertThat(String.join("\n", history.history()))
        .contains(chair.name())
        .contains(viceChair.name())
        .contains(focalPoint.name())
        .doesNotContain("intake@")
        .doesNotContain("reviewer-");
    clock.step("waited for the focal point's history");
    DashboardPage approvedOnDashboard = DashboardPage.open(focal, portal);
    assertThat(approvedOnDashboard.inputRow(inputTitle))
        .contains(shown.approved())
        .contains(shown.oneOfOneApprovals());
    // Every input of the agency, a page at a time: the approved one is there, its call named.
    InputsPage allInputs = approvedOnDashboard.allInputs();
    assertThat(allInputs.inputRow(inputTitle)).contains(shown.approved()).contains(callTitle);
    clock.step("the focal point's dashboard and list of inputs");

    // An anonymous visitor reads the final record with the entry, in the browser's language.
    Browser visitor = browser("visitor", lang);
    visitor.expectLanguage(lang, dir);
    clock.step("the visitor's browser started");
    HomePage home = HomePage.open(visitor, portal);
    awaitOrReload(visitor, () -> home.mainText().contains(callTitle));
    clock.step("waited for the home page to list the call");
    RecordPage record = home.openRecord(callTitle);
    awaitOrReload(visitor, () -> record.edition().contains(shown.finalEdition()));
    clock.step("waited for the final record");
    assertThat(record.entries())
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry)
                    .contains(inputTitle)
                    .contains(body)
                    .contains(addition)
                    .contains(viceChair.name()));
    assertThat(record.framing()).contains(typed.introduction()).contains(typed.conclusion());
    clock.step("the visitor read the final record");
  }

  /** A new browser for one person of this run, asking for pages in the run's language. */
  private Browser browser(String who, String lang) {
    Browser browser = Browser.start(workDir.resolve("browsers").resolve(lang + "-" + who), lang);
    browsers.put(lang + "-" + who, browser);
    return browser;
  }

  /**
   * A person opens the portal, picks the run's language in the switcher (their profile may prefer
   * another) and signs in at the authorization server; the portal keeps the language.
   */
  private static void signIn(Browser browser, String lang, String dir, Person person) {
    HomePage home = HomePage.open(browser, portal).chooseLanguage(lang);
    browser.expectLanguage(lang, dir);
    SignInPage signIn = home.signIn();
    assertThat(signIn.lang()).isEqualTo(lang);
    signIn.signInAs(person.id(), DEMO_PASSWORDS.get(person.id()));
    assertThat(browser.htmlAttribute("lang")).isEqualTo(lang);
  }

  /**
   * Waits for what the page shows (live updates change it in place); a person who waits long
   * reloads the page now and then, as the services agree a little later than the page opened.
   */
  private static void awaitOrReload(Browser browser, java.util.concurrent.Callable<Boolean> shown) {
    long[] lastReload = {System.nanoTime()};
    await()
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (Boolean.TRUE.equals(shown.call())) {
                return true;
              }
              if (System.nanoTime() - lastReload[0] > Duration.ofSeconds(3).toNanos()) {
                browser.driver().navigate().refresh();
                lastReload[0] = System.nanoTime();
              }
              return false;
            });
  }
}
