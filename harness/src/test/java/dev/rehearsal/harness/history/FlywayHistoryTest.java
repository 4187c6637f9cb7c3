package dev.rehearsal.harness.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.scenario.FlywaySpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Flyway configured from a scenario, and the fingerprint the seed cache keys on; no server. */
class FlywayHistoryTest {

  @TempDir Path dir;
  private Scenario scenario;

  @BeforeEach
  void history() throws IOException {
    write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint);");
    write("db/migration/V2__status.sql", "ALTER TABLE users ADD COLUMN status text;");
    write("db/data/V1_1__fill.sql", "INSERT INTO users VALUES (1);");
    scenario = ScenarioLoader.parse("""
        name: s
        schema:
          flyway: {locations: [db/migration, db/data], target: "2", placeholders: {schema: public}}
        workload:
          rate: 1
          operations: [{name: read, weight: 1, sql: SELECT 1}]
        strategies: [{name: s, steps: [{sql: SELECT 1}]}]
        """, "s.yaml", dir);
  }

  @Test
  void locationsAreAbsoluteDirectoriesOfTheScenarioClasspathKept() {
    FlywaySpec spec = new FlywaySpec(List.of("db/migration", "classpath:db/x"), "2", Map.of("schema", "app"));
    FluentConfiguration config = FlywayHistory.configure(scenario, spec, new PGSimpleDataSource());

    assertThat(Arrays.stream(config.getLocations()).map(Location::getDescriptor))
        .containsExactlyInAnyOrder("filesystem:" + dir.resolve("db/migration").toAbsolutePath().normalize(), "classpath:db/x");
    assertThat(config.getTarget().getVersion()).isEqualTo("2");
    assertThat(config.getPlaceholders()).containsEntry("schema", "app");
    assertThat(config.isBaselineOnMigrate()).isFalse();
  }

  @Test
  void noTargetMeansEveryVersion() {
    FlywaySpec spec = new FlywaySpec(List.of("db/migration"), null, Map.of());
    assertThat(FlywayHistory.configure(scenario, spec, new PGSimpleDataSource()).getTarget())
        .isEqualTo(MigrationVersion.LATEST);
  }

  @Test
  void fingerprintIsStableHex() {
    String first = fingerprint();
    assertThat(first).matches("[0-9a-f]{64}").isEqualTo(fingerprint());
  }

  @Test
  void fingerprintChangesWithAnyMigrationFile() throws IOException {
    String before = fingerprint();
    write("db/data/V1_1__fill.sql", "INSERT INTO users VALUES (2);");
    String changed = fingerprint();
    write("db/data/V3__later.sql", "SELECT 1;");
    String added = fingerprint();

    assertThat(List.of(before, changed, added)).doesNotHaveDuplicates();
  }

  @Test
  void fingerprintChangesWithTargetAndPlaceholders() {
    FlywaySpec spec = scenario.schema().flyway();
    String base = fingerprint();
    String target = FlywayHistory.fingerprint(scenario, new FlywaySpec(spec.locations(), "1", spec.placeholders()));
    String placeholder = FlywayHistory.fingerprint(scenario,
        new FlywaySpec(spec.locations(), spec.target(), Map.of("schema", "app")));

    assertThat(List.of(base, target, placeholder)).doesNotHaveDuplicates();
  }

  private String fingerprint() {
    return FlywayHistory.fingerprint(scenario, scenario.schema().flyway());
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
