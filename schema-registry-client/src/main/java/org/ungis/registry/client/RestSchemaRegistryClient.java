package org.ungis.registry.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SchemaRegistryClient} over the Confluent Schema Registry REST API ({@code
 * application/vnd.schemaregistry.v1+json}), with {@link java.net.http.HttpClient}.
 *
 * <p>Caches every answer that cannot change: the id of a (subject, schema) pair, the schema of an
 * id and a numbered version; the latest version of a subject is cached for {@link
 * SchemaRegistryClientConfig#latestCacheTtl()} (forever by default). So a process makes one request
 * per schema, not one per record. Thread-safe; concurrent misses for the same key make one request.
 *
 * <p>Several URLs: requests go to the URL that last answered; if it cannot be reached, times out or
 * answers 5xx, the next one is tried.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  /** The content type of the Confluent Schema Registry REST API. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
          + " application/json; qs=0.5";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SchemaRegistryClientConfig config;
  private final HttpClient http;
  private final AtomicInteger currentEndpoint = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();

  private final Map<SubjectSchema, Integer> idBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
  private final Map<SubjectVersion, SchemaMetadata> metadataByVersion = new ConcurrentHashMap<>();
  private final Map<String, Latest> latestBySubject = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  private record SubjectVersion(String subject, int version) {}

  private record Latest(SchemaMetadata metadata, long fetchedAtNanos) {}

  public RestSchemaRegistryClient(SchemaRegistryClientConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            // Plain HTTP/1.1: no h2c upgrade dance with registries behind proxies.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** A client for the properties of a serializer (or any map of Confluent client properties). */
  public RestSchemaRegistryClient(Map<String, ?> configs) {
    this(SchemaRegistryClientConfig.from(configs));
  }

  /** The registry URLs of this client, without credentials. */
  public List<URI> urls() {
    return config.endpoints().stream().map(SchemaRegistryClientConfig.Endpoint::baseUri).toList();
  }

  @Override
  public int register(String subject, Schema schema, boolean normalize) {
    return idBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        key -> {
          JsonNode answer =
              send(
                  "POST",
                  "/subjects/"
                      + encode(subject)
                      + "/versions"
                      + (normalize ? "?normalize=true" : ""),
                  schemaBody(schema));
          int id = requiredInt(answer, "id");
          schemaById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public String updateCompatibility(String subject, String level) {
    JsonNode answer =
        send(
            "PUT",
            "/config/" + encode(subject),
            JSON.createObjectNode().put("compatibility", level).toString());
    return requiredText(answer, "compatibility");
  }

  @Override
  public int getId(String subject, Schema schema, boolean normalize) {
    return idBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema),
        key -> {
          JsonNode answer =
              send(
                  "POST",
                  "/subjects/" + encode(subject) + (normalize ? "?normalize=true" : ""),
                  schemaBody(schema));
          int id = requiredInt(answer, "id");
          schemaById.putIfAbsent(id, schema);
          return id;
        });
  }

  @Override
  public Schema getSchemaById(int id) {
    return schemaById.computeIfAbsent(
        id,
        key -> {
          JsonNode answer = send("GET", "/schemas/ids/" + id, null);
          String type = answer.path("schemaType").asString("AVRO");
          if (!"AVRO".equals(type)) {
            throw new SchemaRegistryException(
                200,
                SchemaRegistryException.SCHEMA_NOT_FOUND,
                "Schema " + id + " is of type " + type + ", not AVRO");
          }
          return parse(requiredText(answer, "schema"), "schema " + id);
        });
  }

  @Override
  public SchemaMetadata getLatestSchemaMetadata(String subject) {
    Latest cached = latestBySubject.get(subject);
    if (cached != null && fresh(cached)) {
      return cached.metadata();
    }
    return latestBySubject
        .compute(
            subject,
            (key, current) -> {
              if (current != null && current != cached && fresh(current)) {
                return current;
              }
              SchemaMetadata metadata =
                  metadata(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
              return new Latest(metadata, System.nanoTime());
            })
        .metadata();
  }

  @Override
  public SchemaMetadata getSchemaMetadata(String subject, int version) {
    return metadataByVersion.computeIfAbsent(
        new SubjectVersion(subject, version),
        key ->
            metadata(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null)));
  }

  @Override
  public long requestCount() {
    return requests.get();
  }

  @Override
  public String toString() {
    return "RestSchemaRegistryClient" + config.endpoints();
  }

  private boolean fresh(Latest latest) {
    return config.latestCacheTtl() == null
        || System.nanoTime() - latest.fetchedAtNanos() < config.latestCacheTtl().toNanos();
  }

  private static SchemaMetadata metadata(JsonNode answer) {
    return new SchemaMetadata(
        requiredText(answer, "subject"),
        requiredInt(answer, "version"),
        requiredInt(answer, "id"),
        requiredText(answer, "schema"));
  }

  private static String schemaBody(Schema schema) {
    // Confluent's clients omit schemaType for AVRO, the default.
    return JSON.writeValueAsString(Map.of("schema", schema.toString()));
  }

  private static Schema parse(String text, String what) {
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      throw new SchemaRegistryException(
          200,
          SchemaRegistryException.INVALID_SCHEMA,
          "The registry returned an invalid Avro schema for " + what + ": " + e.getMessage());
    }
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static int requiredInt(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.isNumber()) {
      throw new SchemaRegistryException(
          200, 50001, "The registry's answer has no numeric '" + field + "': " + answer);
    }
    return value.asInt();
  }

  private static String requiredText(JsonNode answer, String field) {
    JsonNode value = answer.get(field);
    if (value == null || !value.isString()) {
      throw new SchemaRegistryException(
          200, 50001, "The registry's answer has no '" + field + "': " + answer);
    }
    return value.asString();
  }

  /** One request, with failover over the configured URLs; a JSON answer or an exception. */
  private JsonNode send(String method, String pathAndQuery, String body) {
    requests.incrementAndGet();
    List<SchemaRegistryClientConfig.Endpoint> endpoints = config.endpoints();
    int start = currentEndpoint.get();
    RuntimeException last = null;
    for (int attempt = 0; attempt < endpoints.size(); attempt++) {
      int index = (start + attempt) % endpoints.size();
      SchemaRegistryClientConfig.Endpoint endpoint = endpoints.get(index);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(endpoint.baseUri() + pathAndQuery))
              .timeout(config.readTimeout())
              .header("Accept", ACCEPT)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (body != null) {
        request.header("Content-Type", CONTENT_TYPE);
      }
      if (endpoint.authorization() != null) {
        request.header("Authorization", endpoint.authorization());
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        last =
            new SchemaRegistryUnavailableException(
                "Schema registry " + endpoint.baseUri() + " unreachable: " + e, e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryUnavailableException(
            "Interrupted while calling the schema registry " + endpoint.baseUri(), e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        currentEndpoint.set(index);
        try {
          return JSON.readTree(response.body());
        } catch (JacksonException e) {
          throw new SchemaRegistryException(
              status, 50001, "The registry's answer is not JSON: " + abbreviate(response.body()));
        }
      }
      SchemaRegistryException error = error(status, response.body(), endpoint.baseUri());
      if (status < 500) {
        currentEndpoint.set(index);
        throw error;
      }
      last = error;
    }
    throw last;
  }

  private static SchemaRegistryException error(int status, String body, URI registry) {
    int errorCode = status;
    String message = abbreviate(body);
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.isObject()) {
        errorCode = node.path("error_code").asInt(status);
        message = node.path("message").asString(message);
      }
    } catch (JacksonException notJson) {
      // keep the raw body as the message
    }
    if (message == null || message.isBlank()) {
      message = "HTTP " + status + " from " + registry;
    }
    return new SchemaRegistryException(status, errorCode, message);
  }

  private static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 500 ? text : text.substring(0, 500) + "...";
  }
}
