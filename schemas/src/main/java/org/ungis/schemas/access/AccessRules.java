package org.ungis.schemas.access;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;

/**
 * Puts {@link BrokerAccess} on a broker, or prints it for an operator.
 *
 * <p>{@link #apply} is idempotent and declarative: it adds the ACLs the declaration has and the
 * broker lacks, and removes the ACLs of the declared principals that the declaration no longer has
 * (ACLs of other principals are left alone). Run it after every change of the declaration.
 *
 * <p>From the command line ({@code java -cp ... org.ungis.schemas.access.AccessRules}): {@code
 * print} writes the {@code kafka-acls} commands, {@code script} the operators' script ({@link
 * #script()}); {@code apply --command-config admin.properties} applies the rules with the admin
 * client those properties describe (bootstrap servers and the admin's SASL settings).
 */
public final class AccessRules {

  /** The SCRAM iterations of the credentials created here (Kafka's minimum is 4096). */
  static final int SCRAM_ITERATIONS = 8192;

  private static final long TIMEOUT_SECONDS = 30;

  private AccessRules() {}

  /** What {@link #apply} changed. */
  public record Applied(Set<AclBinding> added, Set<AclBinding> removed) {}

  /** Makes the broker's ACLs of the declared principals exactly {@link BrokerAccess#bindings()}. */
  public static Applied apply(Admin admin) {
    Set<AclBinding> wanted = BrokerAccess.bindings();
    Set<String> declared =
        BrokerAccess.PRINCIPALS.stream()
            .map(principal -> "User:" + principal.name())
            .collect(Collectors.toSet());
    Set<AclBinding> present =
        new LinkedHashSet<>(call(admin.describeAcls(AclBindingFilter.ANY).values()));
    Set<AclBinding> added = new LinkedHashSet<>(wanted);
    added.removeAll(present);
    Set<AclBinding> removed =
        present.stream()
            .filter(binding -> declared.contains(binding.entry().principal()))
            .filter(binding -> !wanted.contains(binding))
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (!added.isEmpty()) {
      call(admin.createAcls(added).all());
    }
    if (!removed.isEmpty()) {
      call(admin.deleteAcls(removed.stream().map(AclBinding::toFilter).toList()).all());
    }
    return new Applied(added, removed);
  }

