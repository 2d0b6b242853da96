package org.ungis.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The committed OpenAPI document of a service as the contract of its responses: {@link
 * #assertConforms} checks a real response (status, content type, body) against {@code
 * docs/openapi/<service>.json} with Atlassian's swagger-request-validator, so a service that
 * answers what its document does not say fails its integration tests. The services' ITs call it on
 * every response of their HTTP client under {@code /api/}. While the documents are being
 * regenerated ({@code -Dungis.openapi.update=true}) the answers are checked against the document
 * the service serves, the one {@link OpenApiSnapshot} then commits.
 */
public final class OpenApiContract {

  private static final Map<String, OpenApiInteractionValidator> VALIDATORS =
      new ConcurrentHashMap<>();

  private OpenApiContract() {}

  /**
   * Asserts that {@code response}, the answer to {@code request}, is one that {@code service}'s
   * committed document allows. Requests outside {@code /api/} (actuator, the documents, internal
   * endpoints between instances) and {@code HEAD} are not part of the contract and pass.
   */
  public static void assertConforms(
      String service, HttpRequest request, HttpResponse<String> response) {
    String path = request.uri().getRawPath();
    if (!path.startsWith("/api/") || "HEAD".equals(request.method())) {
      return;
    }
    SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
    response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
    response.headers().firstValue("Content-Type").ifPresent(answer::withContentType);
    if (response.body() != null && !response.body().isEmpty()) {
      answer.withBody(response.body());
    }
    ValidationReport report =
        validator(service, request)
            .validateResponse(
                path,
                Request.Method.valueOf(request.method().toUpperCase(Locale.ROOT)),
                answer.build());
    if (report.hasErrors()) {
      List<String> messages =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              .map(m -> m.getKey() + ": " + m.getMessage())
              .toList();
      throw new AssertionError(
          "The answer of "
              + service
              + " to "
              + request.method()
              + " "
              + path
              + " ("
              + response.statusCode()
              + ") is not what docs/openapi/"
              + service
              + ".json says:\n  "
              + String.join("\n  ", messages)
              + "\nbody: "
              + response.body());
    }
  }

  /** Sends {@code request} with {@code client} and checks the answer ({@link #assertConforms}). */
  public static HttpResponse<String> send(String service, HttpClient client, HttpRequest request)
      throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertConforms(service, request, response);
    return response;
  }

  private static OpenApiInteractionValidator validator(String service, HttpRequest request) {
    if (Boolean.getBoolean(OpenApiSnapshot.UPDATE_PROPERTY)) {
      return VALIDATORS.computeIfAbsent(
          service + " as served", name -> build(served(request.uri().resolve("/v3/api-docs"))));
    }
    return VALIDATORS.computeIfAbsent(
        service,
        name -> {
          Path file =
              Path.of(System.getProperty("user.dir"))
                  .resolve("../docs/openapi/" + name + ".json")
                  .normalize();
          try {
            return build(Files.readString(file, StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
          }
        });
  }

  private static String served(URI documentUri) {
    try {
      return HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(documentUri).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + documentUri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static OpenApiInteractionValidator build(String document) {
    return OpenApiInteractionValidator.createForInlineApiSpecification(document)
        // A path or method the document does not have is no answer to check (a test's deliberate
        // 404 or 405); everything about a documented operation is.
        .withLevelResolver(
            LevelResolver.create()
                .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                .build())
        .build();
  }
}
