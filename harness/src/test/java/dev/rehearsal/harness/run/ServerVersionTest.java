package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** --pg-version, the scenario's server.version and the default: which major runs, and what is said. */
class ServerVersionTest {

  private final ByteArrayOutputStream said = new ByteArrayOutputStream();
  private final Console console = new Console(new PrintStream(said, true, StandardCharsets.UTF_8), false);

  static Scenario scenario(String server) {
    return ScenarioLoader.parse("name: v\n" + server + """
        schema:
          sql: CREATE TABLE t (id bigint PRIMARY KEY);
        workload:
          rate: 10
          operations:
            - name: read
              weight: 1
              sql: SELECT 1
        strategies:
          - name: naive
            steps:
              - sql: SELECT 1
        """, "v.yaml", null);
  }

  private static RunOptions options(String postgres, Integer pgVersion) {
    return new RunOptions(null, postgres, pgVersion, null, null, null, 1, null, 1, Path.of("out"), null, false, false);
  }

  private String said() {
    return said.toString(StandardCharsets.UTF_8);
  }

  @Test
  void nothingPinnedNothingAskedRunsTheDefault() {
    assertThat(ServerVersion.toRun(scenario(""), options("embedded", null), console))
        .isEqualTo(EmbeddedBinaries.DEFAULT_MAJOR);
    assertThat(said()).isEmpty();
  }

  @Test
  void thePinRunsWhenPgVersionIsNotGiven() {
    assertThat(ServerVersion.toRun(scenario("server:\n  version: 17\n"), options("auto", null), console)).isEqualTo(17);
    assertThat(said()).isEmpty();
  }

  @Test
  void pgVersionOverridesThePinWithAWarningNamingBoth() {
    assertThat(ServerVersion.toRun(scenario("server:\n  version: 15\n"), options("embedded", 18), console))
        .isEqualTo(18);
    assertThat(said()).contains("warning: scenario pins PostgreSQL 15 (production); running 18 as --pg-version asks:"
        + " index builds and locks differ between majors");
  }

  @Test
  void pgVersionEqualToThePinSaysNothing() {
    assertThat(ServerVersion.toRun(scenario("server:\n  version: 17\n"), options(null, 17), console)).isEqualTo(17);
    assertThat(said()).isEmpty();
  }

  @Test
  void anExternalServerOfAnotherMajorIsAWarningNamingBoth() {
    Scenario pinned = scenario("server:\n  version: 15\n");
    assertThat(ServerVersion.externalMismatch(pinned, 15)).isNull();
    assertThat(ServerVersion.externalMismatch(scenario(""), 16)).isNull();
    assertThat(ServerVersion.externalMismatch(pinned, 16)).isEqualTo("scenario pins PostgreSQL 15 (production);"
        + " the server at --postgres runs 16: index builds and locks differ between majors");
    // --pg-version means nothing to a server the harness does not start: no override warning
    ServerVersion.toRun(pinned, options("jdbc:postgresql://db.example/app", 18), console);
    assertThat(said()).isEmpty();
  }
}