  /**
   * Creates or replaces the SCRAM-SHA-512 credentials of the given principals (a super user's admin
   * client only).
   *
   * @param passwords principal name to password
   */
  public static void upsertScramCredentials(Admin admin, Map<String, String> passwords) {
    if (passwords.isEmpty()) {
      return;
    }
    call(
        admin
            .alterUserScramCredentials(
                passwords.entrySet().stream()
                    .map(
                        user ->
                            (org.apache.kafka.clients.admin.UserScramCredentialAlteration)
                                new UserScramCredentialUpsertion(
                                    user.getKey(),
                                    new ScramCredentialInfo(
                                        ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                                    user.getValue()))
                    .toList())
            .all());
  }

  /**
   * The declaration as {@code kafka-acls} commands (Apache Kafka's {@code kafka-acls.sh},
   * Confluent's {@code kafka-acls}): one per principal, operations, resource type and pattern type,
   * naming every resource of those grants ({@code --topic a --topic b}; the tool adds each
   * operation on each resource), so that the script starts the tool's JVM as few times as the rules
   * allow; {@code --add} of an existing ACL is a no-op.
   *
   * @param command the tool, e.g. {@code kafka-acls}
   * @param connection the connection options, e.g. {@code --bootstrap-server "$BOOTSTRAP"
   *     --command-config "$ADMIN_CONFIG"}
   */
  public static List<String> kafkaAcls(String command, String connection) {
    Map<List<Object>, List<Grant>> together = new LinkedHashMap<>();
    for (Grant grant : BrokerAccess.grants()) {
      together
          .computeIfAbsent(
              List.of(
                  grant.principal(), grant.operations(), grant.resourceType(), grant.patternType()),
              key -> new ArrayList<>())
          .add(grant);
    }
    List<String> lines = new ArrayList<>();
    for (List<Grant> grants : together.values()) {
      Grant first = grants.get(0);
      StringBuilder line =
          new StringBuilder(command)
              .append(' ')
              .append(connection)
              .append(" --add --allow-principal ")
              .append(first.kafkaPrincipal());
      first.operations().forEach(op -> line.append(" --operation ").append(operationName(op)));
      String option =
          switch (first.resourceType()) {
            case TOPIC -> " --topic ";
            case GROUP -> " --group ";
            case TRANSACTIONAL_ID -> " --transactional-id ";
            default -> throw new IllegalStateException("No option for " + first.resourceType());
          };
      grants.forEach(grant -> line.append(option).append(grant.resourceName()));
      if (first.patternType() == PatternType.PREFIXED) {
        line.append(" --resource-pattern-type prefixed");
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /** The connection options of the commands in {@link #script()}. */
  static final String SCRIPT_CONNECTION =
      "--bootstrap-server \"$BOOTSTRAP_SERVERS\" --command-config \"$ADMIN_CONFIG\"";

  /**
   * The operators' script, {@code deploy/kafka/acls.sh}: creates the SCRAM-SHA-512 credential of
   * every principal whose password variable is set, then adds every ACL, with the CLI tools of
   * Confluent's Kafka image (docker-compose.yml's {@code kafka-access} step runs it). Unlike {@link
   * #apply} it only adds: an ACL the rules no longer have stays until removed by hand.
   */
  public static String script() {
    StringBuilder script = new StringBuilder();
    script.append(
        """
        #!/usr/bin/env bash
        # The broker's credentials and ACLs, generated from org.ungis.schemas.access.BrokerAccess:
        #   ./mvnw -B -q -pl schemas exec:java -Dexec.mainClass=org.ungis.schemas.access.AccessRules \\
        #     -Dexec.args=script > deploy/kafka/acls.sh
        # (BrokerAccessTest fails while this file differs from what the rules generate.)
        #
        # Signs in as the super user "admin" (PLAIN, password $UNGIS_KAFKA_ADMIN_PASSWORD), creates the
        # SCRAM-SHA-512 credential of each principal whose password is set (the variable
        # UNGIS_KAFKA_<PRINCIPAL>_PASSWORD, e.g. UNGIS_KAFKA_REVIEW_SERVICE_PASSWORD; hex passwords:
        # `openssl rand -hex 32`), then adds the ACLs. Re-running it is harmless. Over TLS (SASL_SSL),
        # trusting the PKCS12 truststore $KAFKA_TRUSTSTORE whose password is in the file
        # $KAFKA_TRUSTSTORE_PASSWORD_FILE (deploy/kafka/create-certificates makes both).
        set -euo pipefail
        BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:29092}"
        KAFKA_TRUSTSTORE="${KAFKA_TRUSTSTORE:-/run/secrets/kafka-truststore}"
        KAFKA_TRUSTSTORE_PASSWORD="$(cat "${KAFKA_TRUSTSTORE_PASSWORD_FILE:-/run/secrets/kafka-truststore-password}")"
        : "${UNGIS_KAFKA_ADMIN_PASSWORD:?UNGIS_KAFKA_ADMIN_PASSWORD is not set (docs/operator.md)}"
        ADMIN_CONFIG="$(mktemp)"
        trap 'rm -f "$ADMIN_CONFIG"' EXIT
        cat >"$ADMIN_CONFIG" <<CONFIG
        security.protocol=SASL_SSL
        ssl.truststore.type=PKCS12
        ssl.truststore.location=$KAFKA_TRUSTSTORE
        ssl.truststore.password=$KAFKA_TRUSTSTORE_PASSWORD
        sasl.mechanism=PLAIN
        sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$UNGIS_KAFKA_ADMIN_PASSWORD";
        CONFIG
        """);
    script
        .append("for principal in ")
        .append(String.join(" ", BrokerAccess.principalNames()))
        .append("; do\n");
    script.append(
        """
          variable="UNGIS_KAFKA_$(echo "$principal" | tr 'a-z-' 'A-Z_')_PASSWORD"
          if [ -n "${!variable:-}" ]; then
            kafka-configs %s --alter --entity-type users --entity-name "$principal" \\
              --add-config "SCRAM-SHA-512=[iterations=%d,password=${!variable}]"
          else
            echo "$variable is not set: $principal cannot sign in to the broker" >&2
          fi
        done
        """
            .formatted(SCRIPT_CONNECTION, SCRAM_ITERATIONS));
    kafkaAcls("kafka-acls", SCRIPT_CONNECTION).forEach(line -> script.append(line).append('\n'));
    return script.toString();
  }

  /** {@code DESCRIBE_CONFIGS} as kafka-acls spells it: {@code DescribeConfigs}. */
  static String operationName(AclOperation operation) {
    StringBuilder name = new StringBuilder();
    for (String word : operation.name().split("_")) {
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return name.toString();
  }

  /**
   * {@code print [command] [connection]} or {@code apply --command-config FILE}: see the class
   * comment.
   */
  public static void main(String[] args) throws IOException {
    if (args.length >= 1 && args[0].equals("print")) {
      String command = args.length > 1 ? args[1] : "kafka-acls";
      String connection =
          args.length > 2
              ? args[2]
              : "--bootstrap-server \"$BOOTSTRAP_SERVERS\" --command-config \"$ADMIN_CONFIG\"";
      kafkaAcls(command, connection).forEach(System.out::println);
    } else if (args.length == 1 && args[0].equals("script")) {
      System.out.print(script());
    } else if (args.length == 3 && args[0].equals("apply") && args[1].equals("--command-config")) {
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8)) {
        properties.load(in);
      }
      Map<String, Object> config = new HashMap<>();
      properties.forEach((key, value) -> config.put((String) key, value));
      config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
      try (Admin admin = Admin.create(config)) {
        Applied applied = apply(admin);
        System.out.printf(
            "Broker ACLs applied: %d added, %d removed, %d declared%n",
            applied.added().size(), applied.removed().size(), BrokerAccess.bindings().size());
      }
    } else {
      System.err.println(
          "Usage: AccessRules print [command] [connection] | script | apply --command-config FILE");
      System.exit(2);
    }
  }

  private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while talking to the broker", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The broker refused: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The broker did not answer in time", e);
    }
  }
}
