package org.ungis.registry.serde;

import org.apache.avro.Schema;

/**
 * {@code <topic>-key} / {@code <topic>-value}: one schema lineage per topic. The default, and the
 * strategy of every topic of the platform.
 */
public class TopicNameStrategy implements SubjectNameStrategy {

  @Override
  public String subjectName(String topic, boolean isKey, Schema schema) {
    return topic + (isKey ? "-key" : "-value");
  }
}
