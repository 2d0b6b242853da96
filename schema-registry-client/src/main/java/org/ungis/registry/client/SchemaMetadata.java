package org.ungis.registry.client;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject, as the registry returns it.
 *
 * @param subject the subject, e.g. {@code ungis.contributions.v1-value}
 * @param version the version within the subject, from 1
 * @param id the global schema id written in the wire format
 * @param schema the schema text, as registered
 */
public record SchemaMetadata(String subject, int version, int id, String schema) {

  public SchemaMetadata {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }

  /** The schema, parsed. Parses on every call: callers that need it often keep the result. */
  public Schema parsedSchema() {
    return new Schema.Parser().parse(schema);
  }
}
