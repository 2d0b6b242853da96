package org.ungis.testsupport;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools outside the JVM that a test needs (Node.js, npm). Where one is missing the test is skipped
 * on a developer's machine, but it <b>fails</b> when the environment variable {@code CI} is {@code
 * true}: the CI run must install what the tests need, and a test silently skipped there proves
 * nothing.
 */
public final class RequiredTools {

  private RequiredTools() {}

  /**
   * Goes on if {@code command} (e.g. {@code node --version}) runs and exits 0; otherwise skips the
   * test, or fails it in CI.
   */
  public static void require(String... command) {
    require(runs(command), String.join(" ", command), System.getenv("CI"));
  }

  /** Goes on if {@code available}; otherwise skips the test, or fails it if {@code ci} is true. */
  static void require(boolean available, String what, String ci) {
    if (available) {
      return;
    }
    if ("true".equalsIgnoreCase(ci == null ? "" : ci.strip())) {
      throw new AssertionError(
          "`"
              + what
              + "` does not run, and CI=true: a test that needs it must run in CI, not be skipped."
              + " Install it in the CI image (.ci/run).");
    }
    Assumptions.abort("`" + what + "` does not run on this machine: skipped (a failure in CI).");
  }

  /** Whether the command starts and exits 0 within 30 seconds. */
  static boolean runs(String... command) {
    try {
      Process process =
          new ProcessBuilder(List.of(command))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException notInstalled) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
