package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios whose schema and migration steps live in files next to the scenario file. */
class ScenarioFilesTest {

  private static final String WITH_FILES = """
      name: from-files
      schema:
        file: schema.sql
      workload:
        rate: 10
        operations:
          - {name: read, weight: 1, sql: SELECT 1}
      strategies:
        - name: expand
          steps:
            - file: migrations/001-add.sql
            - sql: ANALYZE t
      """;

  @TempDir Path dir;

  @Test
  void referencedFilesResolveRelativeToTheScenarioFile() throws IOException {
    Path scenarioFile = write("scenarios/rehearsal.yaml", WITH_FILES);
    write("scenarios/schema.sql", "CREATE TABLE t (id bigint);");
    write("scenarios/migrations/001-add.sql", "ALTER TABLE t ADD COLUMN x int;");

    Scenario scenario = ScenarioLoader.load(scenarioFile);

    assertThat(scenario.source()).isEqualTo(scenarioFile.toString());
    assertThat(scenario.baseDirectory()).isEqualTo(dir.resolve("scenarios"));
    assertThat(ScenarioFiles.read(scenario, scenario.schema().file()))
        .isEqualTo("CREATE TABLE t (id bigint);");
    assertThat(ScenarioFiles.read(scenario, scenario.strategies().get(0).steps().get(0).file()))
        .isEqualTo("ALTER TABLE t ADD COLUMN x int;");
  }

  @Test
  void resolveLoadsAPathThatIsNotABuiltInName() throws IOException {
    write("schema.sql", "CREATE TABLE t (id bigint);");
    write("migrations/001-add.sql", "ALTER TABLE t ADD COLUMN x int;");
    Path scenarioFile = write("rehearsal.yaml", WITH_FILES);

    assertThat(ScenarioLoader.resolve(scenarioFile.toString()).name()).isEqualTo("from-files");
  }

