package org.ungis.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One of the platform's applications started from its main class as a Spring application context
 * inside a JVM that runs others: {@code bin/local-stack --one-jvm} (see {@link OneJvmStack}) and
 * the tests that run the workflow in one JVM.
 *
 * <p>On a classpath shared by several applications two things would leak from one to another:
 *
 * <ul>
 *   <li>the configuration file: each application ships an {@code application.yml} (or {@code
 *       <name>.yml}) at the root of its jar, and {@code classpath:application.yml} would give every
 *       application the first one found. Each reads exactly its own: {@code spring.config.location}
 *       names the file inside the jar (or classes directory) its main class comes from;
 *   <li>auto-configurations: a library of one application (the gateway's Spring Cloud Gateway, the
 *       portal's OAuth2 client and Thymeleaf, the authorization server) would configure all of
 *       them. When the application's jar names its own libraries (the {@code Class-Path} of the jar
 *       that {@code java -Djarmode=tools -jar app.jar extract} writes), every auto-configuration
 *       from a library outside that list is excluded, so each application gets exactly the
 *       auto-configurations it gets when it runs alone.
 * </ul>
 *
 * Each application keeps its own port, consumer groups and state directory (its settings), and
 * closes with the host, not with a shutdown hook of its own.
 */
public final class InProcessApplication implements AutoCloseable {

  private static final String AUTO_CONFIGURATIONS =
      "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

  private final String name;
  private final ConfigurableApplicationContext context;

  private InProcessApplication(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
  }

  /**
   * Starts an application and returns once its context is refreshed (its web server listens).
   *
   * @param name its name, e.g. {@code publication-service}; {@code <name>.yml} is its configuration
   *     file where it has no {@code application.yml}
   * @param mainClass its {@code @SpringBootApplication} class
   * @param parent a context whose beans (e.g. a {@code KafkaConnectionDetails}) it sees, or null
   * @param properties settings that win over its own configuration file
   * @param hostLogging true to leave the host's logging alone (Spring Boot would initialise it
   *     again for every application started)
   */
  public static InProcessApplication start(
      String name,
      Class<?> mainClass,
      ConfigurableApplicationContext parent,
      Map<String, String> properties,
      boolean hostLogging) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.config.location", ownConfigurationFile(name, mainClass));
    settings.put("server.port", "0");
    settings.put("spring.jmx.enabled", "false");
    settings.put("spring.main.banner-mode", "off");
    // Each application's meters stay in its own registry, not in one global one for all.
    settings.put("management.metrics.use-global-registry", "false");
    settings.putAll(properties);
    String foreign = String.join(",", foreignAutoConfigurations(mainClass));
    if (!foreign.isEmpty()) {
      settings.merge("spring.autoconfigure.exclude", foreign, (given, more) -> given + "," + more);
    }
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(mainClass)
            .main(mainClass)
            .web(WebApplicationType.SERVLET)
            .registerShutdownHook(false);
    if (parent != null) {
      builder.parent(parent);
    }
    // Written again in schema-registry's EmbeddedSchemaRegistry on purpose: local-stack runs the
    // applications from their jars and depends on none of their modules.
    if (hostLogging) {
      builder
          .application()
          .setListeners(
              builder.application().getListeners().stream()
                  .filter(listener -> !(listener instanceof LoggingApplicationListener))
                  .toList());
    }
    return new InProcessApplication(name, builder.run(args));
  }

  /**
   * The URL of the application's own configuration file: the {@code application.yml}, else the
   * {@code <name>.yml}, that sits next to its main class (in the same jar or classes directory).
   */
  public static String ownConfigurationFile(String name, Class<?> mainClass) {
    String home = codeSource(mainClass).toString();
    try {
      for (String file : List.of("application.yml", name + ".yml")) {
        List<URL> candidates = Collections.list(mainClass.getClassLoader().getResources(file));
        for (URL url : candidates) {
          String found = url.toString();
          if (found.startsWith(home) || found.startsWith("jar:" + home + "!/")) {
            return found;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException(
        "no application.yml or " + name + ".yml next to " + mainClass.getName() + " in " + home);
  }

  /**
   * The auto-configurations on the classpath that come from a library the application does not
   * have: none unless its jar lists its libraries in its manifest's {@code Class-Path}.
   */
  static Set<String> foreignAutoConfigurations(Class<?> mainClass) {
    Set<String> own = ownLibraries(mainClass);
    if (own.isEmpty()) {
      return Set.of();
    }
    Set<String> foreign = new LinkedHashSet<>();
    Set<String> kept = new LinkedHashSet<>();
    try {
      for (URL url :
          Collections.list(mainClass.getClassLoader().getResources(AUTO_CONFIGURATIONS))) {
        Set<String> target = own.contains(jarOf(url)) ? kept : foreign;
        try (var in = url.openStream()) {
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .map(line -> line.replaceFirst("#.*", "").strip())
              .filter(line -> !line.isEmpty())
              .forEach(target::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    foreign.removeAll(kept);
    return foreign;
  }

  /** The file names of the jars the application's manifest lists, with its own; empty if none. */
  private static Set<String> ownLibraries(Class<?> mainClass) {
    Path jar;
    try {
      jar = Path.of(codeSource(mainClass).toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Set.of();
    }
    if (!jar.toString().endsWith(".jar")) {
      return Set.of();
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String classPath =
          manifest == null
              ? null
              : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      if (classPath == null || classPath.isBlank()) {
        return Set.of();
      }
      Set<String> names =
          List.of(classPath.strip().split("\\s+")).stream()
              .map(entry -> entry.substring(entry.lastIndexOf('/') + 1))
              .collect(Collectors.toCollection(LinkedHashSet::new));
      names.add(jar.getFileName().toString());
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name of the jar a {@code jar:file:...!/...} resource URL points into. */
  private static String jarOf(URL url) {
    String path = url.toString();
    int bang = path.indexOf("!/");
    String file = bang < 0 ? path : path.substring(0, bang);
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static URL codeSource(Class<?> mainClass) {
    return mainClass.getProtectionDomain().getCodeSource().getLocation();
  }

  public String name() {
    return name;
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    context.close();
  }
}
