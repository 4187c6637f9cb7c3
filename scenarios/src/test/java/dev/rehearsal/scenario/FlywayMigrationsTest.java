package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlywayMigrationsTest {

  @TempDir Path dir;

  @Test
  void versionsRunInFlywaysOrderAndRepeatableOnesLast() throws IOException {
    for (String name : List.of("V100__late.sql", "R__view.sql", "V19__next.sql", "V18_1__backfill.sql",
        "V18__index.sql", "V9__early.sql", "R__audit.sql", "notes.txt", "V2__missing_separator.txt")) {
      Files.writeString(dir.resolve(name), "SELECT 1;");
    }
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/V18_2__nested.sql"), "SELECT 1;");

    assertThat(FlywayMigrations.scan(List.of(dir))).extracting(FlywayMigrations.Migration::script).containsExactly(
        "V9__early.sql", "V18__index.sql", "V18_1__backfill.sql", "V18_2__nested.sql", "V19__next.sql",
        "V100__late.sql", "R__audit.sql", "R__view.sql");
  }

  @Test
  void aFileNameIsAMigrationOnlyAsFlywayNamesThem() {
    assertThat(FlywayMigrations.parse(Path.of("V18.1__add_status.sql")).version()).hasToString("18.1");
    assertThat(FlywayMigrations.parse(Path.of("V18.1__add_status.sql")).description()).isEqualTo("add status");
    assertThat(FlywayMigrations.parse(Path.of("R__view.sql")).repeatable()).isTrue();
    assertThat(FlywayMigrations.parse(Path.of("001-add.sql"))).isNull();
    assertThat(FlywayMigrations.parse(Path.of("V1_add.sql"))).isNull();
    assertThat(FlywayMigrations.parse(Path.of("R1__view.sql"))).isNull();
    assertThat(FlywayMigrations.parse(Path.of("Vx__bad.sql"))).isNull();
  }

  @Test
  void aDirectoryOfFlywayNamedScriptsRunsInVersionOrderAnotherByName() {
    List<Path> flyway = List.of(Path.of("V18.1__b.sql"), Path.of("V18__a.sql"), Path.of("V2__c.sql"));
    assertThat(ScenarioFiles.runOrder(flyway)).extracting(Path::toString)
        .containsExactly("V2__c.sql", "V18__a.sql", "V18.1__b.sql");
    List<Path> mixed = List.of(Path.of("V18.1__b.sql"), Path.of("V18__a.sql"), Path.of("readme.sql"));
    assertThat(ScenarioFiles.runOrder(mixed)).isEqualTo(mixed);
  }
}
