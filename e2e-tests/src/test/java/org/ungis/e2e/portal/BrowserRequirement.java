package org.ungis.e2e.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether the browser test may run here: Debian's {@code chromium} and {@code chromium-driver}
 * (paths overridable with {@code -Dungis.e2e.chromium=...} and {@code
 * -Dungis.e2e.chromedriver=...}) must be installed. Where they are missing the test is skipped with
 * a message (a JUnit assumption), except on CI (environment variable {@code CI=true}), where a
 * missing browser fails the test: CI never skips it.
 */
record BrowserRequirement(Path chromium, Path chromedriver) {

  static final String INSTALL =
      "apt-get install -y --no-install-recommends chromium chromium-driver";

  /** The paths from the system properties, else Debian's. */
  static BrowserRequirement configured() {
    return new BrowserRequirement(
        Path.of(System.getProperty("ungis.e2e.chromium", "/usr/bin/chromium")),
        Path.of(System.getProperty("ungis.e2e.chromedriver", "/usr/bin/chromedriver")));
  }

  /** The executables that are missing (none: the browser can run). */
  List<Path> missing() {
    return java.util.stream.Stream.of(chromium, chromedriver)
        .filter(path -> !Files.isExecutable(path))
        .toList();
  }

  /**
   * Returns if the browser is installed; otherwise skips the calling test (an aborted assumption)
   * or, when {@code env} has {@code CI=true}, fails it.
   */
  void check(Map<String, String> env) {
    List<Path> missing = missing();
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "The browser test needs Chromium and its WebDriver; missing "
            + missing
            + ". Install them with: "
            + INSTALL;
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", "").trim())) {
      throw new AssertionError(message + " (CI=true: the browser test is never skipped on CI)");
    }
    Assumptions.abort(message + " (skipped; on CI, with CI=true, this fails instead)");
  }
}
