package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.seed.SeededKeys;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.KeySpace;
import dev.rehearsal.scenario.OperationSpec;
import dev.rehearsal.scenario.ParamSpec;
import dev.rehearsal.scenario.Scenario;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The keys the workload's {@code existingKey} and {@code newKey} params draw, read from the data
 * the load is about to run on (after seeding, before the load): one {@link KeySpace} per table
 * they name, said on the console.
 */
final class WorkloadKeys {

  private WorkloadKeys() {}

  static Map<String, KeySpace> read(Scenario scenario, SeededDatabase seeded, long seed, Console console) {
    Set<String> drawn = new LinkedHashSet<>();
    Set<String> inserted = new LinkedHashSet<>();
    for (OperationSpec op : scenario.workload().operations()) {
      for (ParamSpec p : op.params().values()) {
        if ("existingKey".equals(p.kind())) {
          drawn.add(p.table());
        } else if ("newKey".equals(p.kind())) {
          inserted.add(p.table());
        }
      }
    }
    Set<String> tables = new LinkedHashSet<>(drawn);
    tables.addAll(inserted);
    Map<String, KeySpace> keys = new LinkedHashMap<>();
    if (tables.isEmpty()) {
      return keys;
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    scenario.dataset().tables().forEach(t -> rows.put(t.name(), t.rows()));
    seeded.seed().tables().forEach(t -> rows.put(t.name(), t.rows()));
    try (Connection c = ScratchDatabase.connect(seeded.database().target(), ApplicationNames.ADMIN)) {
      for (String table : tables) {
        long start = System.nanoTime();
        KeySpace space = SeededKeys.read(c, table, rows.getOrDefault(table, 0L), seed, SeededKeys.MAX_SAMPLE,
            inserted.contains(table));
        keys.put(table, space);
        console.say("  keys of %s: %s%s (%.1f s)", table, space.describe(), newKeys(space, inserted.contains(table)),
            (System.nanoTime() - start) / 1e9);
      }
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(seeded.database().target(), e);
    }
    return keys;
  }

  private static String newKeys(KeySpace space, boolean inserted) {
    if (!inserted) {
      return "";
    }
    if (space instanceof KeySpace.Sampled s) {
      if (s.newKeys() instanceof KeySpace.NewKeys.Prefixed p) {
        return "; new keys " + p.prefix() + "1, " + p.prefix() + "2, ..."
            + (p.maxLength() == null ? "" : " (at most " + p.maxLength() + " characters)");
      }
      if (s.newKeys() instanceof KeySpace.NewKeys.RandomUuids) {
        return "; new keys random v4 uuids";
      }
      if (s.newKeys() instanceof KeySpace.NewKeys.After a) {
        return String.format("; new keys from %,d", a.max() + 1);
      }
    }
    return space instanceof KeySpace.Dense d ? String.format("; new keys from %,d", Math.max(d.max(), 0) + 1) : "";
  }
}
