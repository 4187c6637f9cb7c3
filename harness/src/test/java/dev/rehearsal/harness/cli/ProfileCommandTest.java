package dev.rehearsal.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code rehearse profile}'s options, refused before any connection: exit 2 with the fix. */
class ProfileCommandTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:1/app?user=nobody";

  @Test
  void badOptionsAreExitTwoWithTheFix() {
    assertThat(CapturedRun.of("profile").exit()).isEqualTo(2);
    CapturedRun top = CapturedRun.of("profile", URL, "--top", "0");
    assertThat(top.exit()).isEqualTo(2);
    assertThat(top.stderr()).contains("--top 0: must be at least 1").contains("fix:");
    CapturedRun scale = CapturedRun.of("profile", URL, "--rows-scale", "-1");
    assertThat(scale.exit()).isEqualTo(2);
    assertThat(scale.stderr()).contains("--rows-scale");
    CapturedRun mode = CapturedRun.of("profile", URL, "--workload", "maybe");
    assertThat(mode.exit()).isEqualTo(2);
    assertThat(mode.stderr()).contains("use auto, required or none");
    CapturedRun two = CapturedRun.of("profile", URL, URL);
    assertThat(two.exit()).isEqualTo(2);
    assertThat(two.stderr()).contains("two only with --check");
    CapturedRun check = CapturedRun.of("profile", "--check", URL);
    assertThat(check.exit()).isEqualTo(2);
    assertThat(check.stderr()).contains("--check needs two URLs");
    CapturedRun checkScale = CapturedRun.of("profile", "--check", URL, URL, "--rows-scale", "0");
    assertThat(checkScale.exit()).isEqualTo(2);
    assertThat(checkScale.stderr()).contains("--rows-scale 0.0: must be greater than 0").contains("fix:");
    CapturedRun notJdbc = CapturedRun.of("profile", "postgres://host/app");
    assertThat(notJdbc.exit()).isEqualTo(2);
    assertThat(notJdbc.stderr()).contains("not a PostgreSQL JDBC URL").contains("fix: jdbc:postgresql://");
  }

  @Test
  void anUnreachableServerIsExitTwo() {
    CapturedRun run = CapturedRun.of("profile", URL);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).contains("cannot connect").contains("fix: check host and port");
    assertThat(run.stdout()).isEmpty();
  }
}
