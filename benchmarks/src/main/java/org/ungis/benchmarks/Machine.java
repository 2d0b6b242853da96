package org.ungis.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run measured on and the code it measured, written into every results file so that a
 * file says by itself what it is a measurement of.
 *
 * @param commit {@code git rev-parse HEAD} of the working tree the benchmark runs in (the tree
 *     {@code bin/local-stack} builds the stack from), or {@code "unknown"} outside a git tree
 * @param uncommittedChanges whether {@code git status --porcelain} listed changes: the code
 *     measured was then not exactly {@code commit}; null when unknown
 * @param cores processors available to the JVM (shared by the stack and the load generator)
 * @param memoryMiB total memory of the machine (or of its container), MiB
 * @param cpuModel the first {@code model name} of {@code /proc/cpuinfo}, or null
 * @param os name, version and architecture
 * @param java the benchmark JVM's version and vendor
 */
record Machine(
    String commit,
    Boolean uncommittedChanges,
    int cores,
    long memoryMiB,
    String cpuModel,
    String os,
    String java) {

  /** The machine this JVM runs on and the commit checked out in the current directory. */
  static Machine current() {
    String commit = git("rev-parse", "HEAD");
    String status = commit == null ? null : git("status", "--porcelain");
    return new Machine(
        commit == null ? "unknown" : commit,
        status == null ? null : !status.isBlank(),
        Runtime.getRuntime().availableProcessors(),
        totalMemoryMiB(),
        cpuModel(Path.of("/proc/cpuinfo")),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.runtime.version", System.getProperty("java.version"))
            + " ("
            + System.getProperty("java.vendor")
            + ")");
  }

  static String cpuModel(Path cpuinfo) {
    try {
      for (String line : Files.readAllLines(cpuinfo)) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
          return line.substring(colon + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or not readable: the model stays unknown
    }
    return null;
  }

  private static long totalMemoryMiB() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize() / (1024 * 1024);
    }
    return -1;
  }

  /** The trimmed output of a git command, or null if git is missing or fails. */
  private static String git(String... args) {
    try {
      List<String> command = new java.util.ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroy();
        return null;
      }
      return new String(out, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
