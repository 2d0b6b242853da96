package org.ungis.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ungis.client.contributions.ContributionsApi;
import org.ungis.client.publication.RecordsApi;
import org.ungis.client.review.ProcessesApi;
import org.ungis.client.review.ReviewsApi;

/**
 * The platform's HTTP API from one base URL (the gateway, or any service's own address for its own
 * paths), generated from the committed OpenAPI documents: {@link #contributions()}, {@link
 * #processes()}, {@link #reviews()}, {@link #records()}. Every request carries the bearer token the
 * supplier gives at that moment (none when it gives {@code null}).
 *
 * <p>Wrap a call in {@link #call(Call)} to get an unchecked {@link ApiProblem} (status, problem
 * type, title, detail, field errors) when a service answers with an error, and an {@link
 * UncheckedIOException} when none answers.
 */
public final class UngisClient {

  /** A call of a generated API: it may throw the generated, checked {@code ApiException}. */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws Exception;
  }

  /** A call without a result. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The generated code's own mapper settings (the three generated invokers' are the same). */
  private static final ObjectMapper MAPPER =
      org.ungis.client.contributions.invoker.ApiClient.createDefaultObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final Duration timeout;
  private final Consumer<HttpRequest.Builder> signer;
  private final ContributionsApi contributions;
  private final ProcessesApi processes;
  private final ReviewsApi reviews;
  private final RecordsApi records;

  private UngisClient(
      String baseUrl, HttpClient http, Duration timeout, Consumer<HttpRequest.Builder> signer) {
    this.baseUrl = strip(baseUrl);
    this.http = http;
    this.timeout = timeout;
    this.signer = signer;
    // Every generated API of this client, and of the clients made by as(), shares one HttpClient.
    var contributionsClient =
        new org.ungis.client.contributions.invoker.ApiClient(null, MAPPER, this.baseUrl) {
          @Override
          public HttpClient getHttpClient() {
            return http;
          }
        };
    this.contributions =
        new ContributionsApi(
            contributionsClient.setReadTimeout(timeout).setRequestInterceptor(signer));
    var reviewClient =
        new org.ungis.client.review.invoker.ApiClient(null, MAPPER, this.baseUrl) {
          @Override
          public HttpClient getHttpClient() {
            return http;
          }
        };
    reviewClient.setReadTimeout(timeout).setRequestInterceptor(signer);
    this.processes = new ProcessesApi(reviewClient);
    this.reviews = new ReviewsApi(reviewClient);
    var publicationClient =
        new org.ungis.client.publication.invoker.ApiClient(null, MAPPER, this.baseUrl) {
          @Override
          public HttpClient getHttpClient() {
            return http;
          }
        };
    this.records =
        new RecordsApi(publicationClient.setReadTimeout(timeout).setRequestInterceptor(signer));
  }

  /**
   * The same API, connection pool and timeouts, acting with other tokens: cheap enough for one per
   * actor or per request (a portal calling with the signed-in person's token).
   */
  public UngisClient as(Supplier<String> token) {
    return signedBy(bearer(token));
  }

  /**
   * The same API, connection pool and timeouts, each request signed by {@code signer} (which may
   * set any header) instead of a bearer token.
   */
  public UngisClient signedBy(Consumer<HttpRequest.Builder> signer) {
    return new UngisClient(baseUrl, http, timeout, Objects.requireNonNull(signer, "signer"));
  }

  private static Consumer<HttpRequest.Builder> bearer(Supplier<String> token) {
    Objects.requireNonNull(token, "token");
    return request -> {
      String value = token.get();
      if (value != null) {
        request.setHeader("Authorization", "Bearer " + value);
      }
    };
  }

  /** A client of the API at {@code baseUrl}, acting with the tokens {@code token} supplies. */
  public static UngisClient of(String baseUrl, Supplier<String> token) {
    return builder(baseUrl).token(token).build();
  }

  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** Intake: submit, revise, withdraw, read and list contributions (contributions-service). */
  public ContributionsApi contributions() {
    return contributions;
  }

  /** Calls for inputs: open, frame, extend, close, read, list (review-service). */
  public ProcessesApi processes() {
    return processes;
  }

  /** The review queue and decisions (review-service). */
  public ReviewsApi reviews() {
    return reviews;
  }

  /** Published records (publication-service; no token needed). */
  public RecordsApi records() {
    return records;
  }

  /** The base URL followed by {@code path} ({@code /api/v1/...}), e.g. to print a link. */
  public String url(String path) {
    return baseUrl + path;
  }

  /**
   * The body of a GET in a representation the generated API does not model as text (a record as
   * Markdown or HTML, an Atom feed), signed like every other request.
   */
  public String text(String path, String accept) {
    return new String(download(path, accept).body(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A representation as it came: its media type ({@code Content-Type}) and its bytes. */
  public record Download(String contentType, byte[] body) {}

  /**
   * The body of a GET as bytes, with its media type (a record as PDF or Word, or any other
   * representation {@code accept} names), signed like every other request: an {@link ApiProblem}
   * when the service refuses, an {@link UncheckedIOException} when none answers.
   */
  public Download download(String path, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(timeout).header("Accept", accept);
    signer.accept(request);
    try {
      HttpResponse<byte[]> response =
          http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw problem(
            response.statusCode(),
            response.headers().map(),
            new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return new Download(
          response.headers().firstValue("Content-Type").orElse(accept), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.build().uri() + " does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Runs a call of a generated API: its result, or an {@link ApiProblem} when the service answered
   * with an error, or an {@link UncheckedIOException} when no service answered.
   */
  public static <T> T call(Call<T> call) {
    try {
      return call.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw translate(e);
    }
  }

  /** As {@link #call(Call)}, for a call without a result. */
  public static void run(Action action) {
    call(
        () -> {
          action.run();
          return null;
        });
  }

  private static RuntimeException translate(Exception e) {
    if (e instanceof org.ungis.client.contributions.invoker.ApiException a) {
      return translate(a, a.getCode(), a.getResponseHeaders(), a.getResponseBody());
    }
    if (e instanceof org.ungis.client.review.invoker.ApiException a) {
      return translate(a, a.getCode(), a.getResponseHeaders(), a.getResponseBody());
    }
    if (e instanceof org.ungis.client.publication.invoker.ApiException a) {
      return translate(a, a.getCode(), a.getResponseHeaders(), a.getResponseBody());
    }
    return new IllegalStateException(e);
  }

  private static RuntimeException translate(
      Exception e, int status, java.net.http.HttpHeaders headers, String body) {
    if (status == 0) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        return new UncheckedIOException("the API does not answer: " + io, io);
      }
      if (cause instanceof InterruptedException) {
        return new IllegalStateException("interrupted", cause);
      }
      return new IllegalStateException(e.getMessage(), e);
    }
    return problem(status, headers == null ? Map.of() : headers.map(), body);
  }

  static ApiProblem problem(int status, Map<String, List<String>> headers, String body) {
    JsonNode json = null;
    if (body != null && !body.isBlank()) {
      try {
        json = JSON.readTree(body);
      } catch (IOException notJson) {
        json = null;
      }
    }
    if (json == null || !json.isObject()) {
      return new ApiProblem(status, "about:blank", null, body, null, List.of(), headers, body);
    }
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    for (JsonNode error : json.path("errors")) {
      errors.add(
          new ApiProblem.FieldError(
              error.path("field").asText(null), error.path("message").asText(null)));
    }
    return new ApiProblem(
        status,
        json.path("type").asText("about:blank"),
        json.path("title").asText(null),
        json.path("detail").asText(null),
        json.path("reason").asText(null),
        errors,
        headers,
        body);
  }

  private static String strip(String url) {
    Objects.requireNonNull(url, "baseUrl");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** How to reach the API and who acts. */
  public static final class Builder {

    private final String baseUrl;
    private Supplier<String> token = () -> null;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);

    private Builder(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** The bearer token of each request, asked for every request; {@code null}: none. */
    public Builder token(Supplier<String> token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /** How long a request may take, answer included (30 s unless set). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** How long connecting may take (5 s unless set). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public UngisClient build() {
      HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
      return new UngisClient(baseUrl, http, timeout, bearer(token));
    }
  }
}
