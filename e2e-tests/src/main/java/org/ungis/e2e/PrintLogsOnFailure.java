package org.ungis.e2e;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the tail of every process's log when a test fails, and keeps the whole logs (those of the
 * stack's processes and of any process started alike, logging into the stack's log directory) under
 * {@code target/failed-stack-logs/<test method>} ({@code @RegisterExtension static final
 * PrintLogsOnFailure LOGS = new PrintLogsOnFailure(() -> stack, 120);}). An invocation of a
 * parameterized or repeated test keeps its logs under its unique id instead.
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
      Path kept = running.copyLogsTo(Path.of("target", "failed-stack-logs", directory(context)));
      System.err.println(
          context.getDisplayName()
              + " failed; the whole logs of the processes under test are kept in "
              + kept.toAbsolutePath()
              + "; their last lines:"
              + running.logs(linesEach));
    }
  }

  /** The test method's name, or the unique id of an invocation of a templated test. */
  static String directory(ExtensionContext context) {
    String id = context.getUniqueId();
    return context
        .getTestMethod()
        .filter(method -> !id.contains("-invocation:"))
        .map(Method::getName)
        .orElseGet(() -> id.replaceAll("[^A-Za-z0-9.-]+", "_"));
  }
}
