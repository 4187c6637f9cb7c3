package dev.rehearsal.harness.judge;

import dev.rehearsal.scenario.sql.SqlTokens;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Recognises the DDL shapes the next-step rules give advice on. Works on text normalised by
 * {@link #normalise} from the shared SQL tokenizer (comments dropped, every literal one {@code ?},
 * words upper case, one space between tokens), so the patterns stay short and a comment or a
 * string saying {@code NOT VALID} is never read as the keywords.
 */
final class SqlShapes {

  private static final Pattern PLAIN_CREATE_INDEX = Pattern.compile("^CREATE (UNIQUE )?INDEX (?!CONCURRENTLY).*");
  private static final Pattern VALIDATED_CONSTRAINT = Pattern.compile(
      "^ALTER TABLE .*\\bADD (CONSTRAINT \\S+ )?(FOREIGN KEY|CHECK)\\b.*");
  private static final Pattern SET_NOT_NULL = Pattern.compile("^ALTER TABLE .*\\bALTER (COLUMN )?\\S+ SET NOT NULL\\b.*");
  private static final Pattern UNIQUE_WITHOUT_INDEX = Pattern.compile(
      "^ALTER TABLE .*\\bADD (CONSTRAINT \\S+ )?(UNIQUE|PRIMARY KEY)\\b(?!.*\\bUSING INDEX\\b).*");

  private static final Pattern DATA_CHANGE = Pattern.compile(
      "^(WITH .*\\b)?(UPDATE|DELETE|MERGE) .*|^(WITH .*\\b)?INSERT INTO .*\\bSELECT\\b.*");
  private static final Pattern COLUMN_CHANGE = Pattern.compile("^ALTER TABLE .*(\\bADD (COLUMN )?(IF NOT EXISTS )?"
      + "(?!CONSTRAINT\\b|PRIMARY\\b|UNIQUE\\b|FOREIGN\\b|CHECK\\b|EXCLUDE\\b)\\S+ \\S+"
      + "|\\bALTER (COLUMN )?\\S+ (SET DATA )?TYPE\\b).*");

  private SqlShapes() {}

  /**
   * UPDATE, DELETE, MERGE, or INSERT ... SELECT (also under WITH): a change of many rows whose
   * row locks are held until its transaction ends.
   */
  static boolean changesManyRows(String normalised) {
    return DATA_CHANGE.matcher(normalised).matches();
  }

  /** The statement's first word (UPDATE, DELETE, ...), WITH skipped: what kind of data change it is. */
  static String dataChangeVerb(String normalised) {
    for (String verb : new String[] {"UPDATE", "DELETE", "MERGE", "INSERT"}) {
      if (normalised.startsWith(verb + " ") || normalised.matches("^WITH .*\\b" + verb + " .*")) {
        return verb;
      }
    }
    return "UPDATE";
  }

  /** ALTER TABLE ... ADD [COLUMN] or ALTER [COLUMN] ... TYPE: a column without planner statistics. */
  static boolean addsOrChangesColumn(String normalised) {
    return COLUMN_CHANGE.matcher(normalised).matches();
  }

  static String normalise(String sql) {
    StringJoiner words = new StringJoiner(" ");
    for (SqlTokens.Token t : SqlTokens.of(sql)) {
      words.add(switch (t.kind()) {
        case WORD -> t.text().toUpperCase(Locale.ROOT);
        case QUOTED -> '"' + t.text() + '"';
        case SYMBOL -> t.text();
        case OTHER -> "?";
      });
    }
    return words.toString();
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
