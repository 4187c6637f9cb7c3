package dev.rehearsal.harness.check;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.report.RehearsalReport.UntouchedData;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The second half of the integrity check: what neither the workload nor the migration writes
 * must come out of the rehearsal unchanged. A snapshot (row counts, a checksum per column) is
 * taken before the load starts and again after the migration, once the load has stopped.
 */
public final class UntouchedDataCheck {

  private final DatabaseTarget target;
  private final List<String> tables;
  private final TableSnapshot before;
  private final long beforeMillis;

  private UntouchedDataCheck(DatabaseTarget target, List<String> tables, TableSnapshot before, long beforeMillis) {
    this.target = target;
    this.tables = tables;
    this.before = before;
    this.beforeMillis = beforeMillis;
  }

  public static UntouchedDataCheck before(DatabaseTarget target, List<String> tables, Console console) {
    long start = System.nanoTime();
    TableSnapshot snapshot = take(target, tables, null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    console.say("Checksummed %d tables before the load in %.1f s (to prove untouched data unchanged afterwards)",
        tables.size(), millis / 1000.0);
    return new UntouchedDataCheck(target, tables, snapshot, millis);
  }

  /** @param sqlTexts every statement the workload and the migration ran: what they may have written */
  public UntouchedData after(Collection<String> sqlTexts, Console console) {
    long start = System.nanoTime();
    TableSnapshot after = take(target, tables, before);
    long millis = beforeMillis + (System.nanoTime() - start) / 1_000_000;
    SnapshotComparison.Result r = SnapshotComparison.compare(before, after, WrittenColumns.of(sqlTexts));
    console.say("%s", line(r, tables.size()));
    r.differences().forEach(d -> console.say("  changed: %s", d));
    r.sampled().forEach(d -> console.say("  sampled: %s", d));
    return new UntouchedData(r.tablesCompared(), r.columnsCompared(), r.differences(), r.columnsAdded(),
        r.columnsDropped(), r.typesChanged(), r.tablesGone(), millis, r.sampled());
  }

  /**
   * "Untouched data: 3 tables, 12 columns compared, unchanged"; when no column could be compared it says so and
   * why, rather than "unchanged".
   */
  static String line(SnapshotComparison.Result r, int tables) {
    String changed = r.differences().isEmpty() ? "" : ", " + r.differences().size() + " changed";
    if (r.columnsCompared() == 0) {
      String why = tables == 0 ? "no seeded table to compare"
          : r.tablesGone().size() == tables ? "every seeded table is gone after the migration"
          : !r.differences().isEmpty() ? "row counts changed, so their column checksums were left out"
          : "the workload or the migration may write every column of the "
              + (tables == 1 ? "seeded table" : tables + " seeded tables");
      return "Untouched data: not compared (" + why + ")" + changed;
    }
    long onSample = r.sampled().stream().filter(s -> !s.contains(": not compared")).count();
    return String.format(java.util.Locale.ROOT, "Untouched data: %d table%s, %d column%s compared, %s%s", r.tablesCompared(),
        r.tablesCompared() == 1 ? "" : "s", r.columnsCompared(), r.columnsCompared() == 1 ? "" : "s",
        r.differences().isEmpty() ? "unchanged" : r.differences().size() + " changed",
        onSample == 0 ? "" : " (" + onSample + " on a sample of key ranges)");
  }

  private static TableSnapshot take(DatabaseTarget target, List<String> tables, TableSnapshot like) {
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.ADMIN)) {
      return TableSnapshot.take(c, tables, like);
    } catch (SQLException e) {
      throw new InfrastructureException("could not checksum the tables: " + e.getMessage(), e);
    }
  }
}
