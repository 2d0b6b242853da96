package org.ungis.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ungis.schemas.webhook.WebhookSignature;
import tools.jackson.databind.JsonNode;

/**
 * An integrator's webhook endpoint on a loopback port, as a test needs one: it answers {@code 204}
 * to every {@code POST /hook}, keeps every delivery it received (retries included) and checks its
 * Standard Webhooks signature with the platform's one implementation of it ({@link
 * WebhookSignature}).
 */
public final class WebhookReceiver implements AutoCloseable {

  /**
   * One request as received.
   *
   * @param webhookId the {@code webhook-id} header: the workflow event's id
   * @param type the body's {@code type}
   * @param data the body's {@code data}
   * @param validSignature whether the signature checks with the secret given
   */
  public record Delivery(String webhookId, String type, JsonNode data, boolean validSignature) {}

  private final HttpServer server;
  private final Consumer<Delivery> listener;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile String secret;

  private WebhookReceiver(HttpServer server, Consumer<Delivery> listener) {
    this.server = server;
    this.listener = listener;
  }

  /** Starts a receiver on a free loopback port. */
  public static WebhookReceiver start() {
    return start(delivery -> {});
  }

  /** Starts a receiver on a free loopback port that also tells {@code listener} of each request. */
  public static WebhookReceiver start(Consumer<Delivery> listener) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server, listener);
      server.createContext("/hook", receiver::receive);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the webhook receiver", e);
    }
  }

  /** {@code http://127.0.0.1:<port>/hook}: the URL to register. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /**
   * Registers this receiver's URL for these event types at notification-service ({@code
   * notificationsUrl}) as an integrator ({@code integrator}: a {@code webhooks.manage} caller),
   * keeps the signing secret the registration answers, and waits until the service knows the
   * subscription: from then on every event of those types is delivered here. Returns its id.
   */
  public String registerAt(String notificationsUrl, Caller integrator, List<String> eventTypes) {
    HttpJson.Response registered =
        HttpJson.post(
            notificationsUrl + "/api/v1/webhooks",
            integrator,
            Map.of("url", url(), "eventTypes", eventTypes));
    if (registered.status() != 201) {
      throw new IllegalStateException("the webhook registration answered " + registered);
    }
    secret = registered.json().path("secret").asString();
    String id = registered.json().path("id").asString();
    org.awaitility.Awaitility.await("notification-service knows webhook " + id)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                HttpJson.get(
                            notificationsUrl + "/api/v1/webhooks/" + id,
                            "application/json",
                            integrator)
                        .status()
                    == 200);
    return id;
  }

  /** Every delivery received, in order, retries included. */
  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** How many deliveries each {@code webhook-id} had (more than one: a redelivery). */
  public Map<String, Long> countsById() {
    return deliveries.stream()
        .collect(Collectors.groupingBy(Delivery::webhookId, Collectors.counting()));
  }

  /** The deliveries whose {@code data} passes the filter, e.g. those of one call for inputs. */
  public List<Delivery> deliveries(Function<JsonNode, Boolean> about) {
    return deliveries.stream().filter(d -> about.apply(d.data())).toList();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String id = header(exchange, "webhook-id");
      JsonNode json = HttpJson.JSON.readTree(body);
      boolean valid =
          verify(
              id,
              header(exchange, "webhook-timestamp"),
              body,
              header(exchange, "webhook-signature"));
      Delivery delivery =
          new Delivery(id, json.path("type").asString(""), json.path("data"), valid);
      deliveries.add(delivery);
      listener.accept(delivery);
      exchange.sendResponseHeaders(204, -1);
    }
  }

  private boolean verify(String id, String timestamp, String body, String signatures) {
    WebhookSignature signature;
    try {
      signature = new WebhookSignature(secret);
    } catch (IllegalArgumentException e) {
      return false; // no secret yet, or not a whsec_ one: nothing can be valid
    }
    return signature.verify(id, timestamp, body, signatures);
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
