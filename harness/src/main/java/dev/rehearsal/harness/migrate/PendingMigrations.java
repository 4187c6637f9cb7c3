package dev.rehearsal.harness.migrate;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.FlywayMigrations;
import dev.rehearsal.scenario.FlywayMigrations.Migration;
import dev.rehearsal.scenario.FlywaySpec;
import dev.rehearsal.scenario.FlywayVersion;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a flyway step will find pending, read from the migration files before anything starts:
 * the versions after what the scenario's schema applied (its {@code schema.flyway.target}, or
 * every version of its locations), up to the step's own target, and the repeatable migrations
 * whose text differs from the one the schema applied. A step with nothing pending is bad input:
 * rehearsing it would measure nothing.
 */
final class PendingMigrations {

  private static final String CLASSPATH = "classpath:";
  private static final String FILESYSTEM = "filesystem:";

  private PendingMigrations() {}

  static FlywayStepPlan plan(Scenario scenario, FlywaySpec step, String label) {
    FlywaySpec schema = scenario.schema().flyway();
    List<String> locations = step.locations().stream().map(l -> ScenarioFiles.flywayLocation(scenario, l)).toList();
    Map<String, String> placeholders = step.placeholders().isEmpty() && schema != null
        ? schema.placeholders() : step.placeholders();
    List<String> schemaLocations = schema == null ? List.of()
        : schema.locations().stream().map(l -> ScenarioFiles.flywayLocation(scenario, l)).toList();
    boolean known = onDisk(locations) && onDisk(schemaLocations);
    if (!known) {
      return new FlywayStepPlan(locations, placeholders, step.target(), List.of(), false);
    }
    List<Migration> applied = schema == null ? List.of() : appliedBy(schema, directories(schemaLocations));
    FlywayVersion lastApplied = applied.stream().filter(m -> !m.repeatable()).map(Migration::version)
        .max(FlywayVersion::compareTo).orElse(null);
    FlywayVersion stepTarget = version(step.target());
    List<Migration> found = FlywayMigrations.scan(directories(locations));
    List<Migration> pending = found.stream()
        .filter(m -> m.repeatable() ? applied.stream().noneMatch(a -> sameRepeatable(a, m))
            : (lastApplied == null || m.version().compareTo(lastApplied) > 0)
                && (stepTarget == null || m.version().compareTo(stepTarget) <= 0))
        .toList();
    if (pending.isEmpty()) {
      throw nothingPending(label, step, schema, lastApplied, found);
    }
    return new FlywayStepPlan(locations, placeholders, step.target(), pending, true);
  }

  /** The migrations the schema's history applied: versions up to its target, and its repeatable ones. */
  private static List<Migration> appliedBy(FlywaySpec schema, List<Path> directories) {
    FlywayVersion target = version(schema.target());
    return FlywayMigrations.scan(directories).stream()
        .filter(m -> m.repeatable() || target == null || m.version().compareTo(target) <= 0).toList();
  }

  /** A target as a version; null for none, or Flyway's {@code latest}. */
  private static FlywayVersion version(String target) {
    return target == null || target.equals("latest") ? null : FlywayVersion.parse(target).orElseThrow();
  }

  private static boolean sameRepeatable(Migration applied, Migration candidate) {
    return applied.repeatable() && applied.description().equals(candidate.description())
        && Objects.equals(text(applied.file()), text(candidate.file()));
  }

  private static String text(Path file) {
    try {
      return Files.readString(file).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean onDisk(List<String> locations) {
    return locations.stream().noneMatch(l -> l.startsWith(CLASSPATH));
  }

  private static List<Path> directories(List<String> locations) {
    return locations.stream().map(l -> Path.of(l.substring(FILESYSTEM.length()))).toList();
  }

  private static BadInputException nothingPending(String label, FlywaySpec step, FlywaySpec schema,
      FlywayVersion lastApplied, List<Migration> found) {
    String versions = found.isEmpty() ? "no SQL migrations"
        : "versions " + found.stream().filter(m -> !m.repeatable()).map(m -> m.version().toString()).toList()
            + (found.stream().anyMatch(Migration::repeatable) ? " and repeatable ones unchanged from the schema's" : "");
    String after = lastApplied == null ? "" : " after version " + lastApplied
        + (schema.target() != null ? " (schema.flyway.target " + schema.target() + ")" : " (every version of the schema's locations)");
    return new BadInputException(label + ": flyway " + step.locations() + " has nothing pending" + after
        + ": it holds " + versions + (step.target() != null ? ", and the step's target is " + step.target() : "")
        + "\n  fix: point the step at the migrations production has not applied yet, or set schema.flyway.target"
        + " to the version production runs");
  }
}
