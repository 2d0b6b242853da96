package org.ungis.registry.serde;

import org.apache.avro.Schema;

/**
 * The fully-qualified record name, e.g. {@code org.ungis.events.review.ReviewEvent}: one lineage
 * per record type, whatever topic it is written to.
 */
public class RecordNameStrategy implements SubjectNameStrategy {

  @Override
  public String subjectName(String topic, boolean isKey, Schema schema) {
    return schema.getFullName();
  }
}
