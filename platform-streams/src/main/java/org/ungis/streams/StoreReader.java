package org.ungis.streams;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.io.Decoder;

/** Reads back the fields that {@link StoreWriter} wrote, each with the method of the same name. */
public final class StoreReader {

  /** Reads one element of a list, or an optional value. */
  public interface Part<T> {
    T read(StoreReader in) throws IOException;
  }

  /** Preallocated at most, whatever size a damaged value claims. */
  private static final int INITIAL_CAPACITY_MAX = 64;

  private final Decoder in;

  StoreReader(Decoder in) {
    this.in = in;
  }

  public int integer() throws IOException {
    return in.readInt();
  }

  public boolean bool() throws IOException {
    return in.readBoolean();
  }

  public String string() throws IOException {
    return in.readBoolean() ? in.readString() : null;
  }

  public Instant instant() throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  public UUID uuid() throws IOException {
    return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
  }

  public <E extends Enum<E>> E enumeration(Class<E> type) throws IOException {
    return in.readBoolean() ? Enum.valueOf(type, in.readString()) : null;
  }

  public <T> T optional(Part<T> part) throws IOException {
    return in.readBoolean() ? part.read(this) : null;
  }

  public <T> List<T> list(Part<T> part) throws IOException {
    int size = in.readInt();
    if (size < 0) {
      throw new IOException("a list of " + size + " elements");
    }
    List<T> values = new ArrayList<>(Math.min(size, INITIAL_CAPACITY_MAX));
    for (int i = 0; i < size; i++) {
      values.add(part.read(this));
    }
    return values;
  }
}
