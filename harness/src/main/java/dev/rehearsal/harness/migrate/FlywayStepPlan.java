package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.FlywayMigrations;
import java.util.List;
import java.util.Map;

/**
 * A flyway step made ready: its locations as Flyway takes them, and what will be pending.
 *
 * @param locations {@code filesystem:<absolute path>} or {@code classpath:...}
 * @param placeholders the step's own, else the schema's
 * @param target the last version to apply; null for every pending one
 * @param pending the migrations the step's directories hold beyond what the schema applied, in
 *     Flyway's order; what Flyway will find pending, read from the files before any server starts
 * @param pendingKnown false when a classpath location hides some migrations from that reading
 */
public record FlywayStepPlan(List<String> locations, Map<String, String> placeholders, String target,
    List<FlywayMigrations.Migration> pending, boolean pendingKnown) {

  public FlywayStepPlan {
    locations = List.copyOf(locations);
    placeholders = Map.copyOf(placeholders);
    pending = List.copyOf(pending);
  }
}
