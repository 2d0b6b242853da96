package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.schemas.Topics;
import org.ungis.schemas.access.BrokerAccess;
import org.ungis.schemas.access.BrokerTls;

/**
 * The operators' script ({@code deploy/kafka/acls.sh}, run by docker-compose.yml's {@code
 * kafka-access} step) run as compose runs it, with Kafka's own {@code kafka-configs} and {@code
 * kafka-acls}, against a secured broker whose listener speaks TLS ({@code SASL_SSL}) with the
 * keystore and truststore {@code deploy/kafka/create-certificates} makes for compose (the
 * truststore's password in a file, as compose's secrets give it): it creates the credentials it is
 * given and every ACL of the rules.
 */
class AclScriptIT {

  private static final Path SCRIPT = Path.of("..", "deploy", "kafka", "acls.sh");
  private static final Path CERTIFICATES = Path.of("..", "deploy", "kafka", "create-certificates");

  @TempDir Path dataDir;
  @TempDir Path bin;

  @Test
  void theScriptGivesTheBrokerTheRulesAndThePrincipalsTheirPasswords() throws Exception {
    String adminPassword = UUID.randomUUID().toString().replace("-", "");
    String reviewPassword = UUID.randomUUID().toString().replace("-", "");
    LocalKafkaBroker.Settings settings =
        LocalKafkaBroker.Settings.defaults(dataDir)
            .withFreePorts()
            .secured(adminPassword)
            .withTls();
    // The broker finds the material in its TLS directory and makes none of its own.
    run(CERTIFICATES.toString(), "--dir", settings.tlsDirectory().toString());
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(settings)) {
      tool("kafka-configs", "kafka.admin.ConfigCommand");
      tool("kafka-acls", "org.apache.kafka.tools.AclCommand");
      ProcessBuilder run = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
      Map<String, String> env = run.environment();
      env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("BOOTSTRAP_SERVERS", broker.bootstrapServers());
      BrokerTls tls = broker.settings().clientTls();
      env.put("KAFKA_TRUSTSTORE", tls.truststore().toString());
      env.put(
          "KAFKA_TRUSTSTORE_PASSWORD_FILE",
          broker.settings().tlsDirectory().resolve(BrokerTls.TRUSTSTORE_PASSWORD).toString());
      env.put("UNGIS_KAFKA_ADMIN_PASSWORD", adminPassword);
      env.put("UNGIS_KAFKA_REVIEW_SERVICE_PASSWORD", reviewPassword);
      Process process = run.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output)
          .contains("UNGIS_KAFKA_AGENCY_PASSWORD is not set: agency cannot sign in to the broker");

      try (Admin admin = Admin.create(broker.adminClientProperties())) {
        Set<AclBinding> present =
            Set.copyOf(admin.describeAcls(AclBindingFilter.ANY).values().get());
        assertThat(present).containsExactlyInAnyOrderElementsOf(BrokerAccess.bindings());
        admin
            .createTopics(List.of(Topics.REVIEWS.newTopic((short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      await("review-service signs in with its password and writes its topic")
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptionsInstanceOf(ExecutionException.class)
          .untilAsserted(() -> send(broker.clientProperties("review-service", reviewPassword)));
      assertThatThrownBy(() -> send(broker.clientProperties(BrokerAccess.AGENCY, "anything")))
          .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  /**
   * A command of Kafka's distribution, as a script on the PATH running this JVM's jars. The script
   * runs the tool's JVM once per group of grants: the first run writes a class-data archive of the
   * classes it loaded as it exits, and every later run maps it instead of loading them again from
   * the jars (a JVM a little faster to start, on the same class path).
   */
  private void tool(String name, String mainClass) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // the jars only: a class-data archive cannot be made of a class path with a directory
    String jars =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .collect(Collectors.joining(File.pathSeparator));
    Path archive = bin.resolve("kafka-tools.jsa");
    Path script = bin.resolve(name);
    Files.writeString(
        script,
        "#!/usr/bin/env bash\n"
            + "if [ -f '"
            + archive
            + "' ]; then cds='-XX:SharedArchiveFile="
            + archive
            + "'; else cds='-XX:ArchiveClassesAtExit="
            + archive
            + "'; fi\n"
            + "exec '"
            + java
            + "' -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \"$cds\" -cp '"
            + jars
            + "' "
            + mainClass
            + " \"$@\"\n",
        StandardCharsets.UTF_8);
    assertThat(script.toFile().setExecutable(true)).isTrue();
  }

  private static void send(Map<String, Object> client) throws Exception {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(Topics.REVIEWS.name(), "key", "decision")).get();
    }
  }
}
