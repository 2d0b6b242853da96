package org.ungis.registry.server.core;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Applies a compatibility level with Avro's own {@link SchemaCompatibility}. Messages follow
 * Confluent's verbose format and always name the field at fault.
 */
public final class CompatibilityChecker {

  private CompatibilityChecker() {}

  /** An earlier version to check against. */
  public record Earlier(int version, Schema schema) {}

  /**
   * Checks a candidate against the earlier versions of a subject (oldest first): all of them for a
   * transitive level, the latest only otherwise.
   *
   * @return the reasons it is incompatible; empty when compatible
   */
  public static List<String> check(
      CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
    if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
      return List.of();
    }
    List<Earlier> against = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
    List<String> messages = new ArrayList<>();
    for (int i = against.size() - 1; i >= 0; i--) {
      Earlier old = against.get(i);
      List<String> found = new ArrayList<>();
      if (level.backward()) {
        found.addAll(describe(candidate, old.schema(), true));
      }
      if (level.forward()) {
        found.addAll(describe(old.schema(), candidate, false));
      }
      if (!found.isEmpty()) {
        messages.addAll(found);
        messages.add("{oldSchemaVersion: " + old.version() + "}");
        messages.add("{oldSchema: '" + old.schema() + "'}");
        messages.add("{compatibility: '" + level + "'}");
      }
    }
    return messages;
  }

  private static List<String> describe(Schema reader, Schema writer, boolean readerIsNew) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> messages = new ArrayList<>();
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      messages.add(describe(incompatibility, reader, readerIsNew));
    }
    return messages;
  }

  private static String describe(
      Incompatibility incompatibility, Schema reader, boolean readerIsNew) {
    String readerSide = readerIsNew ? "new" : "old";
    String writerSide = readerIsNew ? "old" : "new";
    String location = incompatibility.getLocation();
    String field = FieldPath.resolve(reader, location);
    String fieldText = field.isEmpty() ? "the schema root" : "field '" + field + "'";
    String description =
        switch (incompatibility.getType()) {
          case READER_FIELD_MISSING_DEFAULT_VALUE ->
              "The "
                  + fieldText
                  + " at path '"
                  + location
                  + "' in the "
                  + readerSide
                  + " schema has no default value and is missing in the "
                  + writerSide
                  + " schema";
          case TYPE_MISMATCH ->
              "The type of "
                  + fieldText
                  + " (path '"
                  + location
                  + "') in the "
                  + readerSide
                  + " schema does not match the "
                  + writerSide
                  + " schema";
          case NAME_MISMATCH ->
              "The name of "
                  + fieldText
                  + " (path '"
                  + location
                  + "') in the "
                  + readerSide
                  + " schema does not match the "
                  + writerSide
                  + " schema";
          case FIXED_SIZE_MISMATCH ->
              "The size of the fixed type of "
                  + fieldText
                  + " (path '"
                  + location
                  + "') differs between the schemas";
          case MISSING_ENUM_SYMBOLS ->
              "The "
                  + readerSide
                  + " schema's enum of "
                  + fieldText
                  + " (path '"
                  + location
                  + "') is missing symbols of the "
                  + writerSide
                  + " schema";
          case MISSING_UNION_BRANCH ->
              "The "
                  + readerSide
                  + " schema's union of "
                  + fieldText
                  + " (path '"
                  + location
                  + "') is missing a branch of the "
                  + writerSide
                  + " schema";
        };
    return "{errorType:'"
        + incompatibility.getType()
        + "', description:'"
        + description
        + "', additionalInfo:'"
        + incompatibility.getMessage()
        + "'}";
  }
}
