package org.ungis.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the platform's services, started from its main class as a Spring application context in
 * the test JVM, as a child of the context that holds the Kafka connection details.
 *
 * <p>The three services each ship an {@code application.yml} at the root of their jar, so with all
 * three on one classpath {@code classpath:application.yml} would give each service the first one
 * found. Each service therefore reads exactly its own file: {@code spring.config.location} names
 * the {@code application.yml} inside the jar (or classes directory) its main class comes from.
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
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.config.location", ownApplicationYml(mainClass));
    settings.put("server.port", "0");
    settings.put("spring.jmx.enabled", "false");
    settings.put("spring.main.banner-mode", "off");
    settings.putAll(properties);
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(mainClass)
            .main(mainClass)
            .parent(parent)
            .web(WebApplicationType.SERVLET)
            .registerShutdownHook(false)
            .run(args);
    return new InProcessService(name, context);
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

  /** The URL of the {@code application.yml} that sits next to the given class. */
  static String ownApplicationYml(Class<?> mainClass) {
    String home = mainClass.getProtectionDomain().getCodeSource().getLocation().toString();
    try {
      List<URL> candidates =
          Collections.list(mainClass.getClassLoader().getResources("application.yml"));
      return candidates.stream()
          .map(URL::toString)
          .filter(url -> url.startsWith(home) || url.startsWith("jar:" + home + "!/"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no application.yml next to " + mainClass.getName() + " in " + candidates));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
