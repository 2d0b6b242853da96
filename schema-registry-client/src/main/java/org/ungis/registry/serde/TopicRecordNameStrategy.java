package org.ungis.registry.serde;

import org.apache.avro.Schema;

/**
 * {@code <topic>-<fully-qualified record name>}: one lineage per record type within a topic, for
 * topics that carry several record types.
 */
public class TopicRecordNameStrategy implements SubjectNameStrategy {

  @Override
  public String subjectName(String topic, boolean isKey, Schema schema) {
    return topic + "-" + schema.getFullName();
  }
}
