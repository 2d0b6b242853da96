package org.ungis.registry.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach a registry: its URLs (tried in turn, the one that answered is kept), the basic
 * credentials of each and the timeouts. Built from the same property names as Confluent's client.
 *
 * @param endpoints one per configured URL, in the configured order
 * @param connectTimeout {@value #CONNECT_TIMEOUT_MS} (default 10 s)
 * @param readTimeout {@value #READ_TIMEOUT_MS}: time to wait for an answer (default 30 s)
 * @param latestCacheTtl {@value #LATEST_CACHE_TTL_SEC}: how long a looked-up latest version is
 *     kept; {@code null} = for the life of the process (Confluent's default, -1)
 */
public record SchemaRegistryClientConfig(
    List<Endpoint> endpoints,
    Duration connectTimeout,
    Duration readTimeout,
    Duration latestCacheTtl) {

  /** Comma-separated registry URLs; {@code mock://<scope>} selects an in-memory registry. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Where the basic credentials come from: {@code USER_INFO}, {@code URL} or none (empty). */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

  /** {@code user:password}, used when the credentials source is {@code USER_INFO}. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Confluent's other name of {@value #BASIC_AUTH_USER_INFO}, used when that one is not set. */
  public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO =
      "schema.registry.basic.auth.user.info";

  /** Connect timeout in milliseconds (Confluent's name). */
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

  /** Read (answer) timeout in milliseconds (Confluent's name). */
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";

  /** Seconds a cached latest version stays valid; -1 = forever (Confluent's name and default). */
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  /** The prefix of a URL that selects the in-memory registry of a scope. */
  public static final String MOCK_URL_PREFIX = "mock://";

  /**
   * One registry URL with its {@code Authorization} header value, or {@code null} for none.
   *
   * @param baseUri the URL without credentials and without a trailing slash
   * @param authorization the {@code Basic ...} header value, or {@code null}
   */
  public record Endpoint(URI baseUri, String authorization) {

    public Endpoint {
      Objects.requireNonNull(baseUri, "baseUri");
    }

    @Override
    public String toString() {
      return baseUri + (authorization == null ? "" : " (basic auth)");
    }
  }

  public SchemaRegistryClientConfig {
    endpoints = List.copyOf(endpoints);
    if (endpoints.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, "", "at least one registry URL is required");
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
  }

  /** The configured URLs of {@value #SCHEMA_REGISTRY_URL}: a comma-separated string or a list. */
  public static List<String> urls(Map<String, ?> configs) {
    Object value = configs.get(SCHEMA_REGISTRY_URL);
    List<String> urls = new ArrayList<>();
    if (value instanceof Collection<?> list) {
      list.forEach(item -> addUrls(urls, String.valueOf(item)));
    } else if (value != null) {
      addUrls(urls, String.valueOf(value));
    }
    if (urls.isEmpty()) {
      throw new ConfigException(
          "Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\" which has no default");
    }
    return urls;
  }

  private static void addUrls(List<String> urls, String value) {
    for (String url : value.split(",")) {
      if (!url.isBlank()) {
        urls.add(url.strip());
      }
    }
  }

  /** Reads the settings of a REST (http/https) registry from serializer or client properties. */
  public static SchemaRegistryClientConfig from(Map<String, ?> configs) {
    List<String> urls = urls(configs);
    String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "").toUpperCase(Locale.ROOT);
    String userInfo =
        string(
            configs,
            BASIC_AUTH_USER_INFO,
            string(configs, SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, ""));
    List<Endpoint> endpoints = new ArrayList<>();
    for (String url : urls) {
      URI uri = URI.create(url);
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
        throw new ConfigException(
            SCHEMA_REGISTRY_URL, url, "must be an http(s) URL, or mock://<scope> for tests");
      }
      String credentials =
          switch (source) {
            case "", "NONE" -> null;
            case "USER_INFO" -> {
              if (userInfo.isEmpty()) {
                throw new ConfigException(
                    BASIC_AUTH_USER_INFO,
                    "",
                    "required when " + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO");
              }
              yield userInfo;
            }
            case "URL" -> {
              String raw = uri.getRawUserInfo();
              if (raw == null) {
                throw new ConfigException(
                    SCHEMA_REGISTRY_URL,
                    withoutUserInfo(uri).toString(),
                    "carries no user:password@ although " + BASIC_AUTH_CREDENTIALS_SOURCE + "=URL");
              }
              yield URLDecoder.decode(raw, StandardCharsets.UTF_8);
            }
            default ->
                throw new ConfigException(
                    BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported: USER_INFO, URL");
          };
      String authorization =
          credentials == null
              ? null
              : "Basic "
                  + Base64.getEncoder()
                      .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
      endpoints.add(new Endpoint(withoutUserInfo(uri), authorization));
    }
    long ttl = number(configs, LATEST_CACHE_TTL_SEC, -1);
    return new SchemaRegistryClientConfig(
        endpoints,
        Duration.ofMillis(number(configs, CONNECT_TIMEOUT_MS, 10_000)),
        Duration.ofMillis(number(configs, READ_TIMEOUT_MS, 30_000)),
        ttl < 0 ? null : Duration.ofSeconds(ttl));
  }

  private static URI withoutUserInfo(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return URI.create(uri.getScheme() + "://" + uri.getHost() + port + path);
  }

  static String string(Map<String, ?> configs, String key, String defaultValue) {
    Object value = configs.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Password password) {
      return password.value().strip();
    }
    return String.valueOf(value).strip();
  }

  static long number(Map<String, ?> configs, String key, long defaultValue) {
    Object value = configs.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      return defaultValue;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(value).strip());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "must be a whole number");
    }
  }
}
