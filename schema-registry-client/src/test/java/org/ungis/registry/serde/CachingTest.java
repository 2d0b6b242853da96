package org.ungis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ungis.registry.client.InMemorySchemaRegistryClient;
import org.ungis.registry.client.MockSchemaRegistry;
import org.ungis.registry.client.SchemaRegistryClient;
import org.ungis.registry.client.StubRegistryServer;
import org.ungis.registry.testing.Greeting;

class CachingTest {

  private final String scope = "caching-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void aThousandRecordsCostOneRegistryCallToWriteAndOneToRead() {
    Map<String, Object> config =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
            MockSchemaRegistry.urlOf(scope),
            AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
            true);
    InMemorySchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(scope);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);

    List<byte[]> written = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      written.add(serializer.serialize("greetings", Greetings.greeting(i)));
    }
    long afterWriting = registry.requestCount();
    for (int i = 0; i < 1_000; i++) {
      assertThat(deserializer.deserialize("greetings", written.get(i)))
          .isEqualTo(Greetings.greeting(i));
    }

    assertThat(afterWriting).isEqualTo(1);
    assertThat(registry.requestCount() - afterWriting).isEqualTo(1);
  }

  @Test
  void serializersOfOneProcessShareOneRestClientAndItsCache() throws Exception {
    try (StubRegistryServer server = StubRegistryServer.start()) {
      Map<String, Object> config =
          Map.of(
              AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
              server.url() + "/" + scope,
              AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
              true);
      List<byte[]> written = new ArrayList<>();
      for (int task = 0; task < 4; task++) {
        // Kafka Streams instantiates a default serde per task; the process still asks once.
        try (SpecificAvroSerde<Greeting> serde = new SpecificAvroSerde<>()) {
          serde.configure(config, false);
          for (int i = 0; i < 250; i++) {
            written.add(serde.serializer().serialize("greetings", Greetings.greeting(i)));
          }
        }
      }
      SpecificAvroSerde<Greeting> reader = new SpecificAvroSerde<>();
      reader.configure(config, false);
      for (byte[] bytes : written) {
        assertThat(reader.deserializer().deserialize("greetings", bytes)).isNotNull();
      }

      KafkaAvroSerializer another = new KafkaAvroSerializer();
      another.configure(config, false);
      SchemaRegistryClient client = another.client();
      assertThat(server.requests())
          .containsExactly("POST /" + scope + "/subjects/greetings-value/versions");
      assertThat(client.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void concurrentProducerThreadsShareTheCacheSafely() throws Exception {
    Map<String, Object> config =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
            MockSchemaRegistry.urlOf(scope),
            AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
            true);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread * 250;
        results.add(
            pool.submit(
                () -> {
                  for (int i = offset; i < offset + 250; i++) {
                    byte[] bytes = serializer.serialize("greetings", Greetings.greeting(i));
                    if (!Greetings.greeting(i)
                        .equals(deserializer.deserialize("greetings", bytes))) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (var result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(MockSchemaRegistry.getClientForScope(scope).requestCount()).isEqualTo(2);
  }
}
