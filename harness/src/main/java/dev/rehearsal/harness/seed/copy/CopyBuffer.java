package dev.rehearsal.harness.seed.copy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array that COPY rows are encoded into before being handed to the driver
 * ({@code CopyIn.writeToCopy(buffer.array(), 0, buffer.size())}, then {@link #reset()}).
 *
 * <p>It sits on the seeder's hot path (one call per field of tens of millions of rows), so
 * nothing here allocates except growth; multi-byte puts go through byte-array view
 * {@link VarHandle}s, which the JIT turns into single big-endian stores. Not thread-safe: one
 * buffer per loading thread.
 */
public final class CopyBuffer {

  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** The largest array the JVM reliably allocates. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] data;
  private int size;

  /** A buffer of 64 KiB, about one driver write's worth. */
  public CopyBuffer() {
    this(64 * 1024);
  }

  public CopyBuffer(int initialCapacity) {
    if (initialCapacity < 0 || initialCapacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("capacity out of range: " + initialCapacity);
    }
    data = new byte[initialCapacity];
  }

  /** Bytes written since the last {@link #reset()}. */
  public int size() {
    return size;
  }

  /** The backing array, valid in {@code [0, size())}; replaced when the buffer grows. */
  public byte[] array() {
    return data;
  }

  /** A copy of the written bytes (for tests and diagnostics, not the hot path). */
  public byte[] toByteArray() {
    return Arrays.copyOf(data, size);
  }

  /** Forgets the content and keeps the capacity, so a steady-state loader never reallocates. */
  public void reset() {
    size = 0;
  }

  /** Makes the backing array at least {@code minCapacity} bytes long (total, like ArrayList). */
  public void ensureCapacity(int minCapacity) {
    if (minCapacity > data.length) {
      grow(minCapacity);
    }
  }

  public void putByte(int value) {
    ensureRemaining(1);
    data[size++] = (byte) value;
  }

  /** The low 16 bits of {@code value}, big-endian. */
  public void putShort(int value) {
    ensureRemaining(2);
    SHORT.set(data, size, (short) value);
    size += 2;
  }

  public void putInt(int value) {
    ensureRemaining(4);
    INT.set(data, size, value);
    size += 4;
  }

  public void putLong(long value) {
    ensureRemaining(8);
    LONG.set(data, size, value);
    size += 8;
  }

  public void putBytes(byte[] source, int offset, int length) {
    if (offset < 0 || length < 0 || offset > source.length - length) {
      throw new IndexOutOfBoundsException("bytes [" + offset + ", +" + length + ") of " + source.length);
    }
    ensureRemaining(length);
    System.arraycopy(source, offset, data, size, length);
    size += length;
  }

  public void putBytes(byte[] source) {
    putBytes(source, 0, source.length);
  }

  /**
   * Overwrites 4 bytes at {@code index} (already written). Encoders that only learn a field's
   * length after rendering it, e.g. digits into a binary text column, reserve the length
   * prefix first and patch it here, instead of rendering into a temporary array.
   */
  public void setInt(int index, int value) {
    if (index < 0 || index > size - 4) {
      throw new IndexOutOfBoundsException("int at " + index + " of " + size + " bytes");
    }
    INT.set(data, index, value);
  }

  /**
   * Appends {@code length} bytes to be filled in by the caller through {@link #array()}, and
   * returns where they start. Lets renderers write digits back to front in place.
   */
  int advance(int length) {
    ensureRemaining(length);
    int start = size;
    size += length;
    return start;
  }

  private void ensureRemaining(int length) {
    if (length > data.length - size) {
      if (length > MAX_CAPACITY - size) {
        throw new IllegalStateException("COPY buffer cannot grow past " + MAX_CAPACITY + " bytes; flush it sooner");
      }
      grow(size + length);
    }
  }

  private void grow(int minCapacity) {
    if (minCapacity > MAX_CAPACITY) {
      throw new IllegalStateException("COPY buffer cannot grow past " + MAX_CAPACITY + " bytes; flush it sooner");
    }
    // doubling keeps appends amortised O(1); the floor avoids creeping growth from tiny buffers
    long doubled = Math.max(2L * data.length, 256);
    int capacity = (int) Math.min(MAX_CAPACITY, Math.max(doubled, minCapacity));
    data = Arrays.copyOf(data, capacity);
  }
}
