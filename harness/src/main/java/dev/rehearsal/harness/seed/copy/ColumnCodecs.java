package dev.rehearsal.harness.seed.copy;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which generated values fit which PostgreSQL column types, and the {@link FieldWriter}s that
 * encode them for COPY. Types are given as {@code format_type(atttypid, atttypmod)} prints
 * them ({@code integer}, {@code numeric(12,2)}, {@code timestamp(3) with time zone}, ...).
 *
 * <p>Binary encoders exist for the integer, numeric, float, text, boolean, timestamp, date,
 * uuid and json families. Every other type (inet, interval, enums, arrays, domains...) is
 * written as text and left to the server's input function, which is why such a column
 * accepts every value kind: only the server can tell whether 'a' is a valid enum label.
 */
public final class ColumnCodecs {

  private ColumnCodecs() {}

  /** Whether the type has a binary encoder, i.e. can be loaded with COPY (FORMAT binary). */
  public static boolean binarySupported(String type) {
    return PgType.of(type).binary();
  }

  /** Whether a generator of {@code kind} can fill a column of {@code type}. */
  public static boolean accepts(String type, ValueKind kind) {
    return PgType.of(type).accepts(kind);
  }

  /** The value kinds a column of {@code type} accepts, for the caller's own error messages. */
  public static Set<ValueKind> acceptedKinds(String type) {
    return PgType.of(type).accepted();
  }

  /** The accepted kinds as one phrase, e.g. "INTEGER, DECIMAL" for numeric(12,2). */
  public static String kindsAccepted(String type) {
    return acceptedKinds(type).stream().map(Enum::name).collect(Collectors.joining(", "));
  }

  /**
   * A writer that appends one field of a {@code type} column to {@code buffer} per call. A
   * writer keeps scratch state and is meant for one thread: make one per column per loader.
   *
   * @throws IllegalArgumentException in BINARY format for a type without a binary encoder
   */
  public static FieldWriter writer(String type, CopyFormat format, CopyBuffer buffer) {
    PgType family = PgType.of(type);
    return switch (format) {
      case BINARY -> BinaryWriters.create(family, type, buffer);
      case TEXT -> TextWriters.create(family, type, buffer);
    };
  }
}
