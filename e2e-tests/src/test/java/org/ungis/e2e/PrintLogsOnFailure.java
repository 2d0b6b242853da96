package org.ungis.e2e;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the tail of every process's log when a test fails ({@code @RegisterExtension static final
 * PrintLogsOnFailure LOGS = new PrintLogsOnFailure(() -> stack);}).
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
      System.err.println("Logs of the processes under test:" + running.logs(linesEach));
    }
  }
}
