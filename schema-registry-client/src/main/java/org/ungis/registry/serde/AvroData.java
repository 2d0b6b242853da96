package org.ungis.registry.serde;

import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Schemas of the values a serializer accepts, and the Avro data models that read and write them.
 */
final class AvroData {

  private static final Map<Class<?>, Schema> PRIMITIVES =
      Map.of(
          Boolean.class, Schema.create(Schema.Type.BOOLEAN),
          Integer.class, Schema.create(Schema.Type.INT),
          Long.class, Schema.create(Schema.Type.LONG),
          Float.class, Schema.create(Schema.Type.FLOAT),
          Double.class, Schema.create(Schema.Type.DOUBLE),
          byte[].class, Schema.create(Schema.Type.BYTES));

  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private static final Schema BYTES = PRIMITIVES.get(byte[].class);

  /** GenericData that writes and (when asked) reads logical types as Java types. */
  static final GenericData GENERIC_WITH_CONVERSIONS = genericWithConversions();

  private AvroData() {}

  /** The schema of a value to serialize: a record's or enum's own, or a primitive's. */
  static Schema schemaOf(Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    }
    if (value instanceof CharSequence) {
      return STRING;
    }
    if (value instanceof ByteBuffer) {
      return BYTES;
    }
    Schema primitive = PRIMITIVES.get(value.getClass());
    if (primitive == null) {
      throw new SerializationException(
          "Cannot serialize a "
              + value.getClass().getName()
              + " as Avro: expected a SpecificRecord, a GenericRecord, an Avro enum or fixed, or"
              + " a primitive (Boolean, Integer, Long, Float, Double, CharSequence, byte[])");
    }
    return primitive;
  }

  /**
   * The data model to write {@code value} with: its generated class's (with that class's logical
   * type conversions) for generated types, else generic data with the standard conversions.
   */
  static GenericData modelOf(Object value) {
    if (value instanceof SpecificRecord) {
      return SpecificData.getForClass(value.getClass());
    }
    if (value instanceof Enum<?> && value instanceof GenericContainer) {
      return SpecificData.get();
    }
    return GENERIC_WITH_CONVERSIONS;
  }

  private static GenericData genericWithConversions() {
    GenericData data = new GenericData();
    data.addLogicalTypeConversion(new Conversions.UUIDConversion());
    data.addLogicalTypeConversion(new Conversions.DecimalConversion());
    data.addLogicalTypeConversion(new TimeConversions.DateConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
    data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
    return data;
  }
}
