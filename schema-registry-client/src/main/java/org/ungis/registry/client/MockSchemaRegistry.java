package org.ungis.registry.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory registries behind {@code mock://<scope>} URLs: one per scope, shared by every
 * serializer, deserializer and serde of the JVM configured with the same URL (so a serializer and a
 * deserializer of one test see the same ids). For broker-free tests only.
 */
public final class MockSchemaRegistry {

  private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

  private MockSchemaRegistry() {}

  /** The registry of {@code scope}, created empty on first use. */
  public static InMemorySchemaRegistryClient getClientForScope(String scope) {
    return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistryClient::new);
  }

  /** Forgets the registry of {@code scope}: the next use starts empty. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  /** The scope named by a {@code mock://<scope>} URL. */
  public static String scopeOf(String url) {
    if (!url.startsWith(SchemaRegistryClientConfig.MOCK_URL_PREFIX)) {
      throw new IllegalArgumentException("Not a mock:// URL: " + url);
    }
    String scope = url.substring(SchemaRegistryClientConfig.MOCK_URL_PREFIX.length());
    while (scope.endsWith("/")) {
      scope = scope.substring(0, scope.length() - 1);
    }
    return scope;
  }

  /** The URL that selects the registry of {@code scope}. */
  public static String urlOf(String scope) {
    return SchemaRegistryClientConfig.MOCK_URL_PREFIX + scope;
  }
}
