package org.ungis.streams;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.io.Encoder;

/**
 * Writes the fields of a {@link BinaryStoreSerde} value. Every reference may be null (one byte says
 * whether it is there); {@link StoreReader} reads each back with the method of the same name.
 */
public final class StoreWriter {

  /** Writes one element of a list, or an optional value. */
  public interface Part<T> {
    void write(T value, StoreWriter out) throws IOException;
  }

  private final Encoder out;

  StoreWriter(Encoder out) {
    this.out = out;
  }

  public void integer(int value) throws IOException {
    out.writeInt(value);
  }

  public void bool(boolean value) throws IOException {
    out.writeBoolean(value);
  }

  public void string(String value) throws IOException {
    if (present(value)) {
      out.writeString(value);
    }
  }

  /** Seconds and nanoseconds, so that any instant reads back equal. */
  public void instant(Instant value) throws IOException {
    if (present(value)) {
      out.writeLong(value.getEpochSecond());
      out.writeInt(value.getNano());
    }
  }

  public void uuid(UUID value) throws IOException {
    if (present(value)) {
      out.writeLong(value.getMostSignificantBits());
      out.writeLong(value.getLeastSignificantBits());
    }
  }

  /** By name, so that constants may be added or reordered. */
  public void enumeration(Enum<?> value) throws IOException {
    if (present(value)) {
      out.writeString(value.name());
    }
  }

  public <T> void optional(T value, Part<T> part) throws IOException {
    if (present(value)) {
      part.write(value, this);
    }
  }

  /** Its size, then each element (never null); a null list is written as an empty one. */
  public <T> void list(List<T> values, Part<T> part) throws IOException {
    List<T> list = values == null ? List.of() : values;
    out.writeInt(list.size());
    for (T value : list) {
      part.write(value, this);
    }
  }

  private boolean present(Object value) throws IOException {
    out.writeBoolean(value != null);
    return value != null;
  }
}
