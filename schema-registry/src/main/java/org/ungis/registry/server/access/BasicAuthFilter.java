package org.ungis.registry.server.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic in front of the API: {@code 401} with {@code WWW-Authenticate: Basic} and Confluent's
 * {@code {"error_code": 40101, ...}} without valid credentials, {@code 403} ({@code 40301}) when
 * the user's role is not enough (see {@link #required}). The health probes stay open.
 */
final class BasicAuthFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(BasicAuthFilter.class);
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final int MAX_VERIFIED = 1_000;
  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private final Map<String, AccessSettings.User> users;
  private final boolean openReads;
  private final PasswordEncoder encoder;

  /** Digests of Authorization headers already verified, so a hash is not recomputed per call. */
  private final Map<String, String> verified = new ConcurrentHashMap<>();

  BasicAuthFilter(
      Map<String, AccessSettings.User> users, boolean openReads, PasswordEncoder encoder) {
    this.users = Map.copyOf(users);
    this.openReads = openReads;
    this.encoder = encoder;
  }

  /**
   * The role a request needs, or empty for none: reads (GET, a subject look-up, a compatibility
   * check) need {@code READER} unless reads are open; registering a schema and a subject's
   * compatibility level need {@code WRITER}; everything else (deletes, the global level, modes)
   * {@code ADMIN}.
   */
  static Optional<Role> required(String method, String path, boolean openReads) {
    if (path.startsWith("/actuator/")) {
      return Optional.empty();
    }
    String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
    boolean read =
        switch (method) {
          case "GET", "HEAD", "OPTIONS" -> true;
          case "POST" ->
              segments[0].equals("compatibility")
                  || (segments[0].equals("subjects") && segments.length == 2);
          default -> false;
        };
    if (read) {
      return openReads ? Optional.empty() : Optional.of(Role.READER);
    }
    if (segments[0].equals("subjects")
        && segments.length == 3
        && segments[2].equals("versions")
        && method.equals("POST")) {
      return Optional.of(Role.WRITER);
    }
    if (segments[0].equals("config")
        && segments.length == 2
        && (method.equals("PUT") || method.equals("DELETE"))) {
      return Optional.of(Role.WRITER);
    }
    return Optional.of(Role.ADMIN);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Optional<Role> required = required(request.getMethod(), path, openReads);
    String header = request.getHeader("Authorization");
    if (required.isEmpty() && header == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> user = authenticate(header);
    if (user.isEmpty()) {
      LOG.warn(
          "{} {} from {}: no valid registry credentials",
          request.getMethod(),
          path,
          request.getRemoteAddr());
      response.setHeader("WWW-Authenticate", "Basic realm=\"schema-registry\"");
      error(response, 401, 40101, "Unauthorized");
      return;
    }
    Role role = users.get(user.get()).role();
    if (required.isPresent() && !role.allows(required.get())) {
      LOG.warn(
          "{} {}: user {} ({}) needs {}",
          request.getMethod(),
          path,
          user.get(),
          role,
          required.get());
      error(
          response,
          403,
          40301,
          "User "
              + user.get()
              + " is denied operation "
              + request.getMethod()
              + " "
              + path
              + ": it needs the role "
              + required.get());
      return;
    }
    chain.doFilter(request, response);
  }

  private Optional<String> authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String digest = digest(header);
    String known = verified.get(digest);
    if (known != null) {
      return Optional.of(known);
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), UTF8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String name = decoded.substring(0, colon);
    AccessSettings.User user = users.get(name);
    if (user == null
        || user.password() == null
        || !encoder.matches(decoded.substring(colon + 1), user.password())) {
      return Optional.empty();
    }
    if (verified.size() >= MAX_VERIFIED) {
      verified.clear();
    }
    verified.put(digest, name);
    return Optional.of(name);
  }

  private static String digest(String header) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(header.getBytes(UTF8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void error(HttpServletResponse response, int status, int code, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    response.setStatus(status);
    response.setContentType(V1_JSON);
    response.setCharacterEncoding(UTF8.name());
    response.getWriter().write(MAPPER.writeValueAsString(body));
  }
}
