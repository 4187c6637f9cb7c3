package dev.rehearsal.harness.check;

import dev.rehearsal.harness.check.TableSnapshot.Column;
import dev.rehearsal.harness.check.TableSnapshot.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows that what neither the workload nor the migration writes is unchanged: row counts of
 * tables nobody inserts into or deletes from, and checksums of columns nobody assigns.
 */
public final class SnapshotComparison {

  /**
   * What was compared and what differed.
   *
   * @param tablesCompared tables present in both snapshots whose row counts were compared
   * @param columnsCompared columns whose checksums were compared
   * @param differences unexpected changes, one sentence each: the check fails when there is any
   * @param columnsAdded {@code table.column} present only after (added or renamed to); not compared
   * @param columnsDropped {@code table.column} present only before (dropped or renamed); not compared
   * @param typesChanged {@code table.column: before -> after} for columns whose type changed
   * @param tablesGone tables present before and absent after (dropped or renamed by the migration)
   * @param sampled tables compared on a sample of key ranges, what the sample was: "users: 128,000 of ~50,000,000
   *     rows, in 64 ranges of id"; or why such a table was not compared
   */
  public record Result(int tablesCompared, int columnsCompared, List<String> differences, List<String> columnsAdded,
      List<String> columnsDropped, List<String> typesChanged, List<String> tablesGone, List<String> sampled) {

    public Result {
      sampled = List.copyOf(sampled);
      differences = List.copyOf(differences);
      columnsAdded = List.copyOf(columnsAdded);
      columnsDropped = List.copyOf(columnsDropped);
      typesChanged = List.copyOf(typesChanged);
      tablesGone = List.copyOf(tablesGone);
    }

    public boolean unchanged() {
      return differences.isEmpty();
    }
  }

  private SnapshotComparison() {}

  /**
   * Compares the tables of {@code before} with the same tables in {@code after}. A table whose
   * row count changed unexpectedly has its column checksums left out: every one of them moves
   * with the missing or extra rows, and the row count already says so.
   */
  public static Result compare(TableSnapshot before, TableSnapshot after, WrittenColumns written) {
    int tablesCompared = 0;
    int columnsCompared = 0;
    List<String> differences = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<String> typesChanged = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    List<String> sampled = new ArrayList<>();
    for (Table old : before.tables().values()) {
      Table now = after.table(old.name());
      if (!old.exists()) {
        continue; // created by the migration, or never there: nothing to hold it to
      }
      if (!now.exists()) {
        gone.add(old.name());
        continue;
      }
      String table = old.name();
      if (old.sample() != null) {
        if (now.sample() == null) {
          sampled.add(table + ": not compared (the migration removed " + old.sample().keyColumn()
              + ", the key its sample was taken by)");
          continue;
        }
        sampled.add(table + ": " + old.sample().describe(old.rowCount()));
      }
      for (Column column : now.columns().values()) {
        if (!old.columns().containsKey(column.name())) {
          added.add(table + "." + column.name());
        }
      }
      boolean rowsMayChange = written.rowCountMayChange(table);
      if (!rowsMayChange) {
        tablesCompared++;
      }
      boolean countChanged = !rowsMayChange && old.rowCount() != now.rowCount();
      if (countChanged) {
        differences.add(String.format("%s: %d rows before, %d after (nothing in the workload or migration %s %s)",
            table, old.rowCount(), now.rowCount(), now.rowCount() < old.rowCount() ? "deletes from" : "inserts into",
            table));
      }
      for (Column was : old.columns().values()) {
        Column is = now.columns().get(was.name());
        if (is == null) {
          dropped.add(table + "." + was.name());
          continue;
        }
        String typeChange = was.type().equals(is.type()) ? null : was.type() + " -> " + is.type();
        if (typeChange != null) {
          typesChanged.add(table + "." + was.name() + ": " + typeChange);
        }
        if (countChanged || written.columnMayChange(table, was.name())) {
          continue;
        }
        columnsCompared++;
        if (was.checksum().compareTo(is.checksum()) != 0) {
          differences.add(String.format("%s.%s: checksum changed (%sneither the workload nor the migration writes it)",
              table, was.name(), typeChange == null ? "" : "type " + typeChange + "; "));
        }
      }
    }
    return new Result(tablesCompared, columnsCompared, differences, added, dropped, typesChanged, gone, sampled);
  }
}
