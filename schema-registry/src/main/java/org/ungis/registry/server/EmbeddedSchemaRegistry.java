package org.ungis.registry.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.ungis.registry.server.access.DevelopmentUsers;

/**
 * Runs the real registry in-process, for integration tests of other modules:
 *
 * <pre>{@code
 * try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.getBrokersAsString())) {
 *   String url = registry.url(); // http://localhost:<random port>
 * }
 * }</pre>
 *
 * It reads only {@code schema-registry.yml} (never the host's application.yml), leaves the host's
 * logging alone and switches off any security auto-configuration found on the host's classpath.
 * {@link #start} returns once the registry has read its topic and serves requests. It runs with the
 * development users ({@code ungis.registry.development=true}): reads are open, writes need {@link
 * #SERVICES_USER_INFO}, deletes and global changes {@link #ADMIN_USER_INFO}; {@link #clientConfig}
 * is what a serializer needs.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

  /** The development writer, as {@code basic.auth.user.info}: what the services use. */
  public static final String SERVICES_USER_INFO = DevelopmentUsers.SERVICES_USER_INFO;

  /** The development admin, as {@code basic.auth.user.info}. */
  public static final String ADMIN_USER_INFO = DevelopmentUsers.ADMIN_USER_INFO;

  private final ConfigurableApplicationContext context;
  private final int port;

  private EmbeddedSchemaRegistry(ConfigurableApplicationContext context) {
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** Starts a registry on a random port against the given Kafka bootstrap servers. */
  public static EmbeddedSchemaRegistry start(String bootstrapServers) {
    return start(bootstrapServers, Map.of());
  }

  /**
   * Starts a registry with extra properties, e.g. {@code server.port}, {@code
   * schema-registry.topic} or {@code schema-registry.default-compatibility}.
   */
  public static EmbeddedSchemaRegistry start(
      String bootstrapServers, Map<String, ?> extraProperties) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.config.name", SchemaRegistryApplication.CONFIG_NAME);
    properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
    properties.put("server.port", 0);
    properties.put("spring.main.banner-mode", "off");
    properties.put("spring.main.log-startup-info", false);
    properties.put("spring.main.web-application-type", "servlet");
    properties.put("spring.jmx.enabled", false);
    properties.put("ungis.registry.development", true);
    String excluded = hostSecurityAutoConfigurations();
    if (!excluded.isEmpty()) {
      properties.put("spring.autoconfigure.exclude", excluded);
    }
    properties.putAll(extraProperties);
    List<String> args = new ArrayList<>();
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));

    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(SchemaRegistryApplication.class)
            .web(WebApplicationType.SERVLET)
            .registerShutdownHook(false);
    builder
        .application()
        .setListeners(
            builder.application().getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .toList());
    return new EmbeddedSchemaRegistry(builder.run(args.toArray(String[]::new)));
  }

  /** Security auto-configurations a host application may bring; the registry runs without. */
  private static String hostSecurityAutoConfigurations() {
    ClassLoader loader = EmbeddedSchemaRegistry.class.getClassLoader();
    List<String> candidates = new ArrayList<>();
    ImportCandidates.load(AutoConfiguration.class, loader).forEach(candidates::add);
    return candidates.stream()
        .filter(name -> name.toLowerCase().contains("security") || name.contains("oauth2"))
        .collect(Collectors.joining(","));
  }

  /** The base URL, e.g. {@code http://localhost:41234}, for {@code schema.registry.url}. */
  public String url() {
    return "http://localhost:" + port;
  }

  /**
   * Serializer and client settings for this registry with the services' development credentials:
   * {@code schema.registry.url}, {@code basic.auth.credentials.source=USER_INFO} and {@code
   * basic.auth.user.info}.
   */
  public Map<String, Object> clientConfig() {
    return clientConfig(url());
  }

  /** {@link #clientConfig()} for a registry at {@code url}. */
  public static Map<String, Object> clientConfig(String url) {
    return Map.of(
        "schema.registry.url",
        url,
        "basic.auth.credentials.source",
        "USER_INFO",
        "basic.auth.user.info",
        SERVICES_USER_INFO);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    context.close();
  }
}
