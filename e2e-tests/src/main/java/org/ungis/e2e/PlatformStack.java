package org.ungis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ungis.client.ClientCredentials;
import org.ungis.client.UngisClient;
import org.ungis.schemas.access.BrokerAccess;
import org.ungis.schemas.access.BrokerLogin;
import org.ungis.schemas.access.BrokerTls;

/**
 * The whole platform as separate processes on free ports, like {@code bin/local-stack} runs it: a
 * real Kafka broker (KRaft, the local-stack exec jar), the schema registry and the three services,
 * each from its exec jar, with their Kafka Streams state under a work directory.
 *
 * <p>The broker runs as {@code bin/local-stack} and production run it: it authenticates every
 * client (SASL) and authorizes it by the platform's access rules ({@link BrokerAccess}); the
 * registry, each service and the portal sign in as their own principal with its development
 * password ({@link BrokerLogin#developmentPassword}). A test's own Kafka clients sign in too:
 * {@link #kafkaClientProperties(String)} as a principal (e.g. {@link BrokerAccess#RECORDS_READER}),
 * {@link #adminClientProperties()} as the super user. There is no unauthenticated mode, as {@code
 * bin/local-stack} has none: every suite (end-to-end, fault-tests) runs on the ACLs production has.
 * {@code builder(dir).brokerTls(true)} puts TLS on the broker's listener ({@code SASL_SSL}, as
 * production's), with a certificate and an authority made as the broker first starts: every process
 * and every client of {@link #kafkaClientProperties} trusts it through the truststore ({@link
 * #brokerTls()}).
 *
 * <pre>{@code
 * try (PlatformStack stack = PlatformStack.builder(tempDir).start()) {
 *   stack.contributions().baseUrl();   // http://localhost:<port>
 *   stack.review().kill();             // SIGKILL
 *   stack.review().start().awaitReady(Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class PlatformStack implements AutoCloseable {

  public static final String BROKER = "broker";
  public static final String REGISTRY = "schema-registry";

  /**
   * The registry's development writer ({@code basic.auth.user.info}), which the services use
   * through their application.yml; the registry runs with {@code ungis.registry.development=true}.
   */
  public static final String REGISTRY_USER_INFO = "ungis-services:ungis-services-secret";

  public static final String CONTRIBUTIONS = "contributions-service";
  public static final String REVIEW = "review-service";
  public static final String PUBLICATION = "publication-service";
  public static final String NOTIFICATION = "notification-service";
  public static final String AUTH = "auth-server";
  public static final String GATEWAY = "gateway";
  public static final String PORTAL = "portal";

  /**
   * The host the browser uses for the portal: not {@code localhost}, which the authorization server
   * is on, so that the two servers' session cookies (cookies ignore the port) never overwrite each
   * other; OAuth 2.1 also asks for a loopback IP literal, not {@code localhost}, in redirect URIs.
   */
  public static final String PORTAL_HOST = "127.0.0.1";

  /** The services, in start order (they are started together once the broker is up). */
  public static final List<String> SERVICES = List.of(CONTRIBUTIONS, REVIEW, PUBLICATION);

  private final Path workDir;
  private final Map<String, ServiceProcess> processes;
  private final BrokerTls brokerTls;
  private final Map<String, ClientCredentials> tokens = new ConcurrentHashMap<>();
  private final Map<String, UngisClient> apiClients = new ConcurrentHashMap<>();

  private PlatformStack(Path workDir, Map<String, ServiceProcess> processes, BrokerTls brokerTls) {
    this.workDir = workDir;
    this.processes = processes;
    this.brokerTls = brokerTls;
  }

  public static Builder builder(Path workDir) {
    return new Builder(workDir);
  }

  /** Options of the stack; {@link #start()} launches it. */
  public static final class Builder {
    private final Path workDir;
    private RepoLayout layout;
    private Duration timeout = Duration.ofSeconds(180);
    private List<String> serviceJvmArgs =
        List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private List<String> brokerJvmArgs = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
    private final Map<String, String> serviceProperties = new LinkedHashMap<>();
    private boolean copyJars = true;
    private boolean tls;
    private BrokerTls brokerTls;
    private Boolean authServer;
    private boolean gateway;
    private boolean portal;
    private int smtpPort = -1;

    private Builder(Path workDir) {
      this.workDir = workDir.toAbsolutePath().normalize();
    }

    public Builder layout(RepoLayout layout) {
      this.layout = layout;
      return this;
    }

    /** How long each group (broker; registry and services) may take to become ready. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder serviceJvmArgs(List<String> args) {
      this.serviceJvmArgs = List.copyOf(args);
      return this;
    }

    public Builder brokerJvmArgs(List<String> args) {
      this.brokerJvmArgs = List.copyOf(args);
      return this;
    }

    /**
     * Whether to run copies of the exec jars (taken once, under the work directory) rather than the
     * files in {@code target/}: a module rebuilt while the test runs cannot pull a jar from under a
     * running JVM. On by default.
     */
    public Builder copyJars(boolean copy) {
      this.copyJars = copy;
      return this;
    }

    /**
     * /** Whether the broker's listener speaks TLS ({@code SASL_SSL}, as production's; default: no,
     * it speaks {@code SASL_PLAINTEXT}): the broker makes its certificate, signed by an authority
     * of its own, as it first starts, and every process of the stack connects trusting that
     * authority ({@code spring.kafka.ssl.*}). Needs the secured broker.
     */
    public Builder brokerTls(boolean tls) {
      this.tls = tls;
      return this;
    }

    /**
     * Whether to run the authorization server too and point the services at it as their token
     * issuer (default: yes; the services check bearer tokens).
     */
    public Builder authServer(boolean run) {
      this.authServer = run;
      return this;
    }

    /** Whether to run the gateway too: one base URL for the three services' APIs (default: no). */
    public Builder gateway(boolean run) {
      this.gateway = run;
      return this;
    }

    /**
     * Whether to run the portal too (default: no), once the services are ready: pointed at the
     * gateway (the API's one base URL, so the portal runs the gateway too) and at the authorization
     * server as its OIDC provider, whose {@code portal} client then accepts the portal's redirect
     * URIs on {@link #PORTAL_HOST}. Needs the authorization server.
     */
    public Builder portal(boolean run) {
      this.portal = run;
      if (run) {
        this.gateway = true;
      }
      return this;
    }

    /**
     * Whether to run notification-service too (default: no), sending its e-mails to the SMTP server
     * on this localhost port (a GreenMail of the test); its webhooks API needs the authorization
     * server. A webhook registered with {@link #registerWebhook} then receives the workflow's
     * events.
     */
    public Builder notifications(int smtpPort) {
      this.smtpPort = smtpPort;
      return this;
    }

    /**
     * A Spring property given to the three services (and notification-service), e.g. {@code
     * ungis.clock.start}.
     */
    public Builder serviceProperty(String key, String value) {
      serviceProperties.put(key, value);
      return this;
    }

    /** A process's arguments, signing in to the broker as {@code principal}. */
    private List<String> withBrokerLogin(String principal, List<String> args) {
      List<String> all = new ArrayList<>(args);
      all.addAll(
          BrokerLogin.springArguments(
              principal, BrokerLogin.developmentPassword(principal), brokerTls));
      return all;
    }

    /**
     * Starts the broker, waits for it, then starts the registry and the services together and waits
     * until each is ready. On failure everything started is stopped and the exception carries the
     * tail of the failing process's log.
     */
    public PlatformStack start() {
      RepoLayout located = layout != null ? layout : RepoLayout.locate();
      boolean withAuth = authServer == null || authServer;
      if (portal && !withAuth) {
        throw new IllegalStateException("The portal signs people in at the authorization server");
      }
      boolean notifications = smtpPort > 0;
      if (notifications && !withAuth) {
        throw new IllegalStateException("The webhooks API checks the integrator's token");
      }
      List<String> missing =
          Stream.of(
                  Stream.of("local-stack", REGISTRY),
                  SERVICES.stream(),
                  withAuth ? Stream.of(AUTH) : Stream.<String>empty(),
                  gateway ? Stream.of(GATEWAY) : Stream.<String>empty(),
                  portal ? Stream.of(PORTAL) : Stream.<String>empty(),
                  notifications ? Stream.of(NOTIFICATION) : Stream.<String>empty())
              .flatMap(names -> names)
              .filter(module -> !Files.isRegularFile(located.execJar(module)))
              .map(module -> located.root().relativize(located.execJar(module)).toString())
              .toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException(
            "The platform cannot start: missing "
                + missing
                + ". Build them first: ./mvnw -B package -DskipTests (from "
                + located.root()
                + ").");
      }
      Jars repo =
          copyJars ? located.copyJarsTo(workDir.resolve("jars"))::execJar : located::execJar;
      Path logs = workDir.resolve("logs");
      int brokerPort = FreePorts.next();
      int controllerPort = FreePorts.next();
      String bootstrap = "localhost:" + brokerPort;
      StepClock clock = StepClock.start("stack");
      Map<String, ServiceProcess> processes = new LinkedHashMap<>();
      processes.put(
          BROKER,
          ServiceProcess.of(
              BROKER,
              brokerPort,
              repo.execJar("local-stack"),
              brokerJvmArgs,
              // As bin/local-stack runs it: SASL, and the access rules' ACLs.
              Stream.concat(
                      Stream.of(
                          "--data-dir",
                          workDir.resolve("kafka").toString(),
                          "--port",
                          Integer.toString(brokerPort),
                          "--controller-port",
                          Integer.toString(controllerPort),
                          "--secured"),
                      tls ? Stream.of("--tls") : Stream.<String>empty())
                  .toList(),
              logs.resolve(BROKER + ".log"),
              Readiness.logLine("LocalKafkaBroker ready")));
      // First the broker: with TLS, the others' arguments name the truststore it makes.
      try {
        processes.get(BROKER).startAndAwaitReady(timeout);
        clock.step("broker ready");
        // the local broker's --tls directory (BrokerTls' layout)
        brokerTls = tls ? BrokerTls.in(workDir.resolve("kafka").resolve("tls")) : null;
      } catch (RuntimeException e) {
        processes.get(BROKER).stop();
        throw e;
      }
      int registryPort = FreePorts.next();
      String registryUrl = "http://localhost:" + registryPort;
      processes.put(
          REGISTRY,
          ServiceProcess.of(
              REGISTRY,
              registryPort,
              repo.execJar(REGISTRY),
              serviceJvmArgs,
              withBrokerLogin(
                  REGISTRY,
                  List.of(
                      "--server.port=" + registryPort,
                      "--spring.kafka.bootstrap-servers=" + bootstrap,
                      // the development users: the services write as ungis-services (their
                      // application.yml), reads are open
                      "--ungis.registry.development=true")),
              logs.resolve(REGISTRY + ".log"),
              Readiness.http("/subjects")));
      int portalPort = portal ? FreePorts.next() : -1;
      String portalUrl = "http://" + PORTAL_HOST + ":" + portalPort;
      String issuer = null;
      if (withAuth) {
        int authPort = FreePorts.next();
        issuer = "http://localhost:" + authPort;
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + authPort);
        args.add("--ungis.auth.issuer=" + issuer);
        args.add("--ungis.auth.key-directory=" + workDir.resolve("auth"));
        // The test signs people and clients in with the development credentials.
        args.add("--ungis.auth.development=true");
        args.add("--management.endpoint.health.probes.enabled=true");
        if (portal) {
          args.add("--ungis.auth.portal.redirect-uris=" + portalUrl + "/login/oauth2/code/ungis");
          args.add("--ungis.auth.portal.post-logout-redirect-uris=" + portalUrl + "/");
        }
        processes.put(
            AUTH,
            ServiceProcess.of(
                AUTH,
                authPort,
                repo.execJar(AUTH),
                serviceJvmArgs,
                args,
                logs.resolve(AUTH + ".log"),
                Readiness.actuator()));
      }
      List<String> services = new ArrayList<>(SERVICES);
      if (notifications) {
        services.add(NOTIFICATION);
      }
      for (String service : services) {
        int port = FreePorts.next();
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        args.add("--spring.kafka.bootstrap-servers=" + bootstrap);
        args.add("--spring.kafka.properties.schema.registry.url=" + registryUrl);
        args.add("--spring.kafka.streams.state-dir=" + workDir.resolve("state").resolve(service));
        args.add("--management.endpoint.health.probes.enabled=true");
        if (issuer != null) {
          args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer);
        }
        if (service.equals(NOTIFICATION)) {
          args.add("--spring.mail.host=localhost");
          args.add("--spring.mail.port=" + smtpPort);
        }
        serviceProperties.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(withBrokerLogin(service, List.of()));
        processes.put(
            service,
            ServiceProcess.of(
                service,
                port,
                repo.execJar(service),
                serviceJvmArgs,
                args,
                logs.resolve(service + ".log"),
                Readiness.actuator()));
      }
      if (gateway) {
        int port = FreePorts.next();
        processes.put(
            GATEWAY,
            ServiceProcess.of(
                GATEWAY,
                port,
                repo.execJar(GATEWAY),
                serviceJvmArgs,
                List.of(
                    "--server.port=" + port,
                    "--ungis.gateway.contributions=" + processes.get(CONTRIBUTIONS).baseUrl(),
                    "--ungis.gateway.review=" + processes.get(REVIEW).baseUrl(),
                    "--ungis.gateway.publication=" + processes.get(PUBLICATION).baseUrl()),
                logs.resolve(GATEWAY + ".log"),
                Readiness.actuator()));
      }
      ServiceProcess portalProcess = null;
      if (portal) {
        portalProcess =
            ServiceProcess.of(
                PORTAL,
                portalPort,
                repo.execJar(PORTAL),
                serviceJvmArgs,
                withBrokerLogin(
                    PORTAL,
                    List.of(
                        "--server.port=" + portalPort,
                        "--ungis.portal.api.url=" + processes.get(GATEWAY).baseUrl(),
                        "--ungis.portal.issuer=" + issuer,
                        "--spring.kafka.bootstrap-servers=" + bootstrap,
                        "--spring.kafka.properties.schema.registry.url=" + registryUrl,
                        "--management.endpoint.health.probes.enabled=true")),
                logs.resolve(PORTAL + ".log"),
                Readiness.actuator());
      }
      PlatformStack stack = new PlatformStack(workDir, processes, brokerTls);
      try {
        List<ServiceProcess> rest = stack.all().subList(1, processes.size());
        rest.forEach(ServiceProcess::start);
        if (portalProcess != null) {
          // It reads the provider's discovery document as it starts: once the authorization server
          // answers, while the services are still starting.
          stack.authServer().orElseThrow().awaitReady(timeout);
          clock.step(AUTH + " ready");
          processes.put(PORTAL, portalProcess);
          portalProcess.start();
        }
        for (ServiceProcess process : stack.all().subList(1, processes.size())) {
          process.awaitReady(timeout);
          clock.step(process.name() + " ready");
        }
        return stack;
      } catch (RuntimeException e) {
        stack.close();
        throw e;
      }
    }
  }

  /**
   * The Spring Boot arguments of a process signing in to the stack's broker as {@code principal}
   * (the registry, a service, the portal) with its development password: for a test that starts
   * another instance of a service next to the stack (a stack without TLS; with it, {@link
   * BrokerLogin#springArguments(String, String, BrokerTls)} with {@link #brokerTls()}).
   */
  public static List<String> brokerLogin(String principal) {
    return BrokerLogin.springArguments(principal, BrokerLogin.developmentPassword(principal));
  }

  /** The truststore that trusts the broker, if its listener speaks TLS ({@code SASL_SSL}). */
  public java.util.Optional<BrokerTls> brokerTls() {
    return java.util.Optional.ofNullable(brokerTls);
  }

  /** Where a module's exec jar is. */
  @FunctionalInterface
  private interface Jars {
    Path execJar(String module);
  }

  public ServiceProcess broker() {
    return processes.get(BROKER);
  }

  public ServiceProcess registry() {
    return processes.get(REGISTRY);
  }

  public ServiceProcess contributions() {
    return processes.get(CONTRIBUTIONS);
  }

  public ServiceProcess review() {
    return processes.get(REVIEW);
  }

  public ServiceProcess publication() {
    return processes.get(PUBLICATION);
  }

  /** notification-service, if the stack runs it. */
  public java.util.Optional<ServiceProcess> notifications() {
    return java.util.Optional.ofNullable(processes.get(NOTIFICATION));
  }

  /**
   * Registers the receiver's URL for these event types with notification-service, as the integrator
   * of an agency ({@code <code>-webhooks}, scope {@code webhooks.manage}), hands the receiver the
   * signing secret, and waits until the service knows the subscription (from then on every event of
   * those types is delivered to it). Returns the subscription's id.
   */
  public String registerWebhook(String agency, WebhookReceiver receiver, List<String> eventTypes) {
    String base =
        notifications()
            .orElseThrow(() -> new IllegalStateException("the stack runs no notification-service"))
            .baseUrl();
    String client = agency.toLowerCase(java.util.Locale.ROOT) + "-webhooks";
    Supplier<String> token = token(client, client + "-secret");
    return receiver.registerAt(
        base, request -> Caller.bearer(token.get()).sign(request), eventTypes);
  }

  /** The gateway (one base URL for the whole API), if the stack runs it. */
  public java.util.Optional<ServiceProcess> gateway() {
    return java.util.Optional.ofNullable(processes.get(GATEWAY));
  }

  /** The portal, if the stack runs one (see {@link #portalUrl()} for the URL a browser opens). */
  public java.util.Optional<ServiceProcess> portal() {
    return java.util.Optional.ofNullable(processes.get(PORTAL));
  }

  /** {@code http://127.0.0.1:<port>}: the portal as a browser opens it ({@link #PORTAL_HOST}). */
  public String portalUrl() {
    ServiceProcess portal =
        portal().orElseThrow(() -> new IllegalStateException("the stack runs no portal"));
    return "http://" + PORTAL_HOST + ":" + portal.port();
  }

  /** The authorization server, if the stack runs one. */
  public java.util.Optional<ServiceProcess> authServer() {
    return java.util.Optional.ofNullable(processes.get(AUTH));
  }

  /**
   * An agency's intake client: its client-credentials token when the stack runs the authorization
   * server (development credentials {@code <code>-intake} / {@code <code>-secret}), and the {@code
   * X-Ungis-Agency} / {@code X-Ungis-Principal} headers the services read until they check tokens.
   */
  public Caller agency(String code) {
    String lower = code.toLowerCase(java.util.Locale.ROOT);
    return caller(code, "intake@" + lower + ".int", lower + "-intake", lower + "-secret");
  }

  /** A reviewer of an agency ({@code reviewer-<code>-1}), as {@link #agency(String)}. */
  public Caller reviewer(String code) {
    String lower = code.toLowerCase(java.util.Locale.ROOT);
    String client = "reviewer-" + lower + "-1";
    return caller(code, "reviewer-1@" + lower + ".int", client, client + "-secret");
  }

  private Caller caller(String agency, String principal, String clientId, String secret) {
    Caller headers = Caller.headers(agency, principal);
    if (authServer().isEmpty()) {
      return headers;
    }
    Supplier<String> token = token(clientId, secret);
    return request -> {
      headers.sign(request);
      Caller.bearer(token.get()).sign(request);
    };
  }

  /** A client's tokens from the stack's authorization server, fetched again before they expire. */
  private Supplier<String> token(String clientId, String secret) {
    String authServerUrl = authServer().orElseThrow().baseUrl();
    return tokens.computeIfAbsent(
        clientId, id -> ClientCredentials.of(authServerUrl, clientId, secret));
  }

  /**
   * The generated API client, from the one base URL (the gateway; the stack must run it), acting as
   * {@code caller}.
   */
  public UngisClient api(Caller caller) {
    String baseUrl =
        gateway()
            .orElseThrow(() -> new IllegalStateException("the stack runs no gateway"))
            .baseUrl();
    return apiClients
        .computeIfAbsent(baseUrl, url -> UngisClient.of(url, () -> null))
        .signedBy(caller::sign);
  }

  public ServiceProcess get(String name) {
    ServiceProcess process = processes.get(name);
    if (process == null) {
      throw new IllegalArgumentException("No process " + name + "; known: " + processes.keySet());
    }
    return process;
  }

  /** Every process, in start order. */
  public List<ServiceProcess> all() {
    return List.copyOf(processes.values());
  }

  /** {@code localhost:<port>} of the broker. */
  public String bootstrapServers() {
    return "localhost:" + broker().port();
  }

  /**
   * A Kafka client's settings to reach the broker as one of the platform's principals ({@link
   * BrokerAccess#principalNames()}, e.g. {@link BrokerAccess#RECORDS_READER} or {@link
   * BrokerAccess#AGENCY}): the bootstrap servers and its SCRAM sign-in.
   */
  public Map<String, Object> kafkaClientProperties(String principal) {
    return BrokerLogin.scram(
        bootstrapServers(), principal, BrokerLogin.developmentPassword(principal), brokerTls);
  }

  /**
   * A downstream system's consumer settings: the {@link BrokerAccess#RECORDS_READER} principal and
   * a consumer group of its own that it may use (for {@link RecordTopicReader}).
   */
  public Map<String, Object> recordsReader() {
    Map<String, Object> config =
        new java.util.HashMap<>(kafkaClientProperties(BrokerAccess.RECORDS_READER));
    config.put("group.id", BrokerAccess.RECORDS_READER + "-" + java.util.UUID.randomUUID());
    return config;
  }

  /**
   * Waits until the records topic, read from the start by a downstream system ({@link
   * #recordsReader()}, {@link RecordTopicReader}), holds a record of the process that meets the
   * requirements; returns it.
   */
  public RecordTopicReader.RebuiltRecord awaitRecordOnTopic(
      String processId,
      Duration patience,
      java.util.function.Consumer<RecordTopicReader.RebuiltRecord> requirements) {
    java.util.concurrent.atomic.AtomicReference<RecordTopicReader.RebuiltRecord> seen =
        new java.util.concurrent.atomic.AtomicReference<>();
    org.awaitility.Awaitility.await("a record of " + processId + " on the records topic")
        .atMost(patience)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              RecordTopicReader.RebuiltRecord rebuilt =
                  RecordTopicReader.readAll(recordsReader(), registryUrl()).get(processId);
              org.assertj.core.api.Assertions.assertThat(rebuilt)
                  .as("a record for %s on the topic", processId)
                  .isNotNull();
              requirements.accept(rebuilt);
              seen.set(rebuilt);
            });
    return seen.get();
  }

  /**
   * A Kafka client's settings to reach the broker as its super user ({@link BrokerAccess#ADMIN}):
   * what a test that reads every topic, or writes where no service may, needs.
   */
  public Map<String, Object> adminClientProperties() {
    return BrokerLogin.admin(
        bootstrapServers(), BrokerLogin.developmentPassword(BrokerAccess.ADMIN), brokerTls);
  }

  public String registryUrl() {
    return registry().baseUrl();
  }

  public Path workDir() {
    return workDir;
  }

  /** The Kafka Streams state directory of a service. */
  public Path stateDir(String service) {
    return workDir.resolve("state").resolve(service);
  }

  /** Deletes a (stopped) service's local state, so that it rebuilds its views from Kafka. */
  public void deleteState(String service) {
    if (get(service).isAlive()) {
      throw new IllegalStateException("Stop " + service + " before deleting its state");
    }
    Path dir = stateDir(service);
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The directory of the processes' logs: a process started alike (another instance of a service, a
   * test's own log) logs here too, so that {@link #copyLogsTo} keeps it.
   */
  public Path logDir() {
    return workDir.resolve("logs");
  }

  /**
   * Copies every process's whole log and every other file of {@link #logDir()} into {@code dir}
   * (created), so a failed run can be read after the stack's temporary directory is gone; returns
   * {@code dir}.
   */
  public Path copyLogsTo(Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> logs = new ArrayList<>();
      processes.values().forEach(process -> logs.add(process.logFile()));
      if (Files.isDirectory(logDir())) {
        try (Stream<Path> files = Files.list(logDir())) {
          files.filter(Files::isRegularFile).filter(f -> !logs.contains(f)).forEach(logs::add);
        }
      }
      for (Path log : logs) {
        if (Files.exists(log)) {
          Files.copy(
              log,
              dir.resolve(log.getFileName()),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tail of every process's log, for the report of a failed test. */
  public String logs(int linesEach) {
    StringBuilder out = new StringBuilder();
    for (ServiceProcess process : processes.values()) {
      out.append("\n======== ")
          .append(process)
          .append(" ")
          .append(process.logFile())
          .append(" (last ")
          .append(linesEach)
          .append(" lines) ========\n")
          .append(process.logTail(linesEach))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Stops the portal and the gateway, then the services (notification-service among them), then the
   * authorization server, the registry, then the broker (each cleanly, SIGKILL as a last resort).
   */
  @Override
  public void close() {
    Stream.of(portal(), gateway()).flatMap(java.util.Optional::stream).toList().parallelStream()
        .forEach(ServiceProcess::stop);
    List<ServiceProcess> services =
        Stream.concat(SERVICES.stream(), Stream.of(NOTIFICATION))
            .map(processes::get)
            .filter(java.util.Objects::nonNull)
            .toList();
    services.parallelStream().forEach(ServiceProcess::stop);
    authServer().ifPresent(ServiceProcess::stop);
    registry().stop();
    broker().stop();
  }
}
