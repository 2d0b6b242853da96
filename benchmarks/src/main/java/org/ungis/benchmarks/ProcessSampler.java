package org.ungis.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the stack's processes, from /proc: {@code /proc/<pid>/stat}
 * (utime + stime, in clock ticks) and {@code /proc/<pid>/status} (VmRSS). The processes are found
 * by their command line: the exec jar of each module and the port it was given (so a second stack
 * of another user on other ports is not counted). The benchmark's own JVM is reported too.
 */
final class ProcessSampler implements AutoCloseable {

  /** The name of the benchmark's own JVM among the sampled processes. */
  static final String LOAD_GENERATOR = "benchmark (load generator)";

  /** The figures of one process over the measured window. */
  record Usage(
      String name,
      long pid,
      double cpuSeconds,
      double cpuPercent,
      double rssMaxMiB,
      double rssEndMiB) {}

  private record Watched(String name, long pid) {}

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private final List<Watched> watched = new ArrayList<>();
  private final Map<Long, Long> startTicks = new LinkedHashMap<>();
  private final Map<Long, Long> maxRssKiB = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean sampling;
  private volatile boolean running = true;
  private long windowStartNanos;

  /**
   * @param ports component name -> the port that identifies its process (broker: {@code --port N},
   *     others: {@code --server.port=N})
   */
  ProcessSampler(Map<String, Integer> ports) {
    for (Map.Entry<String, Integer> entry : ports.entrySet()) {
      find(entry.getKey(), entry.getValue())
          .ifPresent(pid -> watched.add(new Watched(entry.getKey(), pid)));
    }
    watched.add(new Watched(LOAD_GENERATOR, ProcessHandle.current().pid()));
    thread = new Thread(this::loop, "process-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  List<String> found() {
    return watched.stream().map(w -> w.name() + "=" + w.pid()).toList();
  }

  /** Starts the measured window. */
  synchronized void start() {
    startTicks.clear();
    maxRssKiB.clear();
    for (Watched w : watched) {
      startTicks.put(w.pid(), cpuTicks(w.pid()));
      maxRssKiB.put(w.pid(), rssKiB(w.pid()));
    }
    windowStartNanos = System.nanoTime();
    sampling = true;
  }

  /** Ends the measured window and returns each process's figures. */
  synchronized List<Usage> stop() {
    sampling = false;
    double wall = (System.nanoTime() - windowStartNanos) / 1e9;
    List<Usage> usage = new ArrayList<>();
    for (Watched w : watched) {
      long ticks = cpuTicks(w.pid()) - startTicks.getOrDefault(w.pid(), 0L);
      double cpu = ticks / TICKS_PER_SECOND;
      long rss = rssKiB(w.pid());
      long max = Math.max(rss, maxRssKiB.getOrDefault(w.pid(), 0L));
      usage.add(
          new Usage(
              w.name(),
              w.pid(),
              round(cpu),
              round(100 * cpu / wall),
              round(max / 1024.0),
              round(rss / 1024.0)));
    }
    return usage;
  }

  private void loop() {
    while (running) {
      if (sampling) {
        synchronized (this) {
          for (Watched w : watched) {
            maxRssKiB.merge(w.pid(), rssKiB(w.pid()), Math::max);
          }
        }
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static Optional<Long> find(String name, int port) {
    // "contributions-service@8182" names one of several instances of a module.
    boolean localStack = name.equals("broker") || name.equals("inbox");
    String module = localStack ? "local-stack" : name.split("@", 2)[0];
    String jar = module + "-0.1.0-SNAPSHOT-exec.jar";
    String portArg =
        switch (name) {
          case "broker" -> "--port\0" + port + "\0";
          case "inbox" -> "--http-port\0" + port + "\0";
          default -> "--server.port=" + port;
        };
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(
              p -> {
                String cmd = cmdline(p);
                return cmd.contains(jar) && (cmd + "\0").contains(portArg);
              })
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String cmdline(Path proc) {
    try {
      return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** utime + stime of the process, from the fields after the command name in /proc/pid/stat. */
  static long cpuTicks(long pid) {
    try {
      return parseCpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static long parseCpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is field 3 (state); utime is field 14 and stime field 15.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static long rssKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return 0;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
