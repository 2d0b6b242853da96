package org.ungis.schemas.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client needs to trust a broker whose listeners speak TLS ({@code SASL_SSL}): the PKCS12
 * truststore holding the certificate authority that signed the broker's certificate, and its
 * password. The directory layout is the one {@code deploy/kafka/create-certificates} writes and the
 * local broker's {@code --tls} creates: {@value #TRUSTSTORE} and {@value #TRUSTSTORE_PASSWORD}
 * beside the broker's {@value #KEYSTORE} and {@value #KEYSTORE_PASSWORD}.
 *
 * @param truststore the PKCS12 truststore
 * @param password its password
 */
public record BrokerTls(Path truststore, String password) {

  /** The listeners' protocol with TLS. */
  public static final String PROTOCOL = "SASL_SSL";

  /** The stores' type. */
  public static final String STORE_TYPE = "PKCS12";

  public static final String TRUSTSTORE = "truststore.p12";
  public static final String TRUSTSTORE_PASSWORD = "truststore.password";
  public static final String KEYSTORE = "broker.keystore.p12";
  public static final String KEYSTORE_PASSWORD = "broker.keystore.password";

  public BrokerTls {
    truststore = truststore.toAbsolutePath().normalize();
  }

  /** The truststore of a directory laid out as the class comment says. */
  public static BrokerTls in(Path directory) {
    return new BrokerTls(
        directory.resolve(TRUSTSTORE), read(directory.resolve(TRUSTSTORE_PASSWORD)));
  }

  /** A password file's content, without a trailing line break. */
  public static String read(Path passwordFile) {
    try {
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Kafka client's TLS settings: the protocol and the truststore. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("security.protocol", PROTOCOL);
    config.put("ssl.truststore.type", STORE_TYPE);
    config.put("ssl.truststore.location", truststore.toString());
    config.put("ssl.truststore.password", password);
    return config;
  }

  /**
   * The same as Spring Boot command-line arguments ({@code spring.kafka.security.protocol} and
   * {@code spring.kafka.ssl.*}, which every Kafka client of a service takes), as docker-compose.yml
   * sets them through the environment.
   */
  public List<String> springArguments() {
    return List.of(
        "--spring.kafka.security.protocol=" + PROTOCOL,
        "--spring.kafka.ssl.trust-store-type=" + STORE_TYPE,
        "--spring.kafka.ssl.trust-store-location=file:" + truststore,
        "--spring.kafka.ssl.trust-store-password=" + password);
  }

  @Override
  public String toString() {
    return "BrokerTls[truststore=" + truststore + "]";
  }
}
