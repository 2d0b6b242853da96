package org.ungis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ungis.registry.client.MockSchemaRegistry;
import org.ungis.registry.testing.Greeting;

/**
 * How a service's topology uses the serde: as Kafka Streams' default value serde, named by class
 * and configured by Streams from its properties, against a {@code mock://} registry.
 */
class StreamsSerdeTest {

  private final String scope = "streams-" + UUID.randomUUID();

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void specificAvroSerdeWorksAsTheDefaultValueSerdeOfATopologyWithAStore() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, Greeting>stream("greetings.in")
        .mapValues(StreamsSerdeTest::shout)
        .to("greetings.out");
    builder.<String, Greeting>table(
        "greetings.out",
        Materialized
            .<String, Greeting, KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(
                "latest"));
    Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    properties.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    properties.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class);
    properties.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, MockSchemaRegistry.urlOf(scope));

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), properties);
        SpecificAvroSerde<Greeting> serde = new SpecificAvroSerde<>()) {
      serde.configure(
          Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, MockSchemaRegistry.urlOf(scope)),
          false);
      TestInputTopic<String, Greeting> in =
          driver.createInputTopic("greetings.in", Serdes.String().serializer(), serde.serializer());
      TestOutputTopic<String, Greeting> out =
          driver.createOutputTopic(
              "greetings.out", Serdes.String().deserializer(), serde.deserializer());

      in.pipeInput("g-1", Greetings.greeting(1));
      in.pipeInput("g-2", null);

      assertThat(out.readKeyValuesToMap())
          .containsEntry("g-1", shout(Greetings.greeting(1)))
          .containsEntry("g-2", null);
      KeyValueStore<String, Greeting> store = driver.getKeyValueStore("latest");
      assertThat(store.get("g-1")).isEqualTo(shout(Greetings.greeting(1)));
      assertThat(
              MockSchemaRegistry.getClientForScope(scope)
                  .getLatestSchemaMetadata("greetings.out-value")
                  .version())
          .isEqualTo(1);
    }
  }

  private static Greeting shout(Greeting greeting) {
    return greeting == null
        ? null
        : Greeting.newBuilder(greeting).setText(greeting.getText().toUpperCase()).build();
  }
}
