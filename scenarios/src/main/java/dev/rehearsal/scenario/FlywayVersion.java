package dev.rehearsal.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway version as Flyway compares them: parts separated by {@code .} or {@code _} ({@code
 * 18.1} and {@code 18_1} are the same version), each compared as a number ({@code 9 < 10},
 * {@code 017} is 17), trailing zero parts ignored ({@code 1.0} is {@code 1}). So {@code 18 <
 * 18.1 < 19}.
 *
 * <p>Used to check a scenario's {@code target} against the migrations on disk before anything
 * starts; applying them is left to Flyway itself.
 *
 * @param text the version as written, with {@code _} shown as {@code .} (as Flyway shows it)
 * @param parts the numeric parts, trailing zeros removed
 */
public record FlywayVersion(String text, List<BigInteger> parts)
    implements Comparable<FlywayVersion> {

  private static final Pattern VERSION = Pattern.compile("\\d+([._]\\d+)*");

  /**
   * Flyway's default naming of a versioned migration: prefix {@code V}, the version, separator
   * {@code __}, a description, suffix {@code .sql}.
   */
  private static final Pattern MIGRATION_FILE = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");

  public FlywayVersion {
    parts = List.copyOf(parts);
  }

  /** The version {@code text} names, or empty when it is not one (letters, blanks, "1..2"). */
  public static Optional<FlywayVersion> parse(String text) {
    if (text == null || !VERSION.matcher(text).matches()) {
      return Optional.empty();
    }
    List<BigInteger> parts = new ArrayList<>();
    for (String part : text.split("[._]")) {
      parts.add(new BigInteger(part));
    }
    while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
      parts.remove(parts.size() - 1);
    }
    return Optional.of(new FlywayVersion(text.replace('_', '.'), parts));
  }

  /** The version of a versioned migration's file name ({@code V5_1__add.sql}), or empty. */
  public static Optional<FlywayVersion> ofFileName(String fileName) {
    Matcher m = MIGRATION_FILE.matcher(fileName);
    return m.matches() ? parse(m.group(1)) : Optional.empty();
  }

  @Override
  public int compareTo(FlywayVersion other) {
    int common = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < common; i++) {
      int c = part(i).compareTo(other.part(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private BigInteger part(int i) {
    return i < parts.size() ? parts.get(i) : BigInteger.ZERO;
  }

  /** Same version, however written: equality follows {@link #compareTo}, not the text. */
  @Override
  public boolean equals(Object o) {
    return o instanceof FlywayVersion v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
