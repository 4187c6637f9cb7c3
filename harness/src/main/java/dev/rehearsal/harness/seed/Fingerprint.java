package dev.rehearsal.harness.seed;

import java.util.HexFormat;

/**
 * Checksums of seeded data: per chunk a CRC32C of the encoded COPY bytes, mixed with the chunk
 * number and summed — so the result does not depend on which stream loaded which chunk, but does
 * on every byte and where it is.
 */
final class Fingerprint {

  private Fingerprint() {}

  static long chunkHash(long crc, long chunk) {
    long z = crc ^ (chunk * 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static String hex(long checksum) {
    return HexFormat.of().toHexDigits(checksum);
  }
}
