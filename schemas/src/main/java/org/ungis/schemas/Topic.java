package org.ungis.schemas;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.ungis.registry.serde.AvroSerdeConfig;
import org.ungis.registry.serde.SpecificAvroSerde;

/**
 * One Kafka topic of the platform: its name, the owning service, the Avro value type and the
 * settings its owner creates it with. Keys are always strings (a contribution id or a process id).
 *
 * @param name the topic name, e.g. {@code ungis.contributions.v1}
 * @param owner the only service that writes the topic
 * @param valueType the generated Avro class of every value
 * @param partitions partitions the owner creates the topic with
 * @param compacted whether the topic is log-compacted (latest value per key kept forever)
 * @param retention retention of a non-compacted topic; {@code null} means kept forever
 * @param compatibility the registry compatibility level the value subject promises its readers
 *     (BACKWARD by default; the owner pins any other level at start-up)
 */
public record Topic<V extends SpecificRecord>(
    String name,
    String owner,
    Class<V> valueType,
    int partitions,
    boolean compacted,
    Duration retention,
    String compatibility) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(compatibility, "compatibility");
  }

  /** The dead-letter topic of this topic: undecodable or refused records go there. */
  public String deadLetterTopic() {
    return name + ".DLT";
  }

  /**
   * The topic as its owner creates it: the catalogue's partitions, compacted or else deleted after
   * {@link #retention()} ({@code retention.ms=-1}, kept forever, when that is {@code null}). Every
   * service declares the topics it needs with this, so no two services can create one differently.
   *
   * @param replicationFactor the cluster's replication factor (1 on a one-broker development stack)
   */
  public NewTopic newTopic(short replicationFactor) {
    Map<String, String> configs =
        compacted
            ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
            : Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                retention == null ? "-1" : Long.toString(retention.toMillis()));
    return new NewTopic(name, partitions, replicationFactor).configs(configs);
  }

  /**
   * The dead-letter topic as every reader of this topic creates it: as many partitions as this
   * topic, never compacted (two letters may share a key) and kept forever, so that nothing set
   * aside is lost before it is replayed.
   */
  public NewTopic newDeadLetterTopic(short replicationFactor) {
    return new NewTopic(deadLetterTopic(), partitions, replicationFactor)
        .configs(
            Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                "-1"));
  }

  /** The registry subject of the value schema under TopicNameStrategy. */
  public String valueSubject() {
    return name + "-value";
  }

  /** The serde of every key of the platform's topics: a plain string. */
  public Serde<String> keySerde() {
    return Serdes.String();
  }

  /**
   * A configured serde of this topic's values in the Confluent wire format, reading into {@link
   * #valueType()}.
   *
   * @param serdeConfig at least {@code schema.registry.url}; any other {@link AvroSerdeConfig}
   *     property (credentials, {@code auto.register.schemas}, ...) is passed on
   */
  public SpecificAvroSerde<V> valueSerde(Map<String, ?> serdeConfig) {
    Map<String, Object> config = new HashMap<>(serdeConfig);
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG, valueType);
    SpecificAvroSerde<V> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    return serde;
  }
}
