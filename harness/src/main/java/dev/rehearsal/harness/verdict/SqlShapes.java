package dev.rehearsal.harness.verdict;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the DDL shapes the next-step rules give advice on. Works on text normalised by
 * {@link #normalise} (comments dropped, upper case, single spaces), so the patterns stay short.
 */
final class SqlShapes {

  private static final Pattern PLAIN_CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX (?!CONCURRENTLY).*");
  private static final Pattern VALIDATED_CONSTRAINT = Pattern.compile(
      "^ALTER TABLE .*\\bADD (CONSTRAINT \\S+ )?(FOREIGN KEY|CHECK)\\b.*");
  private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER TABLE .*\\bALTER (COLUMN )?\\S+ SET NOT NULL\\b.*");
  private static final Pattern UNIQUE_WITHOUT_INDEX = Pattern.compile(
      "^ALTER TABLE .*\\bADD (CONSTRAINT \\S+ )?(UNIQUE|PRIMARY KEY)\\b(?!.*\\bUSING INDEX\\b).*");

  private SqlShapes() {}

  static String normalise(String sql) {
    return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").replaceAll("\\s+", " ").strip()
        .toUpperCase(Locale.ROOT);
  }

  static boolean isPlainCreateIndex(String normalised) {
    return PLAIN_CREATE_INDEX.matcher(normalised).matches();
  }

  /** ADD FOREIGN KEY / CHECK without NOT VALID: validated by a scan under the statement's lock. */
  static boolean addsValidatedConstraint(String normalised) {
    return VALIDATED_CONSTRAINT.matcher(normalised).matches() && !normalised.contains("NOT VALID");
  }

  static boolean setsNotNull(String normalised) {
    return SET_NOT_NULL.matcher(normalised).matches();
  }

  static boolean addsUniqueWithoutIndex(String normalised) {
    return UNIQUE_WITHOUT_INDEX.matcher(normalised).matches();
  }
}
