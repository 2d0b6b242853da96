package org.ungis.containers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.ungis.localstack.InProcessApplication;

/**
 * One of the platform's services, started from its main class as a Spring application context in
 * the test JVM, as a child of the context that holds the Kafka connection details: an {@link
 * InProcessApplication}, as {@code bin/local-stack --one-jvm} runs every application (each reads
 * exactly its own {@code application.yml}).
 */
final class InProcessService implements AutoCloseable {

  private final String name;
  private final ConfigurableApplicationContext context;

  private InProcessService(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  /**
   * Starts a service.
   *
   * @param name a name for messages, e.g. {@code publication-service}
   * @param mainClass the service's {@code @SpringBootApplication} class
   * @param parent the context whose beans (the {@code KafkaConnectionDetails}) the service sees
   * @param properties settings that win over the service's own {@code application.yml}
   */
  static InProcessService start(
      String name,
      Class<?> mainClass,
      ConfigurableApplicationContext parent,
      Map<String, String> properties) {
    return new InProcessService(
        name, InProcessApplication.start(name, mainClass, parent, properties, false).context());
  }

  /**
   * Every auto-configuration of Spring Security (and of platform-security) on the test classpath: a
   * service built without them (publication-service, whose records are public) excludes them, since
   * the other services bring them onto the shared classpath.
   */
  static String securityAutoConfigurations() {
    List<String> candidates = new ArrayList<>();
    ImportCandidates.load(AutoConfiguration.class, InProcessService.class.getClassLoader())
        .forEach(candidates::add);
    return candidates.stream()
        .filter(c -> c.toLowerCase().contains("security") || c.contains("oauth2"))
        .collect(Collectors.joining(","));
  }

  String name() {
    return name;
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  String baseUrl() {
    return "http://localhost:" + port();
  }

  ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    context.close();
  }
}
