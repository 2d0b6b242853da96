package org.ungis.registry.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal HTTP stand-in for a registry in broker-free unit tests of the REST client: it answers
 * the five calls the client makes the way Confluent's registry does and records every request
 * (method, path, headers). The real registry is exercised by the {@code *IT} tests.
 */
public final class StubRegistryServer implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> idBySchema = new HashMap<>();
  private final Map<Integer, String> schemaById = new HashMap<>();
  private final Map<String, List<Integer>> versions = new HashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private volatile boolean stall;

  private StubRegistryServer(HttpServer server) {
    this.server = server;
  }

  public static StubRegistryServer start() throws IOException {
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    StubRegistryServer stub = new StubRegistryServer(http);
    http.createContext("/", stub::handle);
    http.setExecutor(Executors.newCachedThreadPool());
    http.start();
    return stub;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request so far as {@code METHOD /path?query}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** The headers of every request so far (lower-case names, first value). */
  public List<Map<String, String>> headers() {
    return List.copyOf(headers);
  }

  /** From now on, never answer (to test timeouts). */
  public void stall() {
    stall = true;
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
      Map<String, String> requestHeaders = new HashMap<>();
      exchange.getRequestHeaders().forEach((k, v) -> requestHeaders.put(k.toLowerCase(), v.get(0)));
      headers.add(requestHeaders);
      if (stall) {
        release.await();
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      answer(exchange, exchange.getRequestMethod(), path, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void answer(
      HttpExchange exchange, String method, String rawPath, String body) throws IOException {
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
    }
    int subjects = segments.indexOf("subjects");
    int schemas = segments.indexOf("schemas");
    if (method.equals("GET") && schemas >= 0 && segments.size() == schemas + 3) {
      String schema = schemaById.get(Integer.parseInt(segments.get(schemas + 2)));
      if (schema == null) {
        send(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
      } else {
        send(exchange, 200, Map.of("schema", schema));
      }
      return;
    }
    if (subjects < 0 || segments.size() <= subjects + 1) {
      send(exchange, 404, Map.of("error_code", 404, "message", "HTTP 404 Not Found"));
      return;
    }
    String subject = segments.get(subjects + 1);
    List<Integer> subjectVersions = versions.get(subject);
    if (method.equals("POST") && segments.size() == subjects + 3) {
      JsonNode request = JSON.readTree(body);
      String schema = request.get("schema").asString();
      Integer id = idBySchema.computeIfAbsent(schema, s -> idBySchema.size() + 1);
      schemaById.put(id, schema);
      List<Integer> list = versions.computeIfAbsent(subject, s -> new ArrayList<>());
      if (!list.contains(id)) {
        list.add(id);
      }
      send(exchange, 200, Map.of("id", id));
      return;
    }
    if (subjectVersions == null) {
      send(
          exchange,
          404,
          Map.of("error_code", 40401, "message", "Subject '" + subject + "' not found."));
      return;
    }
    if (method.equals("POST")) {
      String schema = JSON.readTree(body).get("schema").asString();
      Integer id = idBySchema.get(schema);
      if (id == null || !subjectVersions.contains(id)) {
        send(exchange, 404, Map.of("error_code", 40403, "message", "Schema not found"));
      } else {
        send(exchange, 200, metadata(subject, subjectVersions.indexOf(id) + 1, id));
      }
      return;
    }
    String version = segments.get(segments.size() - 1);
    int number = version.equals("latest") ? subjectVersions.size() : Integer.parseInt(version);
    if (number < 1 || number > subjectVersions.size()) {
      send(
          exchange,
          404,
          Map.of("error_code", 40402, "message", "Version " + version + " not found."));
      return;
    }
    send(exchange, 200, metadata(subject, number, subjectVersions.get(number - 1)));
  }

  private Map<String, Object> metadata(String subject, int version, int id) {
    return Map.of("subject", subject, "version", version, "id", id, "schema", schemaById.get(id));
  }

  private static void send(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