  @Test
  void readingAFileThatDisappearedAfterLoadingNamesFileAndScenario() throws IOException {
    write("schema.sql", "CREATE TABLE t (id bigint);");
    write("migrations/001-add.sql", "ALTER TABLE t ADD COLUMN x int;");
    Scenario scenario = ScenarioLoader.load(write("rehearsal.yaml", WITH_FILES));

    assertThatThrownBy(() -> ScenarioFiles.read(scenario, "migrations/002-drop.sql"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(dir.resolve("rehearsal.yaml") + ": scenario 'from-files' refers to file "
            + "'migrations/002-drop.sql', which was not found\n"
            + "  fix: looked for " + dir.resolve("migrations/002-drop.sql")
            + "; paths are relative to the scenario file");
  }

  @Test
  void builtInScenariosReadTheirFilesFromTheClasspath() {
    Scenario demo = ScenarioLoader.builtin("demo");

    assertThat(ScenarioFiles.read(demo, "index.txt"))
        .isEqualTo(String.join("\n", ScenarioLoaderTest.BUILTINS) + "\n");
    assertThatThrownBy(() -> ScenarioFiles.read(demo, "nothing.sql"))
        .hasMessage("builtin:demo: scenario 'demo' refers to file 'nothing.sql', which was not "
            + "found\n  fix: looked for classpath resource "
            + "/dev/rehearsal/scenario/builtin/nothing.sql; paths are relative to the scenario file");
  }

  @Test
  void scriptsOfASingleFile() throws IOException {
    write("schema.sql", "CREATE TABLE t (id bigint);");
    write("migrations/001-add.sql", "ALTER TABLE t ADD COLUMN x int;");
    Scenario scenario = ScenarioLoader.load(write("rehearsal.yaml", WITH_FILES));

    assertThat(ScenarioFiles.scripts(scenario, "migrations/001-add.sql")).containsExactly(
        new ScenarioFiles.Script("migrations/001-add.sql", "ALTER TABLE t ADD COLUMN x int;"));
  }

  @Test
  void scriptsOfADirectoryAreItsSqlFilesInNameOrder() throws IOException {
    write("schema.sql", "CREATE TABLE t (id bigint);");
    write("migrations/001-add.sql", "ALTER TABLE t ADD COLUMN x int;");
    write("migrations/010-index.sql", "CREATE INDEX CONCURRENTLY t_x ON t (x);");
    write("migrations/002-backfill.sql", "UPDATE t SET x = 0;");
    write("migrations/README.md", "not SQL");
    write("migrations/old/000-skip.sql", "subdirectories are not read");
    Scenario scenario = ScenarioLoader.load(write("rehearsal.yaml",
        WITH_FILES.replace("file: migrations/001-add.sql", "file: migrations/")));

    assertThat(scenario.strategies().get(0).steps().get(0).file()).isEqualTo("migrations/");
    assertThat(ScenarioFiles.scripts(scenario, "migrations/")).containsExactly(
        new ScenarioFiles.Script(Path.of("migrations", "001-add.sql").toString(),
            "ALTER TABLE t ADD COLUMN x int;"),
        new ScenarioFiles.Script(Path.of("migrations", "002-backfill.sql").toString(),
            "UPDATE t SET x = 0;"),
        new ScenarioFiles.Script(Path.of("migrations", "010-index.sql").toString(),
            "CREATE INDEX CONCURRENTLY t_x ON t (x);"));
  }

  @Test
  void scriptsOfADirectoryThatLostItsSqlFilesAfterLoading() throws IOException {
    write("schema.sql", "CREATE TABLE t (id bigint);");
    write("migrations/001-add.sql", "ALTER TABLE t ADD COLUMN x int;");
    Scenario scenario = ScenarioLoader.load(write("rehearsal.yaml",
        WITH_FILES.replace("file: migrations/001-add.sql", "file: migrations")));
    Files.delete(dir.resolve("migrations/001-add.sql"));

    assertThatThrownBy(() -> ScenarioFiles.scripts(scenario, "migrations"))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(dir.resolve("rehearsal.yaml") + ": scenario 'from-files' refers to directory "
            + "'migrations', which has no .sql files\n"
            + "  fix: put the step's scripts in " + dir.resolve("migrations")
            + " as *.sql files; they run in name order");
  }

  @Test
  void scriptsOfABuiltInScenarioAreTheOneClasspathResource() {
    Scenario demo = ScenarioLoader.builtin("demo");

    assertThat(ScenarioFiles.scripts(demo, "index.txt")).containsExactly(
        new ScenarioFiles.Script("index.txt", String.join("\n", ScenarioLoaderTest.BUILTINS) + "\n"));
  }

  @Test
  void flywayLocations() throws IOException {
    write("schema.sql", "CREATE TABLE t (id bigint);");
    write("scenarios/db/migration/V1__add.sql", "ALTER TABLE t ADD COLUMN x int;");
    Scenario scenario = ScenarioLoader.load(write("scenarios/rehearsal.yaml",
        WITH_FILES.replace("file: schema.sql", "file: ../schema.sql")
            .replace("file: migrations/001-add.sql", "flyway: ./db/../db/migration")));

    assertThat(scenario.strategies().get(0).steps().get(0).flyway())
        .isEqualTo(FlywaySpec.location("./db/../db/migration"));
    assertThat(ScenarioFiles.flywayLocation(scenario, "./db/../db/migration"))
        .isEqualTo("filesystem:" + dir.resolve("scenarios/db/migration").toAbsolutePath());
    assertThat(ScenarioFiles.flywayLocation(scenario, "classpath:db/migration"))
        .isEqualTo("classpath:db/migration");
    assertThatThrownBy(() -> ScenarioFiles.flywayLocation(ScenarioLoader.builtin("demo"),
        "db/migration"))
        .hasMessage("builtin:demo: built-in scenario 'demo' names Flyway location "
            + "'db/migration', which is not on the classpath\n"
            + "  fix: built-in scenarios name their Flyway migrations with classpath:...");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
