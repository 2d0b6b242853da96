package org.ungis.auth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person signing in at the server through a client, step by step as a browser and the client's
 * backend do it: the authorization request (with PKCE), the sign-in page and its form (with the
 * session cookie and the CSRF token), the redirect back with a code, the code exchange, refresh.
 * One instance is one browser (it keeps its cookies). For tests: {@link
 * EmbeddedAuthServer#signIn(String, String, String)} runs the whole flow.
 */
final class SignInFlow {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"_csrf\"");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String issuer;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final HttpClient browser;

  SignInFlow(String issuer, String clientId, String clientSecret, String redirectUri) {
    this.issuer = issuer;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    this.browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A PKCE verifier and its S256 challenge. */
  record Pkce(String verifier, String challenge) {
    static Pkce generate() {
      byte[] random = new byte[32];
      RANDOM.nextBytes(random);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The whole flow; fails with the step that went wrong. */
  EmbeddedAuthServer.PersonTokens signIn(String username, String password, String scope) {
    Pkce pkce = Pkce.generate();
    HttpResponse<String> toSignIn = get(authorizationUrl(scope, "state-1", pkce, Map.of()));
    HttpResponse<String> page = get(location(toSignIn));
    HttpResponse<String> afterSignIn = submit(page, username, password, Map.of());
    if (location(afterSignIn).contains("/login?error")) {
      throw new IllegalStateException("the server refused the password of " + username);
    }
    if (location(afterSignIn).contains("/login?" + SignInController.WAIT_PARAMETER + "=")) {
      throw new IllegalStateException(
          "too many failed sign-ins as " + username + ": " + location(afterSignIn));
    }
    HttpResponse<String> withCode = get(location(afterSignIn));
    String code =
        queryParameter(location(withCode), "code")
            .orElseThrow(() -> new IllegalStateException("no code in " + withCode.headers().map()));
    HttpResponse<String> tokens = exchange(code, pkce.verifier());
    if (tokens.statusCode() != 200) {
      throw new IllegalStateException(
          "code exchange failed: " + tokens.statusCode() + " " + tokens.body());
    }
    JsonNode body = json(tokens.body());
    return new EmbeddedAuthServer.PersonTokens(
        text(body, "access_token"),
        text(body, "id_token"),
        text(body, "refresh_token"),
        text(body, "scope"));
  }

  String authorizationUrl(String scope, String state, Pkce pkce, Map<String, String> extra) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("scope", scope);
    query.put("redirect_uri", redirectUri);
    query.put("state", state);
    query.put("nonce", "nonce-" + state);
    if (pkce != null) {
      query.put("code_challenge", pkce.challenge());
      query.put("code_challenge_method", "S256");
    }
    query.putAll(extra);
    return issuer + "/oauth2/authorize?" + form(query);
  }

  /** A browser's GET, with its cookies, as a page request ({@code Accept: text/html}). */
  HttpResponse<String> get(String url, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*;q=0.8");
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.GET().build());
  }

  /** Fills in and posts the sign-in form of a sign-in page. */
  HttpResponse<String> submit(
      HttpResponse<String> signInPage,
      String username,
      String password,
      Map<String, String> extra) {
    Matcher csrf = CSRF.matcher(signInPage.body());
    if (signInPage.statusCode() != 200 || !csrf.find()) {
      throw new IllegalStateException(
          "not a sign-in page: " + signInPage.statusCode() + " " + signInPage.body());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
    fields.put("username", username);
    fields.put("password", password);
    fields.putAll(extra);
    return send(
        HttpRequest.newBuilder(signInPage.uri().resolve(SignInController.PATH))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build());
  }

  /** The client's back channel: the code for tokens. */
  HttpResponse<String> exchange(String code, String verifier) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("grant_type", "authorization_code");
    fields.put("code", code);
    fields.put("redirect_uri", redirectUri);
    if (verifier != null) {
      fields.put("code_verifier", verifier);
    }
    return tokenRequest(fields);
  }

  /** The client's back channel: a refresh token for new tokens. */
  HttpResponse<String> refresh(String refreshToken) {
    return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
  }

  private HttpResponse<String> tokenRequest(Map<String, String> fields) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
            .build());
  }

  /** Where a redirect goes, as an absolute URL. */
  static String location(HttpResponse<?> response) {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "expected a redirect, got "
                            + response.statusCode()
                            + " "
                            + response.body()));
    return response.uri().resolve(location).toString();
  }

  static Optional<String> queryParameter(String url, String name) {
    String query = URI.create(url).getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (key.equals(name)) {
        return Optional.of(
            equals < 0
                ? ""
                : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null ? null : value.asString();
  }

  static JsonNode json(String body) {
    return JsonMapper.shared().readTree(body);
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
