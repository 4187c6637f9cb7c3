package dev.rehearsal.harness.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.scenario.LiquibaseSpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint of a Liquibase history the seed cache keys on; no server. */
class LiquibaseHistoryTest {

  @TempDir Path dir;
  private Scenario scenario;

  @BeforeEach
  void history() throws IOException {
    write("db/changelog.xml", "<databaseChangeLog/>");
    write("db/changes/001.sql", "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id int);\n");
    scenario = ScenarioLoader.parse("""
        name: s
        schema:
          liquibase: {changelog: db/changelog.xml, toTag: v1}
        workload:
          rate: 1
          operations: [{name: read, weight: 1, sql: SELECT 1}]
        strategies: [{name: s, steps: [{sql: SELECT 1}]}]
        """, "s.yaml", dir);
  }

  @Test
  void changelogFileIsResolvedAgainstTheScenario() {
    assertThat(LiquibaseHistory.changelogFile(scenario, scenario.schema().liquibase()))
        .isEqualTo(dir.resolve("db/changelog.xml").toAbsolutePath().normalize());
  }

  @Test
  void fingerprintIsStableHex() {
    assertThat(fingerprint()).matches("[0-9a-f]{64}").isEqualTo(fingerprint());
  }

  @Test
  void fingerprintChangesWithAnIncludedFileAndTheSelection() throws IOException {
    LiquibaseSpec spec = scenario.schema().liquibase();
    String before = fingerprint();
    String byCount = LiquibaseHistory.fingerprint(scenario, new LiquibaseSpec(spec.changelog(), null, 1, null, null));
    String byContext = LiquibaseHistory.fingerprint(scenario,
        new LiquibaseSpec(spec.changelog(), spec.toTag(), null, "prod", null));
    write("db/changes/001.sql", "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id bigint);\n");
    String changed = fingerprint();

    assertThat(List.of(before, byCount, byContext, changed)).doesNotHaveDuplicates();
  }

  private String fingerprint() {
    return LiquibaseHistory.fingerprint(scenario, scenario.schema().liquibase());
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
