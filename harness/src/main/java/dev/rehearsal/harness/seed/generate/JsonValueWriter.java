package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/** Renders generated values as JSON values into a growing byte buffer (one per JsonGenerator). */
final class JsonValueWriter implements FieldWriter {

  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buffer = new byte[256];
  private int length;

  void reset() {
    length = 0;
  }

  byte[] bytes() {
    return buffer;
  }

  int length() {
    return length;
  }

  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buffer[length++] = (byte) s.charAt(i);
    }
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }

  @Override
  public void writeNull() {
    ascii("null");
  }

  @Override
  public void writeLong(long value) {
    ascii(Long.toString(value));
  }

  @Override
  public void writeDecimal(long unscaled, int scale) {
    ascii(BigDecimal.valueOf(unscaled, scale).toPlainString());
  }

  @Override
  public void writeBoolean(boolean value) {
    ascii(value ? "true" : "false");
  }

  @Override
  public void writeText(byte[] utf8, int offset, int len) {
    ensure(len * 6 + 2);
    buffer[length++] = '"';
    for (int i = offset; i < offset + len; i++) {
      byte b = utf8[i];
      if (b == '"' || b == '\\') {
        buffer[length++] = '\\';
        buffer[length++] = b;
      } else if (b >= 0 && b < 0x20) {
        buffer[length++] = '\\';
        buffer[length++] = 'u';
        buffer[length++] = '0';
        buffer[length++] = '0';
        buffer[length++] = HEX[b >> 4];
        buffer[length++] = HEX[b & 0xF];
      } else {
        buffer[length++] = b;
      }
    }
    buffer[length++] = '"';
  }

  @Override
  public void writeTimestampMicros(long epochMicros) {
    Instant t = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    ascii("\"" + t + "\"");
  }

  @Override
  public void writeUuid(long mostSignificantBits, long leastSignificantBits) {
    ascii("\"" + new UUID(mostSignificantBits, leastSignificantBits) + "\"");
  }

  @Override
  public void writeJson(byte[] utf8, int offset, int len) {
    ensure(len);
    System.arraycopy(utf8, offset, buffer, length, len);
    length += len;
  }
}
