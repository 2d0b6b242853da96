package org.ungis.e2e;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the tail of every process's log when a test fails, and keeps the whole logs under {@code
 * target/failed-stack-logs/<test>} ({@code @RegisterExtension static final PrintLogsOnFailure LOGS
 * = new PrintLogsOnFailure(() -> stack, 120);}).
 */
public final class PrintLogsOnFailure implements TestWatcher {

  private final Supplier<PlatformStack> stack;
  private final int linesEach;

  public PrintLogsOnFailure(Supplier<PlatformStack> stack, int linesEach) {
    this.stack = stack;
    this.linesEach = linesEach;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    PlatformStack running = stack.get();
    if (running != null) {
      Path kept =
          running.copyLogsTo(
              Path.of(
                  "target",
                  "failed-stack-logs",
                  context.getUniqueId().replaceAll("[^A-Za-z0-9.-]+", "_")));
      System.err.println(
          "Logs of the processes under test (whole logs in "
              + kept.toAbsolutePath()
              + "):"
              + running.logs(linesEach));
    }
  }
}
