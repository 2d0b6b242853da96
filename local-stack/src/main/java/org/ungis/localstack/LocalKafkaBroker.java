package org.ungis.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.ungis.schemas.access.BrokerLogin;
import org.ungis.schemas.access.BrokerTls;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) run in-process
 * from the Maven Central jars: no Docker, no Kafka distribution.
 *
 * <p>The data directory holds everything the broker needs to come back with its data: {@code
 * cluster.id} (generated on first start), {@code server.properties} (the effective configuration,
 * for reference) and {@code kafka-logs/} (the log directory, formatted on first start only).
 * Starting it again on the same directory keeps every topic and offset.
 *
 * <p>Run it as {@code java -jar local-stack-0.1.0-SNAPSHOT-exec.jar --data-dir DIR [--port 9092]
 * [--controller-port 9093] [--host localhost] [--override key=value ...] [--secured [--tls]]}, or
 * in-process with {@link #start(Settings)} (tests). SIGTERM / SIGINT shut it down cleanly.
 *
 * <p>{@code --secured} runs it as production does: SASL and ACLs ({@link Settings#secured}), with
 * the platform's access rules applied ({@link LocalBrokerAccess}) and every principal signing in
 * with its development password ({@code admin-secret}, {@code <principal>-secret}).
 *
 * <p>{@code --tls} puts TLS on the clients' listener ({@code SASL_SSL}, as production's listeners):
 * a certificate for the host, signed by an authority made for this data directory, and the clients'
 * truststore, both in {@code tls/} ({@link Settings#tlsDirectory()}).
 */
public final class LocalKafkaBroker implements AutoCloseable {

  /** The line printed on standard output once the broker accepts clients. */
  public static final String READY_MARKER = "LocalKafkaBroker ready";

  /** The broker's own principal and the operator's: a super user of a secured broker. */
  public static final String ADMIN = "admin";

  /**
   * The admin password of {@code --secured} (the local stack), and the pattern of the platform's
   * principals' development passwords ({@code <principal>-secret}, {@link LocalBrokerAccess}).
   */
  static final String DEVELOPMENT_ADMIN_PASSWORD = BrokerLogin.developmentPassword(ADMIN);

  private static final String CLUSTER_ID_FILE = "cluster.id";
  private static final String LOG_DIR = "kafka-logs";

  private final Settings settings;
  private final String clusterId;
  private final boolean freshlyFormatted;
  private final KafkaRaftServer server;
  private boolean closed;

  private LocalKafkaBroker(
      Settings settings, String clusterId, boolean freshlyFormatted, KafkaRaftServer server) {
    this.settings = settings;
    this.clusterId = clusterId;
    this.freshlyFormatted = freshlyFormatted;
    this.server = server;
  }

  /**
   * Where and how the broker runs.
   *
   * @param dataDir the directory holding the cluster id, the configuration and the logs
   * @param host the host name the listeners bind to and advertise
   * @param port the client (PLAINTEXT) port
   * @param controllerPort the KRaft controller port
   * @param overrides extra broker properties, applied last
   * @param adminPassword {@code null} for a PLAINTEXT broker that lets anyone do anything; else the
   *     broker authenticates every client (SASL: SCRAM-SHA-512 for the platform's principals, PLAIN
   *     for {@link #ADMIN} alone, whose password this is) and authorizes it by ACL ({@code
   *     StandardAuthorizer}, nothing allowed without an ACL, {@link #ADMIN} a super user)
   * @param tls whether the clients' listener of a secured broker speaks TLS ({@code SASL_SSL}, as
   *     production's): its certificate, signed by an authority of its own, is made on the first
   *     start in {@link #tlsDirectory()}, where clients find the truststore ({@link BrokerTls})
   */
  public record Settings(
      Path dataDir,
      String host,
      int port,
      int controllerPort,
      Map<String, String> overrides,
      String adminPassword,
      boolean tls) {

    public Settings {
      dataDir = dataDir.toAbsolutePath().normalize();
      overrides = Map.copyOf(overrides);
      if (tls && adminPassword == null) {
        throw new IllegalArgumentException("TLS is for a secured broker (SASL_SSL)");
      }
    }

    /** Fixed ports 9092 / 9093 on localhost, PLAINTEXT. */
    public static Settings defaults(Path dataDir) {
      return new Settings(dataDir, "localhost", 9092, 9093, Map.of(), null, false);
    }

    public Settings withPorts(int port, int controllerPort) {
      return new Settings(dataDir, host, port, controllerPort, overrides, adminPassword, tls);
    }

    /** The same on two ports free right now (tests, and stacks next to one another). */
    public Settings withFreePorts() {
      try (ServerSocket client = new ServerSocket(0);
          ServerSocket controller = new ServerSocket(0)) {
        return withPorts(client.getLocalPort(), controller.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Settings withOverride(String key, String value) {
      Map<String, String> more = new LinkedHashMap<>(overrides);
      more.put(key, value);
      return new Settings(dataDir, host, port, controllerPort, more, adminPassword, tls);
    }

    /** The same broker with SASL and ACLs, {@link #ADMIN} signing in with that password. */
    public Settings secured(String adminPassword) {
      if (adminPassword == null || adminPassword.isBlank()) {
        throw new IllegalArgumentException("A secured broker needs an admin password");
      }
      return new Settings(dataDir, host, port, controllerPort, overrides, adminPassword, tls);
    }

    /** The same secured broker with TLS on its clients' listener ({@code SASL_SSL}). */
    public Settings withTls() {
      return new Settings(dataDir, host, port, controllerPort, overrides, adminPassword, true);
    }

    public boolean isSecured() {
      return adminPassword != null;
    }

    /** Where a TLS broker's keystore and its clients' truststore are ({@link BrokerTls#in}). */
    public Path tlsDirectory() {
      return dataDir.resolve("tls");
    }

    /** What a client needs to trust a TLS broker; {@code null} without TLS. */
    public BrokerTls clientTls() {
      return tls ? BrokerTls.in(tlsDirectory()) : null;
    }

    /** The clients' listener's protocol. */
    String clientProtocol() {
      if (tls) {
        return BrokerTls.PROTOCOL;
      }
      return isSecured() ? BrokerLogin.PROTOCOL : "PLAINTEXT";
    }

    /**
     * Reads the settings from command-line arguments, falling back to the system properties {@code
     * ungis.broker.data-dir}, {@code ungis.broker.host}, {@code ungis.broker.port} and {@code
     * ungis.broker.controller-port}, then to the defaults ({@code .local-stack/kafka}, localhost,
     * 9092, 9093).
     */
    public static Settings fromArgs(String... args) {
      String dataDir = System.getProperty("ungis.broker.data-dir", ".local-stack/kafka");
      String host = System.getProperty("ungis.broker.host", "localhost");
      int port = Integer.getInteger("ungis.broker.port", 9092);
      int controllerPort = Integer.getInteger("ungis.broker.controller-port", 9093);
      Map<String, String> overrides = new LinkedHashMap<>();
      String adminPassword = null;
      boolean tls = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--secured")) {
          adminPassword = DEVELOPMENT_ADMIN_PASSWORD;
          continue;
        }
        if (arg.equals("--tls")) {
          tls = true;
          continue;
        }
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        String value;
        if (arg.contains("=") && !name.equals("--override")) {
          value = arg.substring(arg.indexOf('=') + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException("Missing value after " + arg + "\n" + usage());
        }
        switch (name) {
          case "--data-dir" -> dataDir = value;
          case "--host" -> host = value;
          case "--port" -> port = Integer.parseInt(value);
          case "--controller-port" -> controllerPort = Integer.parseInt(value);
          case "--override" -> {
            int eq = value.indexOf('=');
            if (eq <= 0) {
              throw new IllegalArgumentException("--override needs key=value, got " + value);
            }
            overrides.put(value.substring(0, eq), value.substring(eq + 1));
          }
          default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + usage());
        }
      }
      if (tls && adminPassword == null) {
        throw new IllegalArgumentException("--tls needs --secured\n" + usage());
      }
      return new Settings(
          Path.of(dataDir), host, port, controllerPort, overrides, adminPassword, tls);
    }

    static String usage() {
      return "Usage: java -jar local-stack-exec.jar [--data-dir DIR] [--port 9092]"
          + " [--controller-port 9093] [--host localhost] [--override key=value]..."
          + " [--secured [--tls]]";
    }
  }

  /**
   * Formats the data directory if it has never been formatted, starts the broker and returns once
   * it answers an admin client.
   */
  public static LocalKafkaBroker start(Settings settings) {
    try {
      Files.createDirectories(settings.dataDir().resolve(LOG_DIR));
      if (settings.tls()) {
        BrokerCertificates.ensure(settings.tlsDirectory(), settings.host());
      }
      String clusterId = clusterId(settings.dataDir());
      Properties props = brokerProperties(settings);
      Path serverProperties = settings.dataDir().resolve("server.properties");
      writeProperties(props, serverProperties);
      boolean fresh = !Files.exists(settings.dataDir().resolve(LOG_DIR).resolve("meta.properties"));
      if (fresh) {
        format(clusterId, serverProperties);
      }
      KafkaRaftServer server =
          new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      LocalKafkaBroker broker = new LocalKafkaBroker(settings, clusterId, fresh, server);
      try {
        server.startup();
        broker.awaitClientsAccepted(Duration.ofSeconds(60));
      } catch (RuntimeException e) {
        broker.close();
        throw e;
      }
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return settings.host() + ":" + settings.port();
  }

  /** What a client needs to reach the broker as {@link #ADMIN}: bootstrap servers and SASL. */
  public Map<String, Object> adminClientProperties() {
    return settings.isSecured()
        ? BrokerLogin.admin(bootstrapServers(), settings.adminPassword(), settings.clientTls())
        : plaintext();
  }

  /**
   * What a client needs to reach the broker as one of the platform's principals (SCRAM-SHA-512):
   * bootstrap servers and SASL; the bootstrap servers alone on a PLAINTEXT broker.
   */
  public Map<String, Object> clientProperties(String principal, String password) {
    return settings.isSecured()
        ? BrokerLogin.scram(bootstrapServers(), principal, password, settings.clientTls())
        : plaintext();
  }

  private Map<String, Object> plaintext() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return config;
  }

  /** The JAAS line of a SCRAM client, e.g. a service's {@code spring.kafka.properties}. */
  public static String scramLogin(String principal, String password) {
    return BrokerLogin.scramJaas(principal, password);
  }

  public String clusterId() {
    return clusterId;
  }

  public Settings settings() {
    return settings;
  }

  /** Whether this start formatted a new data directory (false: it reopened existing data). */
  public boolean freshlyFormatted() {
    return freshlyFormatted;
  }

  /** Blocks until the broker has shut down (after {@link #close()} from another thread). */
  public void awaitShutdown() {
    server.awaitShutdown();
  }

  /** Shuts the broker down cleanly (controlled shutdown, logs flushed) and waits for it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
  }

  static Properties brokerProperties(Settings settings) {
    String host = settings.host();
    String client = settings.clientProtocol();
    // The controller's listener stays on this host without TLS: only the broker itself uses it.
    String controller = settings.isSecured() ? BrokerLogin.PROTOCOL : "PLAINTEXT";
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@" + host + ":" + settings.controllerPort());
    props.put(
        "listeners",
        client
            + "://"
            + host
            + ":"
            + settings.port()
            + ",CONTROLLER://"
            + host
            + ":"
            + settings.controllerPort());
    props.put("advertised.listeners", client + "://" + host + ":" + settings.port());
    props.put(
        "listener.security.protocol.map", client + ":" + client + ",CONTROLLER:" + controller);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", client);
    if (settings.isSecured()) {
      secure(props, settings.adminPassword(), client);
    }
    if (settings.tls()) {
      BrokerTls trust = settings.clientTls();
      Path keys = settings.tlsDirectory();
      // The clients' listener presents this key; the broker, a client of its own listener, trusts
      // the authority that signed it.
      props.put("ssl.keystore.type", BrokerTls.STORE_TYPE);
      props.put("ssl.keystore.location", keys.resolve(BrokerTls.KEYSTORE).toString());
      props.put("ssl.keystore.password", BrokerTls.read(keys.resolve(BrokerTls.KEYSTORE_PASSWORD)));
      trust
          .clientProperties()
          .forEach(
              (key, value) -> {
                if (key.startsWith("ssl.")) {
                  props.put(key, value);
                }
              });
    }
    props.put("log.dirs", settings.dataDir().resolve(LOG_DIR).toString());
    // One node: every internal topic has a single replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "10");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "10");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // As in production: every topic is declared by its owner, none appears by accident.
    props.put("auto.create.topics.enable", "false");
    // Kafka is the system of record: the local stack never expires data by age.
    props.put("log.retention.ms", "-1");
    // The log cleaner compacts the changelogs and the registry's topic. Its offset map is a heap
    // buffer taken at the first cleaning and kept: Kafka's default of 128 MiB is sized for
    // production's topics; 32 MiB maps about 1.2 million keys per pass, more than a local stack's
    // topics hold after a seed of a million contributions.
    props.put("log.cleaner.dedupe.buffer.size", String.valueOf(32 * 1024 * 1024));
    settings.overrides().forEach(props::put);
    return props;
  }

  /**
   * SASL on both listeners and ACLs: the clients' listener takes SCRAM-SHA-512 (the platform's
   * principals, whose credentials live in the cluster metadata) and PLAIN for {@link #ADMIN} alone
   * (its password is in this configuration, so the broker and the operator can sign in before any
   * SCRAM credential exists); the controller listener PLAIN (KRaft controllers cannot use SCRAM).
   */
  private static void secure(Properties props, String adminPassword, String listener) {
    // The server's PLAIN login: its own sign-in to the controller, and the one user it accepts.
    String plainServer =
        BrokerLogin.plainJaas(ADMIN, adminPassword)
            .replaceFirst(";$", " user_" + ADMIN + "=\"" + adminPassword + "\";");
    props.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512");
    props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    props.put("sasl.mechanism.controller.protocol", "PLAIN");
    String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
    props.put(prefix + "plain.sasl.jaas.config", plainServer);
    props.put(
        prefix + "scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    props.put("listener.name.controller.plain.sasl.jaas.config", plainServer);
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    props.put("super.users", "User:" + ADMIN);
    props.put("allow.everyone.if.no.acl.found", "false");
  }

  private static String clusterId(Path dataDir) throws IOException {
    Path file = dataDir.resolve(CLUSTER_ID_FILE);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
    return id;
  }

  private static void writeProperties(Properties props, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      props.store(out, "Effective configuration of the UNGIS local broker (written on each start)");
    }
  }

  private static void format(String clusterId, Path serverProperties) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      status =
          StorageTool.execute(
              new String[] {
                "format", "-t", clusterId, "-c", serverProperties.toString(), "--ignore-formatted"
              },
              out);
    }
    if (status != 0) {
      throw new IllegalStateException(
          "Formatting the Kafka log directory failed ("
              + status
              + "): "
              + buffer.toString(StandardCharsets.UTF_8));
    }
  }

  private void awaitClientsAccepted(Duration timeout) {
    Map<String, Object> config = adminClientProperties();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> failures = new ArrayList<>();
    try (Admin admin = Admin.create(config)) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
            admin.listTopics().names().get(10, TimeUnit.SECONDS);
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for the broker", e);
        } catch (Exception e) {
          failures.add(String.valueOf(e.getCause() != null ? e.getCause() : e));
        }
      }
    }
    throw new IllegalStateException(
        "Broker on " + bootstrapServers() + " not ready within " + timeout + ": " + failures);
  }

  /** Runs the broker until SIGTERM / SIGINT. */
  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.fromArgs(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    LocalKafkaBroker broker;
    try {
      broker = LocalBrokerAccess.startWithDevelopmentAccess(settings);
    } catch (RuntimeException e) {
      System.err.println("LocalKafkaBroker failed to start: " + e);
      e.printStackTrace();
      System.exit(1);
      return;
    }
    LocalKafkaBroker running = broker;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("LocalKafkaBroker stopping");
                  running.close();
                  System.out.println("LocalKafkaBroker stopped");
                },
                "local-broker-shutdown"));
    System.out.printf(
        "%s: bootstrap.servers=%s cluster.id=%s data=%s (%s, %s, %d ms)%n",
        READY_MARKER,
        broker.bootstrapServers(),
        broker.clusterId(),
        settings.dataDir(),
        broker.freshlyFormatted() ? "new data directory" : "existing data kept",
        settings.isSecured()
            ? settings.clientProtocol() + ", the access rules' ACLs"
            : "PLAINTEXT, no ACLs",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    System.out.flush();
    broker.awaitShutdown();
  }
}
