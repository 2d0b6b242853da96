package org.ungis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ungis.registry.client.InMemorySchemaRegistryClient;
import org.ungis.registry.client.MockSchemaRegistry;
import org.ungis.registry.testing.Farewell;
import org.ungis.registry.testing.Greeting;

class SubjectNameStrategyTest {

  private final String scope = "subjects-" + UUID.randomUUID();
  private final InMemorySchemaRegistryClient registry = MockSchemaRegistry.getClientForScope(scope);

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void topicNameStrategyIsTheDefaultForKeysAndValues() {
    serializer(Map.of(), false).serialize("ungis.letters.v1", Greetings.greeting(1));
    serializer(Map.of(), true).serialize("ungis.letters.v1", "a-key");

    assertThat(registry.getLatestSchemaMetadata("ungis.letters.v1-value").schema())
        .isEqualTo(Greeting.getClassSchema().toString());
    assertThat(registry.getLatestSchemaMetadata("ungis.letters.v1-key").schema())
        .isEqualTo("\"string\"");
  }

  @Test
  void recordNameStrategyUsesTheFullRecordNameWhateverTheTopic() {
    KafkaAvroSerializer serializer =
        serializer(
            Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, RecordNameStrategy.class.getName()),
            false);
    serializer.serialize("one", Greetings.greeting(1));
    serializer.serialize("two", new Farewell("ITU", "Goodbye"));

    assertThat(registry.getLatestSchemaMetadata("org.ungis.registry.testing.Greeting").version())
        .isEqualTo(1);
    assertThat(registry.getLatestSchemaMetadata("org.ungis.registry.testing.Farewell").version())
        .isEqualTo(1);
  }

  @Test
  void topicRecordNameStrategyCombinesTopicAndRecordName() {
    KafkaAvroSerializer serializer =
        serializer(
            Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, TopicRecordNameStrategy.class),
            false);
    serializer.serialize("mixed", Greetings.greeting(1));
    serializer.serialize("mixed", new Farewell("ITU", "Goodbye"));

    assertThat(registry.getLatestSchemaMetadata("mixed-org.ungis.registry.testing.Greeting").id())
        .isPositive();
    assertThat(registry.getLatestSchemaMetadata("mixed-org.ungis.registry.testing.Farewell").id())
        .isPositive();
  }

  @Test
  void strategiesNameSubjectsLikeConfluents() {
    var schema = Greeting.getClassSchema();
    assertThat(new TopicNameStrategy().subjectName("t", false, schema)).isEqualTo("t-value");
    assertThat(new TopicNameStrategy().subjectName("t", true, schema)).isEqualTo("t-key");
    assertThat(new RecordNameStrategy().subjectName("t", false, schema))
        .isEqualTo("org.ungis.registry.testing.Greeting");
    assertThat(new TopicRecordNameStrategy().subjectName("t", true, schema))
        .isEqualTo("t-org.ungis.registry.testing.Greeting");
  }

  @Test
  void confluentClassNamesSelectTheSameStrategies() {
    AvroSerdeConfig config =
        new AvroSerdeConfig(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                "mock://x",
                AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
            true);

    assertThat(config.subjectNameStrategy()).isInstanceOf(TopicRecordNameStrategy.class);
  }

  @Test
  void anUnknownStrategyClassIsAConfigError() {
    assertThatThrownBy(
            () ->
                serializer(
                    Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "org.example.Nope"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("org.example.Nope");
    assertThatThrownBy(
            () ->
                serializer(
                    Map.of(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, String.class.getName()),
                    false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SubjectNameStrategy");
  }

  private KafkaAvroSerializer serializer(Map<String, Object> extra, boolean isKey) {
    Map<String, Object> config = new HashMap<>(extra);
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, MockSchemaRegistry.urlOf(scope));
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, isKey);
    return serializer;
  }
}
