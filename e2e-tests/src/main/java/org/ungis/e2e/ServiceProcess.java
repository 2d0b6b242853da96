package org.ungis.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * One component of the platform (broker, registry, a service) run as a separate JVM from its exec
 * jar, the way {@code bin/local-stack} runs it: started, checked for readiness, stopped cleanly
 * (SIGTERM), killed (SIGKILL), paused (SIGSTOP) and restarted with the same command line, so the
 * same ports and state directories. Its standard output and error go to a log file that survives
 * restarts (each start appends a header line).
 *
 * <p>Every process still running when the test JVM exits is killed by a shutdown hook, so a crashed
 * or interrupted test never leaves processes behind.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "service-process-reaper"));
  }

  private final String name;
  private final int port;
  private final List<String> command;
  private final Path logFile;
  private final Readiness readiness;
  private Process process;
  private int starts;

  private ServiceProcess(
      String name, int port, List<String> command, Path logFile, Readiness readiness) {
    this.name = name;
    this.port = port;
    this.command = List.copyOf(command);
    this.logFile = logFile;
    this.readiness = readiness;
  }

  /**
   * Describes a process: {@code java <jvmArgs> -jar <jar> <args>}, logging to {@code logFile}.
   * Nothing runs until {@link #start()}.
   */
  public static ServiceProcess of(
      String name,
      int port,
      Path jar,
      List<String> jvmArgs,
      List<String> args,
      Path logFile,
      Readiness readiness) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name
              + ": "
              + jar
              + " does not exist. Build it first: ./mvnw -B package -DskipTests (from the"
              + " repository root).");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return new ServiceProcess(name, port, command, logFile, readiness);
  }

  public String name() {
    return name;
  }

  /** The port it serves on (the broker: its client port). */
  public int port() {
    return port;
  }

  /** {@code http://localhost:<port>} */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public Path logFile() {
    return logFile;
  }

  public List<String> command() {
    return command;
  }

  /** Launches the process (does not wait for readiness). */
  public synchronized ServiceProcess start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running (pid " + pid() + ")");
    }
    try {
      Files.createDirectories(logFile.getParent());
      Files.writeString(
          logFile,
          "#### "
              + name
              + " start "
              + (++starts)
              + " at "
              + Instant.now()
              + "\n"
              + "#### "
              + String.join(" ", command)
              + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      RUNNING.add(process);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /**
   * Waits until the process answers its readiness probe; fails at once if it exits, and after the
   * timeout with the tail of its log.
   */
  public ServiceProcess awaitReady(Duration timeout) {
    try {
      await(name + " ready")
          .atMost(timeout)
          .pollInterval(Duration.ofMillis(250))
          .failFast(name + " exited", () -> !isAlive())
          .until(this::ready);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      String why =
          isAlive() ? "is not ready after " + timeout : "exited with " + exitCode().orElse(-1);
      throw new IllegalStateException(
          name + " " + why + "; last lines of " + logFile + ":\n" + logTail(60), e);
    }
    return this;
  }

  /** Whether the readiness probe answers yes now (a probe that throws counts as not ready). */
  public boolean ready() {
    try {
      return isAlive() && readiness.isReady(this);
    } catch (Exception e) {
      return false;
    }
  }

  /** Starts and waits for readiness. */
  public ServiceProcess startAndAwaitReady(Duration timeout) {
    return start().awaitReady(timeout);
  }

  /**
   * Clean stop: SIGTERM, then waits (SIGKILL after 30 s). Prints how long the process took to end,
   * and says so when it had to be killed: a clean stop that takes seconds is time every test that
   * stops a stack pays.
   */
  public synchronized void stop() {
    if (process == null || !process.isAlive()) {
      if (process != null) {
        RUNNING.remove(process);
      }
      return;
    }
    long asked = System.nanoTime();
    process.destroy();
    boolean killed = false;
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        killed = true;
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
    System.out.printf(
        "%s stopped in %d ms%s%n",
        name,
        Duration.ofNanos(System.nanoTime() - asked).toMillis(),
        killed ? " (did not end within 30 s of SIGTERM: killed)" : "");
  }

  /** Crash: SIGKILL, no shutdown hooks, no clean close of anything; waits until it is gone. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
  }

  /** Freezes the process (SIGSTOP): it holds its sockets but answers nothing. */
  public void pause() {
    signal("STOP");
  }

  /** Resumes a paused process (SIGCONT). */
  public void resume() {
    signal("CONT");
  }

  /** Stops cleanly and starts again with the same command line (ports, state directories). */
  public ServiceProcess restart() {
    stop();
    return start();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process == null ? -1 : process.pid();
  }

  /** The exit code once the process has ended. */
  public Optional<Integer> exitCode() {
    return process == null || process.isAlive()
        ? Optional.empty()
        : Optional.of(process.exitValue());
  }

  /** The last lines of the log file. */
  public String logTail(int lines) {
    try {
      if (!Files.exists(logFile)) {
        return "(no log yet)";
      }
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** The whole log file (for a failing test's report). */
  public String log() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return name + "(port " + port + ", pid " + pid() + ")";
  }

  private void signal(String signal) {
    if (!isAlive()) {
      throw new IllegalStateException(name + " is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
