package dev.rehearsal.harness.judge;

import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The long-DML rule: an UPDATE, DELETE, MERGE or INSERT ... SELECT that changed many rows in one
 * statement holds their row locks until its transaction ends, and every application write to one
 * of them waits that long. When it held them longer than the longest wait allowed and the
 * application did wait, the advice is to batch it, with a batch size derived from the rows per
 * second it achieved ({@link BatchSize}).
 */
final class LongDml {

  /** A plain {@code UPDATE t SET ... [WHERE ...]}: what a backfill step can take over as is. */
  private static final Pattern SIMPLE_UPDATE = Pattern.compile(
      "^\\s*UPDATE\\s+(?:ONLY\\s+)?([\\w.\"]+)\\s+SET\\s+(.+?)(?:\\s+WHERE\\s+(.+?))?\\s*;?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern NOT_SIMPLE = Pattern.compile("\\b(FROM|RETURNING|SELECT|WITH)\\b|--|/\\*",
      Pattern.CASE_INSENSITIVE);

  private LongDml() {}

  /**
   * The step for a statement that changed rows long enough to block the application; null when it
   * is no such statement.
   */
  /** @param walBytes the WAL it wrote, or null when not measured */
  static NextSteps.Step step(StatementResult st, NextSteps.Limits limits, Impact impact, Long walBytes) {
    LockWaits blocked = st.blocked();
    if (blocked == null || blocked.waits() == 0 || st.error() != null || "backfill".equals(st.kind())) {
      return null;
    }
    String normalised = SqlShapes.normalise(st.sql());
    if (!SqlShapes.changesManyRows(normalised) || st.durationMs() <= limits.longestHoldMs()) {
      return null;
    }
    String verb = SqlShapes.dataChangeVerb(normalised);
    String rows = st.rowsAffected() == null ? "rows" : String.format(Locale.ROOT, "%,d rows", st.rowsAffected());
    String finding = String.format(Locale.ROOT, "Statement %d (%s) %s %s in one statement and held their locks for "
            + "%.1f s: application sessions were blocked %.1f session-seconds (%,d waits, the longest %.1f s).",
        st.index(), NextSteps.firstLine(st.sql()), pastTense(verb), rows, st.durationMs() / 1000,
        blocked.blockedSessionSeconds(), blocked.waits(), blocked.longestWaitMs() / 1000);
    String brief = String.format(Locale.ROOT, "Statement %d, %s %s of %s, held their locks for %.1f s: "
            + "%.1f blocked session-seconds, the longest wait %.1f s.", st.index(),
        verb.equals("UPDATE") || verb.equals("INSERT") ? "an" : "a", verb, rows,
        st.durationMs() / 1000, blocked.blockedSessionSeconds(), blocked.longestWaitMs() / 1000);
    if (walBytes != null && st.durationMs() > 0) {
      finding += String.format(Locale.ROOT, " It wrote %.1f MB of WAL, %.1f MB/s, which every standby must replay.",
          walBytes / 1e6, walBytes / 1e6 / (st.durationMs() / 1000));
    }
    return new NextSteps.Step(finding, advice(st, verb, limits), "longDml", st.index(), "blockedSessionSeconds",
        blocked.blockedSessionSeconds(), brief, impact);
  }

  private static String advice(StatementResult st, String verb, NextSteps.Limits limits) {
    BatchSize batch = BatchSize.derive(st.rowsAffected(), st.durationMs(), limits.longestHoldMs());
    String allowed = String.format(Locale.ROOT, "%,.0f ms %s", limits.longestHoldMs(), limits.holdFromBudget()
        ? "your longestWaitMs budget allows" : "(a default: the scenario has no longestWaitMs budget)");
    String size = batch == null ? "small batches" : String.format(Locale.ROOT, "batches of %,d rows", batch.rows());
    StringBuilder advice = new StringBuilder("Batch it, each batch its own transaction");
    if (batch != null) {
      advice.append(String.format(Locale.ROOT, ": at the %,.0f rows/s it achieved, %s hold their locks about "
          + "%,.0f ms, under the %s", batch.rowsPerSecond(), size, batch.holdMs(), allowed));
    } else {
      advice.append(String.format(Locale.ROOT, ", small enough that each holds its locks under the %s", allowed));
    }
    advice.append(". ");
    String batchSize = batch == null ? "..." : Long.toString(batch.rows());
    if (verb.equals("UPDATE")) {
      Matcher m = SIMPLE_UPDATE.matcher(st.sql());
      if (m.matches() && !NOT_SIMPLE.matcher(st.sql()).find() && wholeLiterals(m.group(2))
          && (m.group(3) == null || wholeLiterals(m.group(3)))) {
        advice.append("A backfill step does it: `backfill: {table: ").append(m.group(1)).append(", set: ")
            .append(yaml(m.group(2))).append(m.group(3) == null ? "" : ", where: " + yaml(m.group(3)))
            .append(", key: id, batchSize: ").append(batchSize).append(", pause: 50ms}`");
      } else {
        advice.append("A backfill step does it (`backfill:` with `table`, `set`, `key` and `batchSize: ")
            .append(batchSize).append("`)");
      }
      advice.append(" (docs/steps.md). ");
    }
    return advice.append("`./rehearse run backfill-batch-size` shows how batch size trades the application's "
        + "waits against the total duration; rehearse the batched strategy beside this one with `./rehearse "
        + "compare` to prove it.").toString();
  }

  /** No string literal cut in two (a WHERE inside a literal would be): an even number of quotes. */
  private static boolean wholeLiterals(String sql) {
    return sql.chars().filter(c -> c == '\'').count() % 2 == 0;
  }

  /** A YAML flow scalar: double-quoted, so commas and colons in the SQL stay inside it. */
  private static String yaml(String sql) {
    return '"' + sql.strip().replaceAll("\\s+", " ").replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String pastTense(String verb) {
    return switch (verb) {
      case "DELETE" -> "deleted";
      case "INSERT" -> "inserted";
      case "MERGE" -> "merged";
      default -> "updated";
    };
  }
}
