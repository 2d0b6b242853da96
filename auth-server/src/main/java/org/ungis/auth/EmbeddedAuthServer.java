package org.ungis.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The real authorization server, started in-process on a random port, for the integration tests of
 * other modules:
 *
 * <pre>{@code
 * try (EmbeddedAuthServer auth = EmbeddedAuthServer.start()) {
 *   // spring.security.oauth2.resourceserver.jwt.issuer-uri = auth.issuer()
 *   String token = auth.token("itu-intake", "itu-secret");
 *   String person = auth.personToken("lea.moreau@itu.int");   // signed in through the portal
 * }
 * }</pre>
 *
 * It uses its own configuration file ({@code auth-server.yml}), a fresh signing key in a temporary
 * directory, and switches platform-security off in its own context in case that library is on the
 * test classpath.
 */
public final class EmbeddedAuthServer implements AutoCloseable {

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

  private final ConfigurableApplicationContext context;
  private final Path keyDirectory;
  private final String issuer;
  private final HttpClient http = HttpClient.newHttpClient();

  private EmbeddedAuthServer(ConfigurableApplicationContext context, Path keyDirectory) {
    this.context = context;
    this.keyDirectory = keyDirectory;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.issuer = "http://localhost:" + port;
  }

  /** Starts the server on a random port with the bundled roster and reviewers. */
  public static EmbeddedAuthServer start() {
    return start(Map.of());
  }

  /**
   * Starts the server on a random port.
   *
   * @param properties extra settings, e.g. {@code ungis.auth.token-ttl=2s}; they win over the
   *     defaults of an embedded server (random port, issuer taken from the request URL, a fresh key
   *     directory)
   */
  public static EmbeddedAuthServer start(Map<String, String> properties) {
    Path keyDirectory;
    try {
      keyDirectory = Files.createTempDirectory("ungis-auth-server");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a key directory", e);
    }
    // Command-line arguments, so that they win over auth-server.yml (port 9000, fixed issuer).
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("server.port", "0");
    settings.put("ungis.auth.issuer", "");
    settings.put("ungis.auth.key-directory", keyDirectory.toString());
    settings.put("ungis.security.enabled", "false");
    // Tests and the local stack: the development credentials are what they sign in with.
    settings.put("ungis.auth.development", "true");
    settings.put("spring.jmx.enabled", "false");
    settings.put("spring.main.banner-mode", "off");
    // A service's test classpath brings Kafka; the authorization server has no use for it.
    settings.put(
        "spring.autoconfigure.exclude",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
            + "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration");
    settings.putAll(properties);
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext context = AuthServerApplication.builder().run(args);
    return new EmbeddedAuthServer(context, keyDirectory);
  }

  /**
   * The server's URL, {@code http://localhost:<port>}: what tokens carry in {@code iss} (unless
   * {@code ungis.auth.issuer} was given) and what a service sets as {@code
   * spring.security.oauth2.resourceserver.jwt.issuer-uri}.
   */
  public String issuer() {
    return issuer;
  }

  /** The JWK Set URL ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}). */
  public String jwkSetUri() {
    return issuer + "/oauth2/jwks";
  }

  /** The token endpoint URL. */
  public String tokenUri() {
    return issuer + "/oauth2/token";
  }

  /**
   * Gets an access token with the client-credentials grant, as any client would.
   *
   * @throws IllegalStateException when the server refuses the credentials
   */
  public String token(String clientId, String secret) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tokenUri()))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher token = ACCESS_TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !token.find()) {
        throw new IllegalStateException(
            "token request for "
                + clientId
                + " failed: "
                + response.statusCode()
                + " "
                + response.body());
      }
      return token.group(1);
    } catch (IOException e) {
      throw new IllegalStateException("token request for " + clientId + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The development token of a member agency's intake client, e.g. {@code intakeToken("ITU")}. */
  public String intakeToken(String agencyCode) {
    String code = agencyCode.toLowerCase(Locale.ROOT);
    return token(code + "-intake", code + "-secret");
  }

  /**
   * The development token of a reviewer client, e.g. {@code reviewerToken("reviewer-unctad-1")}.
   */
  public String reviewerToken(String reviewerId) {
    return token(reviewerId, reviewerId + "-secret");
  }

  /**
   * The tokens a client receives when a person signs in.
   *
   * @param accessToken the person's access token, for the services
   * @param idToken the OIDC ID token, for the client
   * @param refreshToken the refresh token
   * @param scope the granted scopes, space-separated
   */
  public record PersonTokens(
      String accessToken, String idToken, String refreshToken, String scope) {}

  /**
   * Signs a person in through the portal client as a browser would (authorization code with PKCE,
   * the sign-in page and its form) and returns what the portal receives.
   *
   * @param scope the scopes the portal asks for; the person gets those that fit their role
   * @throws IllegalStateException when a step fails, e.g. a wrong password
   */
  public PersonTokens signIn(String personId, String password, String scope) {
    AuthServerSettings.Portal portal = context.getBean(AuthServerSettings.class).portal();
    return new SignInFlow(
            issuer,
            AuthorizationServerConfig.PORTAL_CLIENT_ID,
            portal.clientSecret(),
            portal.redirectUris().get(0))
        .signIn(personId, password, scope);
  }

  /**
   * The access token of a person of the bundled directory, signed in with their development
   * password through the portal client, with every scope their role allows, e.g. {@code
   * personToken("lea.moreau@itu.int")}.
   */
  public String personToken(String personId) {
    return signIn(
            personId,
            DevelopmentPeople.password(personId),
            String.join(" ", PersonAccess.allScopes()))
        .accessToken();
  }

  @Override
  public void close() {
    context.close();
    FileSystemUtils.deleteRecursively(keyDirectory.toFile());
  }
}
