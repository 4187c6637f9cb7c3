package dev.rehearsal.harness.seed.copy;

import java.nio.charset.StandardCharsets;

/**
 * Renders values as the ASCII text PostgreSQL's input functions read, straight into a
 * {@link CopyBuffer}: digits are produced back to front in place, so no String or temporary
 * array is made per value. Shared by the text format and by binary text-typed columns.
 */
final class TextRender {

  static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZONE = "+00".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BC = " BC".getBytes(StandardCharsets.US_ASCII);
  /** 10^19 as an unsigned long: magnitudes at or above it have 20 digits. */
  private static final long TEN_POW_19 = 0x8AC7230489E80000L;

  private TextRender() {}

  /** Decimal digits of a signed long, e.g. -42. Long.MIN_VALUE is fine. */
  static void putLong(CopyBuffer out, long value) {
    if (value < 0) {
      out.putByte('-');
      putUnsigned(out, -value); // -Long.MIN_VALUE is itself, 2^63 read as unsigned
    } else {
      putUnsigned(out, value);
    }
  }

  /**
   * {@code unscaled / 10^scale} with exactly {@code scale} fraction digits and no exponent,
   * e.g. (-5, 1) is -0.5 and (12345, 2) is 123.45 (the text numeric_in and float8in read).
   */
  static void putDecimal(CopyBuffer out, long unscaled, int scale) {
    if (scale == 0) {
      putLong(out, unscaled);
      return;
    }
    long magnitude = unscaled;
    if (unscaled < 0) {
      out.putByte('-');
      magnitude = -unscaled;
    }
    int intDigits = Math.max(unsignedDigits(magnitude) - scale, 1);
    int length = intDigits + 1 + scale;
    int at = out.advance(length) + length;
    byte[] a = out.array();
    for (int i = 0; i < scale; i++) {
      long q = divideUnsignedBy10(magnitude);
      a[--at] = (byte) ('0' + (magnitude - q * 10));
      magnitude = q;
    }
    a[--at] = '.';
    for (int i = 0; i < intDigits; i++) { // at least "0" before the point
      long q = divideUnsignedBy10(magnitude);
      a[--at] = (byte) ('0' + (magnitude - q * 10));
      magnitude = q;
    }
  }

  /** "true"/"false": what a text column (or an unknown type's input function) gets. */
  static void putBooleanWord(CopyBuffer out, boolean value) {
    out.putBytes(value ? TRUE : FALSE);
  }

  /**
   * {@code yyyy-MM-dd HH:mm:ss[.ffffff]+00[ BC]}, UTC, fraction without trailing zeros: what
   * PostgreSQL itself prints for a timestamptz with TimeZone=UTC, and what timestamp (which
   * ignores the zone) and text columns accept.
   */
  static void putTimestamp(CopyBuffer out, long epochMicros) {
    long days = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long micros = Math.floorMod(epochMicros, MICROS_PER_DAY);
    boolean bc = putDateDigits(out, days);
    out.putByte(' ');
    long seconds = micros / 1_000_000;
    int fraction = (int) (micros % 1_000_000);
    putPadded(out, seconds / 3600, 2);
    out.putByte(':');
    putPadded(out, seconds / 60 % 60, 2);
    out.putByte(':');
    putPadded(out, seconds % 60, 2);
    if (fraction != 0) {
      int digits = 6;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      out.putByte('.');
      putPadded(out, fraction, digits);
    }
    out.putBytes(ZONE);
    if (bc) {
      out.putBytes(BC);
    }
  }

  /** {@code yyyy-MM-dd[ BC]} of the UTC day the instant falls in (floor, also before 1970). */
  static void putDate(CopyBuffer out, long epochMicros) {
    if (putDateDigits(out, Math.floorDiv(epochMicros, MICROS_PER_DAY))) {
      out.putBytes(BC);
    }
  }

  /** Canonical lowercase 8-4-4-4-12 form. */
  static void putUuid(CopyBuffer out, long msb, long lsb) {
    int at = out.advance(36);
    byte[] a = out.array();
    at = putHex(a, at, msb >>> 32, 8);
    a[at++] = '-';
    at = putHex(a, at, msb >>> 16, 4);
    a[at++] = '-';
    at = putHex(a, at, msb, 4);
    a[at++] = '-';
    at = putHex(a, at, lsb >>> 48, 4);
    a[at++] = '-';
    putHex(a, at, lsb, 12);
  }

  /**
   * Copies UTF-8 with COPY text escaping: backslash, tab, newline and carriage return become
   * two-character escapes (the others COPY defines are optional). Multi-byte UTF-8 sequences
   * only contain bytes >= 0x80, so scanning bytes is safe.
   */
  static void putEscaped(CopyBuffer out, byte[] utf8, int offset, int length) {
    int end = offset + length;
    int run = offset;
    for (int i = offset; i < end; i++) {
      byte escape = switch (utf8[i]) {
        case '\\' -> '\\';
        case '\t' -> 't';
        case '\n' -> 'n';
        case '\r' -> 'r';
        default -> 0;
      };
      if (escape != 0) {
        out.putBytes(utf8, run, i - run);
        out.putByte('\\');
        out.putByte(escape);
        run = i + 1;
      }
    }
    out.putBytes(utf8, run, end - run);
  }

  /** Writes yyyy-MM-dd for a day count since 1970 and returns whether the year is BC. */
  private static boolean putDateDigits(CopyBuffer out, long epochDays) {
    // civil-from-days (H. Hinnant): proleptic Gregorian, as PostgreSQL uses, and no allocation
    long z = epochDays + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153; // March = 0
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    // astronomical year 0 is 1 BC; PostgreSQL writes BC years positive with a " BC" suffix
    boolean bc = year <= 0;
    long shown = bc ? 1 - year : year;
    putPadded(out, shown, Math.max(4, digits(shown)));
    out.putByte('-');
    putPadded(out, month, 2);
    out.putByte('-');
    putPadded(out, day, 2);
    return bc;
  }

  /** A non-negative value zero-padded to exactly {@code width} digits (it must fit). */
  private static void putPadded(CopyBuffer out, long value, int width) {
    int at = out.advance(width) + width;
    byte[] a = out.array();
    for (int i = 0; i < width; i++) {
      a[--at] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  private static void putUnsigned(CopyBuffer out, long magnitude) {
    int length = unsignedDigits(magnitude);
    int at = out.advance(length) + length;
    byte[] a = out.array();
    do {
      long q = divideUnsignedBy10(magnitude);
      a[--at] = (byte) ('0' + (magnitude - q * 10));
      magnitude = q;
    } while (magnitude != 0);
  }

  private static int putHex(byte[] a, int at, long bits, int nibbles) {
    for (int i = nibbles - 1; i >= 0; i--) {
      a[at + i] = HEX[(int) (bits & 0xF)];
      bits >>>= 4;
    }
    return at + nibbles;
  }

  /**
   * Unsigned division by 10 without Long.divideUnsigned, which on Java 17 allocates a
   * BigInteger for "negative" (>= 2^63) dividends: halve first, then the rest is signed.
   */
  static long divideUnsignedBy10(long value) {
    return value >= 0 ? value / 10 : (value >>> 1) / 5;
  }

  /** Number of decimal digits of an unsigned long. */
  static int unsignedDigits(long value) {
    if (value < 0) {
      return Long.compareUnsigned(value, TEN_POW_19) >= 0 ? 20 : 19;
    }
    return digits(value);
  }

  private static int digits(long value) {
    int n = 1;
    for (long limit = 10; n < 19 && value >= limit; limit *= 10) {
      n++;
    }
    return n;
  }
}
