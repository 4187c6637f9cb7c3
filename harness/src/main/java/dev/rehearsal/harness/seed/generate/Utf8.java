package dev.rehearsal.harness.seed.generate;

import java.nio.charset.StandardCharsets;

/** UTF-8 helpers: character counts matter because varchar(n) limits characters, not bytes. */
final class Utf8 {

  private Utf8() {}

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[][] all(Iterable<String> values) {
    java.util.List<byte[]> out = new java.util.ArrayList<>();
    for (String v : values) {
      out.add(bytes(v));
    }
    return out.toArray(new byte[0][]);
  }

  /** Characters (code points) in UTF-8 bytes: every byte that does not continue a sequence. */
  static int characters(byte[] utf8) {
    int n = 0;
    for (byte b : utf8) {
      if ((b & 0xC0) != 0x80) {
        n++;
      }
    }
    return n;
  }

  /** Writes the decimal digits of a non-negative {@code value} ending just before {@code end}; returns the start. */
  static int digitsBackwards(long value, byte[] into, int end) {
    int i = end;
    do {
      into[--i] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    return i;
  }

  static int digitCount(long value) {
    int n = 1;
    while (value >= 10) {
      value /= 10;
      n++;
    }
    return n;
  }
}
