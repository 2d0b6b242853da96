package org.ungis.schemas.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a client signs in to a broker that enforces {@link BrokerAccess}: the platform's principals
 * with SCRAM-SHA-512, the super user {@link BrokerAccess#ADMIN} with PLAIN (its password is in the
 * broker's configuration, so it can sign in before any SCRAM credential exists), over {@code
 * SASL_PLAINTEXT}, or over {@code SASL_SSL} given the broker's truststore ({@link BrokerTls}), as
 * production runs it. The local stack and the tests give every principal its development password
 * ({@link #developmentPassword}); production passwords come from the operator.
 */
public final class BrokerLogin {

  /** The listeners' protocol without TLS (with TLS: {@link BrokerTls#PROTOCOL}). */
  public static final String PROTOCOL = "SASL_PLAINTEXT";

  /** The platform's principals' mechanism. */
  public static final String SCRAM = "SCRAM-SHA-512";

  /** The super user's mechanism. */
  public static final String PLAIN = "PLAIN";

  private BrokerLogin() {}

  /**
   * The local stack's and the tests' password of a principal (the super user's too): {@code
   * <principal>-secret}. Never accepted in production, whose passwords the operator sets.
   */
  public static String developmentPassword(String principal) {
    return principal + "-secret";
  }

  /** The JAAS line of a principal signing in with SCRAM. */
  public static String scramJaas(String principal, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + principal
        + "\" password=\""
        + password
        + "\";";
  }

  /** The JAAS line of the super user signing in with PLAIN. */
  public static String plainJaas(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /** A Kafka client's settings: bootstrap servers, and the principal's SCRAM sign-in. */
  public static Map<String, Object> scram(
      String bootstrapServers, String principal, String password) {
    return scram(bootstrapServers, principal, password, null);
  }

  /** As {@link #scram(String, String, String)}, over TLS if {@code tls} is not null. */
  public static Map<String, Object> scram(
      String bootstrapServers, String principal, String password, BrokerTls tls) {
    return client(bootstrapServers, SCRAM, scramJaas(principal, password), tls);
  }

  /** A Kafka client's settings: bootstrap servers, and the super user's PLAIN sign-in. */
  public static Map<String, Object> admin(String bootstrapServers, String password) {
    return admin(bootstrapServers, password, null);
  }

  /** As {@link #admin(String, String)}, over TLS if {@code tls} is not null. */
  public static Map<String, Object> admin(String bootstrapServers, String password, BrokerTls tls) {
    return client(bootstrapServers, PLAIN, plainJaas(BrokerAccess.ADMIN, password), tls);
  }

  /**
   * The same sign-in as Spring Boot properties ({@code spring.kafka.*}), for a service or the
   * registry started in-process.
   */
  public static Map<String, String> springProperties(String principal, String password) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.kafka.security.protocol", PROTOCOL);
    properties.put("spring.kafka.properties.sasl.mechanism", SCRAM);
    properties.put("spring.kafka.properties.sasl.jaas.config", scramJaas(principal, password));
    return properties;
  }

  /**
   * The same sign-in as Spring Boot command-line arguments ({@code --spring.kafka.*=...}), for a
   * service or the registry started as a process.
   */
  public static List<String> springArguments(String principal, String password) {
    return springArguments(principal, password, null);
  }

  /**
   * As {@link #springArguments(String, String)}, over TLS if {@code tls} is not null ({@code
   * spring.kafka.ssl.*}).
   */
  public static List<String> springArguments(String principal, String password, BrokerTls tls) {
    Map<String, String> properties = springProperties(principal, password);
    List<String> arguments = new ArrayList<>();
    if (tls != null) {
      properties.remove("spring.kafka.security.protocol");
      arguments.addAll(tls.springArguments());
    }
    properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    return List.copyOf(arguments);
  }

  private static Map<String, Object> client(
      String bootstrapServers, String mechanism, String jaas, BrokerTls tls) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("security.protocol", PROTOCOL);
    if (tls != null) {
      config.putAll(tls.clientProperties());
    }
    config.put("sasl.mechanism", mechanism);
    config.put("sasl.jaas.config", jaas);
    return config;
  }
}
