package org.ungis.schemas;

import java.time.Duration;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

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
 */
public record Topic<V extends SpecificRecord>(
    String name,
    String owner,
    Class<V> valueType,
    int partitions,
    boolean compacted,
    Duration retention) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(valueType, "valueType");
  }

  /** The dead-letter topic of this topic: undecodable or refused records go there. */
  public String deadLetterTopic() {
    return name + ".DLT";
  }

  /** The registry subject of the value schema under TopicNameStrategy. */
  public String valueSubject() {
    return name + "-value";
  }
}
