package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PortalScenarioTest {

  @Test
  void serverTimingGivesTheDurationOfTheNamedMetric() {
    assertThat(ServerTiming.duration("app;dur=12.3", "app")).hasValue(12.3);
    assertThat(ServerTiming.duration("db;dur=4;desc=\"query\", app;desc=\"all\";dur=87", "app"))
        .hasValue(87.0);
    assertThat(ServerTiming.duration("APP; DUR = 5", "app")).hasValue(5.0);
    assertThat(ServerTiming.duration("cache;desc=hit", "app")).isEmpty();
    assertThat(ServerTiming.duration("app", "app")).isEmpty();
    assertThat(ServerTiming.duration("app;dur=soon", "app")).isEmpty();
    assertThat(ServerTiming.duration(null, "app")).isEmpty();
  }

  /** The authorization server's sign-in page, as SignInPage writes it. */
  private static final String SIGN_IN_PAGE =
      """
      <html><body><form method="get" action="/search"><input name="q"></form>
      <p>Sign in</p>
      <form method="post" action="/login">
      <input type="hidden" name="_csrf" value="a&amp;b-123">
      <input type="hidden" name="ui_locales" value="fr">
      <label for="username">E-mail</label>
      <input id="username" name="username" type="email" dir="ltr" autocomplete="username">
      <input id="password" name="password" type="password">
      <button type="submit">Sign in</button>
      </form></body></html>
      """;

  @Test
  void theSignInFormIsTheOneWithAPasswordWithItsHiddenFieldsDecoded() {
    Browser.Form form = Browser.form(SIGN_IN_PAGE).orElseThrow();

    assertThat(form.action()).isEqualTo("/login");
    assertThat(form.hidden())
        .containsExactly(Map.entry("_csrf", "a&b-123"), Map.entry("ui_locales", "fr"));
    assertThat(Browser.form("<form action=\"/search\"><input name=\"q\"></form>")).isEmpty();
    assertThat(Browser.form(null)).isEmpty();
  }

  @Test
  void cookiesAreKeptPerHostAndPortReplacedAndDropped() {
    Browser browser = new Browser(null);
    URI portal = URI.create("http://localhost:8080/sign-in");
    URI auth = URI.create("http://localhost:9000/login");

    browser.remember(
        portal,
        List.of("UNGIS_PORTAL_SESSION=p1; Path=/; HttpOnly; SameSite=Lax", "ungis-lang=fr"));
    browser.remember(auth, List.of("UNGIS_AUTH_SESSION=a1; Path=/; HttpOnly"));
    browser.remember(portal, List.of("UNGIS_PORTAL_SESSION=p2; Path=/"));

    assertThat(browser.cookieHeader(URI.create("http://localhost:8080/my")))
        .isEqualTo("UNGIS_PORTAL_SESSION=p2; ungis-lang=fr");
    assertThat(browser.cookieHeader(auth)).isEqualTo("UNGIS_AUTH_SESSION=a1");

    browser.remember(portal, List.of("ungis-lang=; Max-Age=0; Path=/"));
    browser.remember(auth, List.of("UNGIS_AUTH_SESSION=x; Max-Age=0"));
    assertThat(browser.cookieHeader(portal)).isEqualTo("UNGIS_PORTAL_SESSION=p2");
    assertThat(browser.cookieHeader(auth)).isEmpty();
    assertThat(browser.cookieHeader(URI.create("http://localhost:8084/"))).isEmpty();
  }

  @Test
  void aPageMeetsTheTargetWhenItsServerP95IsWithinAndNothingFailed() {
    PortalBenchmark.Measured fast = new PortalBenchmark.Measured();
    PortalBenchmark.Measured slow = new PortalBenchmark.Measured();
    for (int i = 1; i <= 100; i++) {
      fast.record(OptionalDouble.of(i), 2_000_000L * i, 1000); // 1..100 ms; client 2..200 ms
      slow.record(OptionalDouble.of(i * 2), 1_000_000L, 10); // 2..200 ms: p95 190 ms
    }
    fast.record(OptionalDouble.empty(), 1_000_000L, 1000);

    PortalResult.PageFigures f = fast.figures("/my", 10);
    assertThat(f.requests()).isEqualTo(101);
    assertThat(f.requestsPerSecond()).isEqualTo(10.1);
    assertThat(f.withoutServerTiming()).isEqualTo(1);
    assertThat(f.serverTime().count()).isEqualTo(100);
    assertThat(f.serverTime().p95()).isBetween(94.9, 95.1);
    assertThat(f.clientLatency().p50()).isBetween(99.0, 101.0);
    assertThat(f.averageBytes()).isEqualTo(1000);
    assertThat(f.meetsTarget()).isTrue();

    assertThat(slow.figures("/review", 10).serverTime().p95()).isBetween(189.0, 191.0);
    assertThat(slow.figures("/review", 10).meetsTarget()).isFalse();

    fast.fail("HTTP 302");
    assertThat(fast.figures("/my", 10).failures()).containsEntry("HTTP 302", 1L);
    assertThat(fast.figures("/my", 10).meetsTarget()).isFalse();
    assertThat(new PortalBenchmark.Measured().figures("/my", 10).meetsTarget()).isFalse();
  }

  @Test
  void theTableShowsEachPageAgainstTheTarget() {
    PortalBenchmark.Measured page = new PortalBenchmark.Measured();
    page.record(OptionalDouble.of(40), 50_000_000L, 2048);
    PortalResult result =
        new PortalResult(
            "2026-12-07T00:00:00Z",
            "portal-x",
            "bin/benchmark --portal",
            null,
            new double[] {1, 1, 1},
            2,
            new PortalResult.Settings(
                50, 12, Map.of("lea.moreau@itu.int", 5), 1, 60, 10, 1000, "p", "g"),
            new PortalResult.Seeded("q", "r", 1000, 30, false),
            new PortalResult.SignIns(50, 12.5, Latency.NONE),
            Map.of("dashboard", page.figures("/my", 1)),
            PortalBenchmark.TARGET_P95_MS,
            true,
            List.of(),
            0,
            0,
            "");

    assertThat(PortalResult.table(result))
        .contains("| dashboard /my")
        .contains("40 / 40 / 40")
        .contains("50 / 50 / 50")
        .contains("p95 <= 150 ms")
        .contains("pass");
  }

  @Test
  void thePortalScenarioIsAnOptionWithItsOwnSettings() {
    Options defaults = Options.parse();
    assertThat(defaults.portal()).isFalse();
    assertThat(defaults.portalUsers()).isEqualTo(50);
    assertThat(defaults.portalInputs()).isEqualTo(1000);
    assertThat(defaults.think()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.gatewayUrl()).isEqualTo("http://localhost:8000");
    assertThat(defaults.portalUrl()).isEqualTo("http://localhost:8080");

    Options o =
        Options.parse(
            "--portal",
            "--portal-users",
            "20",
            "--portal-inputs=200",
            "--think",
            "500ms",
            "--portal-url",
            "http://localhost:18080/",
            "--gateway-url=http://localhost:18000");
    assertThat(o.portal()).isTrue();
    assertThat(o.portalUsers()).isEqualTo(20);
    assertThat(o.portalInputs()).isEqualTo(200);
    assertThat(o.think()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.portalUrl()).isEqualTo("http://localhost:18080");
    assertThat(o.gatewayUrl()).isEqualTo("http://localhost:18000");
    assertThat(o.portalSeeded()).isNull();
    assertThat(Options.parse("--portal-seeded", "portal-20261207-070051").portalSeeded())
        .isEqualTo("portal-20261207-070051");
    assertThat(PortalSeed.Calls.of("portal-1"))
        .isEqualTo(new PortalSeed.Calls("portal-1-queue", "portal-1-record"));
    assertThatThrownBy(() -> Options.parse("--portal-users", "0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void occurrencesCountsNonOverlappingMatches() {
    assertThat(PortalBenchmark.occurrences("input 1, input 2, input", "input")).isEqualTo(3);
    assertThat(PortalBenchmark.occurrences("", "input")).isZero();
  }
}
