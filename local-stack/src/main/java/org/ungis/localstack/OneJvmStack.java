package org.ungis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The whole platform in one JVM: the broker ({@link LocalKafkaBroker}), the inbox ({@link
 * LocalInbox}) and every application as its own Spring context ({@link InProcessApplication}), each
 * with the port, consumer groups and state directory it has when it runs alone, talking to the
 * others over the same topics and HTTP. {@code bin/local-stack --one-jvm} runs it with every
 * application's jar on the classpath.
 *
 * <p>Arguments come in groups, each opened by {@code @broker}, {@code @inbox} or
 * {@code @<name>=<jar>} (an application: {@code <jar>} is its jar, whose manifest names its main
 * class) and followed by the arguments the component gets when it runs as a process of its own. The
 * broker and the inbox start first, then the applications together, the {@code portal} as soon as
 * the {@code auth-server} has started (it reads the authorization server's discovery document at
 * start-up), or after every other application when the auth server is not in this JVM. SIGTERM /
 * SIGINT stop the applications, then the inbox and the broker.
 */
public final class OneJvmStack {

  /** Started after {@link #FIRST}: it needs the authorization server at start-up. */
  private static final String LAST = "portal";

  /** What {@link #LAST} waits for (when it is not in this JVM: every other application). */
  private static final String FIRST = "auth-server";

  /** A thread for each application that starts or stops: they all do so together. */
  private static final Executor THREADS =
      runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(false); // the threads an application starts from it inherit this
        thread.start();
      };

  private OneJvmStack() {}

  /** One component and its arguments. */
  record Group(String name, Path jar, List<String> args) {}

  static List<Group> groups(String... args) {
    List<Group> groups = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("@")) {
        String spec = arg.substring(1);
        int eq = spec.indexOf('=');
        groups.add(
            eq < 0
                ? new Group(spec, null, new ArrayList<>())
                : new Group(
                    spec.substring(0, eq), Path.of(spec.substring(eq + 1)), new ArrayList<>()));
      } else if (groups.isEmpty()) {
        throw new IllegalArgumentException("arguments before the first @component: " + arg);
      } else {
        groups.get(groups.size() - 1).args().add(arg);
      }
    }
    return groups;
  }

  /** {@code --key=value} arguments as settings. */
  static Map<String, String> settings(List<String> args) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("expected --key=value, got " + arg);
      }
      settings.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return settings;
  }

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    List<Group> groups = groups(args);
    List<AutoCloseable> running = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "one-jvm-stack-shutdown"));
    try {
      List<Group> applications = new ArrayList<>();
      for (Group group : groups) {
        switch (group.name()) {
          case "broker" -> {
            LocalKafkaBroker broker =
                LocalBrokerAccess.startWithDevelopmentAccess(
                    LocalKafkaBroker.Settings.fromArgs(group.args().toArray(String[]::new)));
            add(running, broker);
            System.out.printf(
                "%s: bootstrap.servers=%s (in one JVM, %d ms)%n",
                LocalKafkaBroker.READY_MARKER, broker.bootstrapServers(), millisSince(started));
          }
          case "inbox" -> add(running, LocalInbox.start(LocalInbox.settings(group.args())));
          default -> applications.add(group);
        }
      }
      Map<String, CompletableFuture<Void>> starting = new LinkedHashMap<>();
      for (Group application : applications) {
        if (!application.name().equals(LAST)) {
          starting.put(
              application.name(),
              CompletableFuture.runAsync(() -> add(running, start(application)), THREADS));
        }
      }
      CompletableFuture<Void> before =
          starting.containsKey(FIRST)
              ? starting.get(FIRST)
              : CompletableFuture.allOf(starting.values().toArray(CompletableFuture[]::new));
      for (Group application : applications) {
        if (application.name().equals(LAST)) {
          starting.put(LAST, before.thenRunAsync(() -> add(running, start(application)), THREADS));
        }
      }
      join(List.copyOf(starting.values()));
      System.out.printf(
          "OneJvmStack started %d applications in %d ms%n",
          applications.size(), millisSince(started));
    } catch (RuntimeException e) {
      System.err.println("OneJvmStack failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    Thread.currentThread().join(); // until SIGTERM / SIGINT: the shutdown hook stops everything
  }

  private static InProcessApplication start(Group application) {
    Thread.currentThread().setName(application.name() + "-start");
    long started = System.nanoTime();
    InProcessApplication app =
        InProcessApplication.start(
            application.name(),
            mainClass(application.jar()),
            null,
            settings(application.args()),
            true);
    System.out.printf(
        "OneJvmStack: %s started on port %d (%d ms)%n",
        application.name(), app.port(), millisSince(started));
    return app;
  }

  private static Class<?> mainClass(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      String name = file.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
      return Class.forName(name, false, OneJvmStack.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the main class of " + jar + " is not on the classpath", e);
    }
  }

  private static void join(List<CompletableFuture<Void>> starting) {
    try {
      CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static void add(List<AutoCloseable> running, AutoCloseable component) {
    synchronized (running) {
      running.add(component);
    }
  }

  /**
   * Stops the applications together (each closes its Kafka Streams and consumers, which takes a few
   * seconds of waiting that need not add up), then the inbox and the broker.
   */
  private static void stop(List<AutoCloseable> running) {
    List<AutoCloseable> components;
    synchronized (running) {
      components = new ArrayList<>(running);
      running.clear();
    }
    long started = System.nanoTime();
    System.out.println("OneJvmStack stopping");
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (AutoCloseable component : components) {
      if (component instanceof InProcessApplication) {
        stopping.add(CompletableFuture.runAsync(() -> close(component), THREADS));
      }
    }
    CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new)).join();
    for (int i = components.size() - 1; i >= 0; i--) {
      if (!(components.get(i) instanceof InProcessApplication)) {
        close(components.get(i));
      }
    }
    System.out.printf("OneJvmStack stopped (%d ms)%n", millisSince(started));
  }

  private static void close(AutoCloseable component) {
    try {
      component.close();
    } catch (Exception e) {
      System.err.println("OneJvmStack: stopping " + component + " failed: " + e);
    }
  }

  private static long millisSince(long started) {
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }
}
