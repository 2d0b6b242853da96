package org.ungis.registry.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the registry API, as a non-Spring caller would use it. */
final class RegistryHttp {

  static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String authorization;

  /** A caller with the development admin's credentials, who may do everything. */
  RegistryHttp(String baseUrl) {
    this(baseUrl, EmbeddedSchemaRegistry.ADMIN_USER_INFO);
  }

  /**
   * A caller sending {@code userInfo} ({@code user:password}) as HTTP Basic, or nothing when it is
   * {@code null}.
   */
  RegistryHttp(String baseUrl, String userInfo) {
    this.baseUrl = baseUrl;
    this.authorization =
        userInfo == null
            ? null
            : "Basic "
                + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }

  /** A response: status, raw body, content type, and the body as JSON when it is JSON. */
  record Response(int status, String body, String contentType, String wwwAuthenticate) {
    JsonNode json() {
      return MAPPER.readTree(body);
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", V1).GET());
  }

  Response get(String path, String accept) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).GET();
    if (accept != null) {
      builder.header("Accept", accept);
    }
    return send(builder);
  }

  Response post(String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", V1)
            .header("Accept", V1)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response post(String path, String body, String contentType) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response put(String path, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", V1)
            .header("Accept", V1)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  Response delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", V1).DELETE());
  }

  /** {@code {"schema": "<schema text>"}}. */
  static String schemaBody(String schema) {
    return MAPPER.createObjectNode().put("schema", schema).toString();
  }

  Response register(String subject, String schema) {
    return post("/subjects/" + subject + "/versions", schemaBody(schema));
  }

  private URI uri(String path) {
    return URI.create(baseUrl + path);
  }

  private Response send(HttpRequest.Builder builder) {
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          client.send(
              builder.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("WWW-Authenticate").orElse(""));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
