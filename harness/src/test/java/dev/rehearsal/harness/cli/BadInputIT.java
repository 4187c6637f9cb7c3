package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.PostgresProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input found only once the harness has started its own embedded server: still exit 2 with
 * what, where and how to fix it — and nothing left running (no server this JVM started, the
 * harness's own scratch data gone with its server; other servers on the machine do not count). The catalogue of every bad input, on a
 * shared server, is {@link BadInputCasesIT}.
 */
class BadInputIT {

  @TempDir
  Path dir;

  /** The rehearsals run in this JVM: it starts their servers. */
  private static final Set<Long> LAUNCHER = Set.of(ProcessHandle.current().pid());

  private String stderr;
  private Set<Long> serversBefore;

  @BeforeEach
  void rememberServers() {
    serversBefore = PostgresProcesses.postmastersStartedBy(LAUNCHER);
  }

  @AfterEach
  void nothingLeftRunning() throws InterruptedException {
    PostgresProcesses.assertNoServerBeyond(serversBefore, LAUNCHER, "after bad input");
  }

  private int run(String... args) {
    CapturedRun run = CapturedRun.of(args);
    stderr = run.stderr();
    return run.exit();
  }

  private Path scenario(String from, String to) throws Exception {
    Path source = Path.of("src", "test", "resources", "scenarios", "stop-test.yaml");
    String yaml = Files.readString(source);
    assertThat(yaml).contains(from);
    return Files.writeString(dir.resolve("bad.yaml"), yaml.replace(from, to));
  }

  @Test
  void aSchemaErrorDuringSeedingNamesTheStatementAndTheServersMessage() throws Exception {
    Path bad = scenario("login_count integer NOT NULL,", "login_count integr NOT NULL,");
    assertThat(run("run", bad.toString(), "--postgres", "embedded", "--no-seed-cache", "--out",
        dir.resolve("out").toString())).isEqualTo(2);
    assertThat(stderr).contains("schema DDL failed: ERROR: type \"integr\" does not exist", "SQLSTATE 42704",
        "fix: correct the schema");
  }

  @Test
  void moreRowsThanTheDiskHoldsIsRefusedBeforeTheFirstRow() {
    assertThat(run("run", "demo", "--postgres", "embedded", "--no-seed-cache", "--rows", "50000000000", "--out",
        dir.resolve("out").toString())).isEqualTo(2);
    assertThat(stderr).containsPattern("the dataset needs about [0-9.]+ GB on the server's disk \\(its copies and the WAL written while loading\\), but only")
        .contains("fix: lower --rows or --scale");
  }
}
