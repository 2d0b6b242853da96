package org.ungis.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bare HTTP baseline: the least an intake endpoint must do. It reads the same JSON, maps it to
 * the same {@code ContributionEvent}, serializes it with our Avro serializer (Confluent wire
 * format, the contributions topic's registered schema), sends it with a KafkaProducer ({@code
 * acks=all}, idempotent) to a throw-away topic, waits for the acknowledgement and answers 201. No
 * validation beyond parsing, no view, no read-your-writes wait.
 */
final class BareEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final KafkaProducer<String, byte[]> producer;
  private final Serializer<ContributionEvent> serializer;
  private final JsonMapper json = JsonMapper.builder().build();
  private final String topic;

  BareEndpoint(String bootstrapServers, String registryUrl, String topic) throws IOException {
    this.topic = topic;
    this.serializer =
        Topics.CONTRIBUTIONS.valueSerde(RegistryCredentials.writer(registryUrl)).serializer();
    Map<String, Object> config = KafkaLogin.client(bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    this.executor = Executors.newFixedThreadPool(64, Workflow.daemon("bare-http"));
    server.setExecutor(executor);
    server.createContext("/api/v1/contributions", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request;
      try (InputStream in = exchange.getRequestBody()) {
        request = in.readAllBytes();
      }
      String agency = exchange.getRequestHeaders().getFirst("X-Ungis-Agency");
      String principal = exchange.getRequestHeaders().getFirst("X-Ungis-Principal");
      int status;
      String body;
      try {
        JsonNode node = json.readTree(request);
        String id = UUID.randomUUID().toString();
        ContributionEvent event = event(id, agency, principal, node);
        byte[] value = serializer.serialize(Topics.CONTRIBUTIONS.name(), event);
        producer.send(new ProducerRecord<>(topic, id, value)).get(30, TimeUnit.SECONDS);
        exchange.getResponseHeaders().add("Location", "/api/v1/contributions/" + id);
        status = 201;
        body = "{\"id\":\"" + id + "\",\"status\":\"SUBMITTED\",\"revision\":1}";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        status = 503;
        body = "{}";
      } catch (Exception e) {
        status = 503;
        body = "{\"detail\":\"" + e.getClass().getSimpleName() + "\"}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static ContributionEvent event(String id, String agency, String principal, JsonNode node) {
    List<ActionLine> actionLines = new ArrayList<>();
    node.path("actionLines").forEach(a -> actionLines.add(ActionLine.valueOf(a.asString())));
    List<Integer> sdgs = new ArrayList<>();
    node.path("sdgs").forEach(s -> sdgs.add(s.asInt()));
    List<String> links = new ArrayList<>();
    node.path("links").forEach(l -> links.add(l.asString()));
    ContributionContent content =
        ContributionContent.newBuilder()
            .setTitle(node.path("title").asString())
            .setSummary(node.path("summary").asString(""))
            .setBody(node.path("body").asString())
            .setLanguage(Language.valueOf(node.path("language").asString("EN")))
            .setActionLines(actionLines)
            .setSdgs(sdgs)
            .setLinks(links)
            .build();
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now())
        .setActor(
            Actor.newBuilder()
                .setAgency(agency)
                .setPrincipal(principal)
                .setRole(ActorRole.AGENCY)
                .build())
        .setContributionId(id)
        .setProcessId(node.path("processId").asString())
        .setAgency(agency)
        .setRevision(1)
        .setPayload(ContributionSubmitted.newBuilder().setContent(content).build())
        .build();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    producer.close();
  }
}
