package org.ungis.routing.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.routing.PartitionOwners;

/**
 * For the services' several-instances tests (this module's test jar): one running instance of a
 * service in the test's JVM, on a random port that it advertises as {@code application.server},
 * with its own state directory, and an HTTP client that calls it with a bearer token.
 */
public record ServiceInstance(ConfigurableApplicationContext context, int port)
    implements AutoCloseable {

  /** The instances' shared secret of the internal endpoints (platform-security). */
  public static final String INTERNAL_SECRET = "several-instances-test-secret";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One KRaft broker, topics of 3 partitions, internal topics with one replica. */
  public static EmbeddedKafkaKraftBroker broker() {
    return (EmbeddedKafkaKraftBroker)
        new EmbeddedKafkaKraftBroker(1, 3)
            .brokerProperties(
                Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "group.initial.rebalance.delay.ms", "0"));
  }

  /**
   * Starts an instance of {@code application} on {@code broker}.
   *
   * @param settings further properties (registry URL, token issuer, ...)
   */
  public static ServiceInstance start(
      Class<?> application, EmbeddedKafkaKraftBroker broker, Map<String, String> settings)
      throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("server.port", String.valueOf(port));
    all.put("spring.kafka.streams.properties.application.server", "localhost:" + port);
    all.put(
        "spring.kafka.streams.state-dir",
        Files.createTempDirectory(application.getSimpleName()).toString());
    all.put("spring.kafka.bootstrap-servers", broker.getBrokersAsString());
    all.put("spring.jmx.enabled", "false");
    all.put("spring.main.banner-mode", "off");
    // The instances of one test share the credential of the internal endpoints.
    all.put("ungis.security.internal.secret", INTERNAL_SECRET);
    all.putAll(settings);
    String[] args =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new ServiceInstance(new SpringApplicationBuilder(application).run(args), port);
  }

  /**
   * Waits until every instance runs and holds partitions of a store, and each knows the group's
   * whole assignment (partitions 0, 1 and 2) and the others as its peers.
   */
  public static void awaitSpread(
      Duration timeout,
      Function<ServiceInstance, PartitionOwners> owners,
      ServiceInstance... instances) {
    await()
        .atMost(timeout)
        .until(
            () -> {
              for (ServiceInstance instance : instances) {
                PartitionOwners mine = owners.apply(instance);
                Set<HostInfo> others = new HashSet<>();
                for (ServiceInstance other : instances) {
                  if (other != instance) {
                    others.add(other.host());
                  }
                }
                if (instance.streams() == null
                    || instance.streams().state() != KafkaStreams.State.RUNNING
                    || mine.localPartitions().isEmpty()
                    || !mine.assignedPartitions().equals(Set.of(0, 1, 2))
                    || !Set.copyOf(mine.peers()).equals(others)
                    || mine.peers().size() != others.size()) {
                  return false;
                }
              }
              return true;
            });
  }

  /** Closes each of these that is not null, in this order (instances first, then the broker). */
  public static void closeAll(AutoCloseable... closeables) {
    for (AutoCloseable closeable : closeables) {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Waits until its views run, looking often so as to catch the first moment they do. */
  public void awaitRunning(Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> streams() != null && streams().state() == KafkaStreams.State.RUNNING);
  }

  /**
   * {@code count} other String keys in the partition of {@code key} (as the producers' default
   * partitioner places them), derived from it: a backlog ahead of a record of that key.
   */
  public static List<String> keysInPartitionOf(String key, int partitions, int count) {
    int partition = partitionOf(key, partitions);
    List<String> keys = new ArrayList<>(count);
    for (int n = 0; keys.size() < count; n++) {
      String other = key + "-" + n;
      if (partitionOf(other, partitions) == partition) {
        keys.add(other);
      }
    }
    return keys;
  }

  /** The partition the producers' default partitioner places a String key in. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** Its HTTP address, as it advertises it. */
  public HostInfo host() {
    return new HostInfo("localhost", port);
  }

  public KafkaStreams streams() {
    return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public HttpResponse<String> send(
      String method, String path, String body, String token, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, null, token, Map.of());
  }

  @Override
  public void close() {
    context.close();
  }
}
