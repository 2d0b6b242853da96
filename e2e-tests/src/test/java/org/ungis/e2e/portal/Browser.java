package org.ungis.e2e.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ungis.e2e.RepoLayout;

/**
 * One person's browser: headless Chromium (Debian's {@code /usr/bin/chromium}, driven by {@code
 * /usr/bin/chromedriver}; nothing is downloaded) with a fresh profile, so its own cookies. {@link
 * #check(String)} runs axe-core on the page shown (no serious or critical violation allowed) and,
 * with {@code -Dportal.screenshots=true}, saves it as {@code docs/images/portal-<name>.png}.
 */
final class Browser implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final List<String> checkedPages = new ArrayList<>();
  private String language;
  private String direction;

  private Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
    this.driver = driver;
    this.service = service;
    this.profile = profile;
  }

  /**
   * Starts a browser whose profile lives under {@code dir}, asking for pages in {@code
   * acceptLanguage} (e.g. {@code en}); skips or fails first if Chromium is missing ({@link
   * BrowserRequirement}).
   */
  static Browser start(Path dir, String acceptLanguage) {
    BrowserRequirement browser = BrowserRequirement.configured();
    browser.check(System.getenv());
    try {
      Path profile = Files.createTempDirectory(Files.createDirectories(dir), "chromium-profile-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(browser.chromium().toFile());
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--no-first-run",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,1000",
          // The browser's own language stays US English (so a date field takes MMDDYYYY, Tab,
          // hhmmAM in every run); the pages' language comes from Accept-Language or the person.
          "--lang=en-US",
          "--user-data-dir=" + profile);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(browser.chromedriver().toFile())
              .usingAnyFreePort()
              .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      // Generous, for a busy machine (a passing test never waits for it): on a timeout ChromeDriver
      // reports "Timed out receiving message from renderer".
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
      return new Browser(driver, service, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * From now on every page {@link #check(String)} sees must be in this language and direction
   * ({@code <html lang dir>}).
   */
  Browser expectLanguage(String lang, String dir) {
    this.language = lang;
    this.direction = dir;
    return this;
  }

  WebDriver driver() {
    return driver;
  }

  Browser open(String url) {
    driver.get(url);
    return this;
  }

  String currentUrl() {
    return driver.getCurrentUrl();
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, WAIT);
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  /** The page's {@code <html lang>} and {@code dir}. */
  String htmlAttribute(String name) {
    return driver.findElement(By.tagName("html")).getDomAttribute(name);
  }

  /** The text of the only {@code h1}. */
  String heading() {
    return driver.findElement(By.tagName("h1")).getText().trim();
  }

  /** The element that has the keyboard focus. */
  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Presses keys, or types text, into whatever has the focus (no mouse), as a keyboard does. */
  Browser press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
    return this;
  }

  /** Selects all of the focused field's text and deletes it (Ctrl+A, Delete). */
  Browser clearFocused() {
    new Actions(driver)
        .keyDown(Keys.CONTROL)
        .sendKeys("a")
        .keyUp(Keys.CONTROL)
        .sendKeys(Keys.DELETE)
        .perform();
    return this;
  }

  /**
   * Presses Tab until the focused element matches {@code id} (at most {@code max} presses), as a
   * keyboard user moves through a page; fails naming what had the focus.
   */
  Browser tabTo(String id, int max) {
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      press(Keys.TAB);
      WebElement now = focused();
      String nowId = now.getDomAttribute("id");
      if (id.equals(nowId)) {
        return this;
      }
      seen.add(describe(now));
    }
    throw new AssertionError(
        "Tab did not reach #" + id + " within " + max + " presses; focus went to " + seen);
  }

  private static String describe(WebElement element) {
    String id = element.getDomAttribute("id");
    String name = element.getDomAttribute("name");
    return element.getTagName()
        + (id != null ? "#" + id : "")
        + (name != null ? "[name=" + name + "]" : "")
        + ("a".equals(element.getTagName()) ? "(" + element.getText().trim() + ")" : "");
  }

  /**
   * The checks every page of the journey passes: axe-core finds no serious or critical violation;
   * and, when screenshots are asked for, the page is saved as {@code portal-<name>.png}.
   */
  Browser check(String name) {
    String lang = htmlAttribute("lang");
    if (language != null && !(language.equals(lang) && direction.equals(htmlAttribute("dir")))) {
      throw new AssertionError(
          name
              + " ("
              + currentUrl()
              + ") is in lang="
              + lang
              + " dir="
              + htmlAttribute("dir")
              + ", not lang="
              + language
              + " dir="
              + direction);
    }
    long axe = System.nanoTime();
    Accessibility.assertNoSeriousViolations(driver, name);
    System.out.printf(
        "[%s] axe-core on %s: %d ms%n", lang, name, (System.nanoTime() - axe) / 1_000_000);
    checkedPages.add(name);
    Screenshots.take(driver, lang == null || lang.startsWith("en") ? name : name + "-" + lang);
    return this;
  }

  /**
   * What the browser shows now, for the report of a failed test: address, title and the page's
   * text; the screenshot goes to {@code target/portal-failures/<who>.png}.
   */
  String describe(String who) {
    try {
      Path shot = Path.of("target", "portal-failures", who + ".png");
      Files.createDirectories(shot.getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          shot,
          StandardCopyOption.REPLACE_EXISTING);
      String text = driver.findElement(By.tagName("body")).getText();
      String console =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(entry -> entry.getLevel() + " " + entry.getMessage())
              .collect(java.util.stream.Collectors.joining("\n  ", "\n console:\n  ", ""));
      return who
          + " sees "
          + driver.getCurrentUrl()
          + " \""
          + driver.getTitle()
          + "\" (screenshot "
          + shot.toAbsolutePath()
          + "):\n"
          + text.substring(0, Math.min(text.length(), 2_000))
          + console;
    } catch (RuntimeException | IOException e) {
      return who + ": (the browser cannot say what it shows: " + e + ")";
    }
  }

  /** The pages {@link #check(String)} has passed, in order. */
  List<String> checkedPages() {
    return List.copyOf(checkedPages);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory JUnit removes anyway
    }
  }

  /**
   * Screenshots of the pages into {@code docs/images}, only with {@code -Dportal.screenshots=true}.
   */
  static final class Screenshots {
    private Screenshots() {}

    static boolean enabled() {
      return Boolean.getBoolean("portal.screenshots");
    }

    static void take(ChromeDriver driver, String name) {
      if (!enabled()) {
        return;
      }
      Path target =
          RepoLayout.locate()
              .root()
              .resolve("docs")
              .resolve("images")
              .resolve("portal-" + name + ".png");
      try {
        Files.createDirectories(target.getParent());
        Files.copy(
            driver.getScreenshotAs(OutputType.FILE).toPath(),
            target,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
