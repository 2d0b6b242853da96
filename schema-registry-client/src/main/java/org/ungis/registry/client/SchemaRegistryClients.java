package org.ungis.registry.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the client a serializer or deserializer uses from its properties.
 *
 * <p>REST clients are shared per process by their settings (URLs, credentials, timeouts): Kafka
 * Streams instantiates a default serde per task, and Spring a serializer per producer, yet the
 * process still makes one registry request per schema. {@code mock://<scope>} URLs select the
 * in-memory registry of that scope.
 */
public final class SchemaRegistryClients {

  private static final Map<SchemaRegistryClientConfig, RestSchemaRegistryClient> SHARED =
      new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  /** The client for these serializer/client properties (see {@link SchemaRegistryClientConfig}). */
  public static SchemaRegistryClient forConfig(Map<String, ?> configs) {
    List<String> urls = SchemaRegistryClientConfig.urls(configs);
    boolean mock = urls.get(0).startsWith(SchemaRegistryClientConfig.MOCK_URL_PREFIX);
    if (mock) {
      if (urls.size() > 1) {
        throw new ConfigException(
            SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL,
            String.join(",", urls),
            "a mock:// URL cannot be combined with other URLs");
      }
      return MockSchemaRegistry.getClientForScope(MockSchemaRegistry.scopeOf(urls.get(0)));
    }
    return SHARED.computeIfAbsent(
        SchemaRegistryClientConfig.from(configs), RestSchemaRegistryClient::new);
  }
}
