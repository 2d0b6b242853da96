package org.ungis.registry.serde;

import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.Configurable;

/**
 * Chooses the registry subject a schema is registered and looked up under, as Confluent's
 * strategies do. Named by class in {@value AvroSerdeConfig#KEY_SUBJECT_NAME_STRATEGY} and {@value
 * AvroSerdeConfig#VALUE_SUBJECT_NAME_STRATEGY}; an implementation needs a public no-arg
 * constructor.
 */
public interface SubjectNameStrategy extends Configurable {

  /**
   * The subject for a record of {@code topic} with {@code schema}.
   *
   * @param topic the topic the record is written to
   * @param isKey whether the record key (not the value) is being serialized
   * @param schema the schema of the record
   */
  String subjectName(String topic, boolean isKey, Schema schema);

  @Override
  default void configure(Map<String, ?> configs) {}
}
