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
        .isEqualTo("demo\npgbench\npgbench-tpcb\n");
    assertThatThrownBy(() -> ScenarioFiles.read(demo, "nothing.sql"))
        .hasMessage("builtin:demo: scenario 'demo' refers to file 'nothing.sql', which was not "
            + "found\n  fix: looked for classpath resource "
            + "/dev/rehearsal/scenario/builtin/nothing.sql; paths are relative to the scenario file");
  }

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
