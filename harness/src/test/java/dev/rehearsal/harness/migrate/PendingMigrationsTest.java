package dev.rehearsal.harness.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.scenario.FlywayMigrations;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a flyway step will find pending on top of the schema's history, read from the files alone. */
class PendingMigrationsTest {

  @TempDir Path dir;

  @BeforeEach
  void history() throws IOException {
    write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
    write("db/migration/V2__email.sql", "ALTER TABLE users ADD COLUMN email text;");
    write("db/migration/V3__index.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);");
    write("db/migration/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT id FROM users;");
    write("db/data/V2_1__fill.sql", "UPDATE users SET email = 'x';");
    write("db/data/V3_1__refill.sql", "UPDATE users SET email = 'y';");
  }

  @Test
  void theVersionsAfterTheSchemasTargetAreWhatIsPendingInFlywaysOrder() throws IOException {
    FlywayStepPlan plan = plan("\"2.1\"", "{locations: [db/migration, db/data]}");

    assertThat(plan.pendingKnown()).isTrue();
    assertThat(plan.pending()).extracting(FlywayMigrations.Migration::script)
        .containsExactly("V3__index.sql", "V3_1__refill.sql");
    assertThat(plan.locations()).allMatch(l -> l.startsWith("filesystem:/"));
    assertThat(plan.placeholders()).containsEntry("schema", "public"); // the schema's, as the step has none
  }

  @Test
  void aRepeatableMigrationChangedSinceTheSchemaIsPendingToo() throws IOException {
    write("fixed/V3__index.sql", "CREATE INDEX CONCURRENTLY users_email ON users (email);");
    write("fixed/R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT id, email FROM users;");

    FlywayStepPlan plan = plan("\"2.1\"", "{locations: [fixed]}");

    assertThat(plan.pending()).extracting(FlywayMigrations.Migration::script)
        .containsExactly("V3__index.sql", "R__view.sql");
  }

  @Test
  void nothingPendingIsBadInputNamingTheTargetAndWhatWasFound() {
    assertThatThrownBy(() -> plan("\"3.1\"", "{locations: [db/migration, db/data]}"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("step 1: flyway [db/migration, db/data] has nothing pending after version 3.1 "
            + "(schema.flyway.target 3.1): it holds versions [1, 2, 2.1, 3, 3.1]")
        .hasMessageContaining("fix: point the step at the migrations production has not applied yet");
  }

  @Test
  void theStepsOwnTargetStopsWhereItSays() throws IOException {
    FlywayStepPlan plan = plan("\"2\"", "{locations: [db/migration, db/data], target: \"3\"}");

    assertThat(plan.pending()).extracting(FlywayMigrations.Migration::script)
        .containsExactly("V2_1__fill.sql", "V3__index.sql");
  }

  private FlywayStepPlan plan(String schemaTarget, String step) throws IOException {
    Path file = write("scenario.yaml", """
        name: pending
        schema:
          flyway: {locations: [db/migration, db/data], target: %s, placeholders: {schema: public}}
        dataset:
          tables: [{name: users, rows: 10}]
        workload:
          rate: 1
          operations: [{name: read, weight: 1, sql: SELECT 1}]
        strategies:
          - name: next
            steps:
              - flyway: %s
        """.formatted(schemaTarget, step));
    Scenario scenario = ScenarioLoader.load(file);
    return MigrationPlanner.plan(scenario, scenario.strategies().get(0)).up().get(0).flyway();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
