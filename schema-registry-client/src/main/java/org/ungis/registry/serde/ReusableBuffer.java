package org.ungis.registry.serde;

import java.io.OutputStream;
import java.util.Arrays;

/** An unsynchronized growable byte buffer, reused per thread by the serializer. */
final class ReusableBuffer extends OutputStream {

  /** Buffers that grew beyond this are not kept for reuse. */
  static final int MAX_RETAINED = 1 << 20;

  private byte[] bytes;
  private int size;

  ReusableBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  void reset() {
    size = 0;
  }

  int capacity() {
    return bytes.length;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void writeInt(int value) {
    ensure(4);
    bytes[size++] = (byte) (value >>> 24);
    bytes[size++] = (byte) (value >>> 16);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
