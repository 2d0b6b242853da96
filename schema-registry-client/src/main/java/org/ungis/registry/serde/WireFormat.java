package org.ungis.registry.serde;

/**
 * The Confluent wire format: byte 0 is the magic byte {@code 0x00}, bytes 1-4 the schema id as a
 * big-endian int32, then the Avro binary encoding of the datum.
 */
public final class WireFormat {

  /** The first byte of every record in the Confluent wire format. */
  public static final byte MAGIC_BYTE = 0x0;

  /** Magic byte and schema id: the bytes before the Avro payload. */
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** The schema id of a record in the wire format, or -1 if it is not in the wire format. */
  public static int schemaId(byte[] data) {
    if (data == null || data.length < HEADER_SIZE || data[0] != MAGIC_BYTE) {
      return -1;
    }
    return readId(data, 1);
  }

  static int readId(byte[] data, int offset) {
    return ((data[offset] & 0xff) << 24)
        | ((data[offset + 1] & 0xff) << 16)
        | ((data[offset + 2] & 0xff) << 8)
        | (data[offset + 3] & 0xff);
  }
}
