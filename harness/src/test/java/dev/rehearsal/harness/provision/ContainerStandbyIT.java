package dev.rehearsal.harness.provision;

import static dev.rehearsal.harness.provision.EmbeddedProviderIT.scalar;
import static dev.rehearsal.harness.provision.EmbeddedProviderIT.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * A standby of a container server: a second container of the same image streaming from the first
 * (see ../shared/testing/docker-postgres.sh on machines without a registry). Skipped, with the
 * reason, where Docker does not answer. One server, a few seconds.
 */
class ContainerStandbyIT {

  private static final int ROWS = 100_000;

  /** Per test, so that it is reported as skipped with the reason rather than silently absent. */
  @BeforeEach
  void requireDocker() {
    ContainerProviderIT.assumeDocker("the container standby's test is skipped");
  }

  @Test
  void aSecondContainerStreamsThePrimarysWritesAndBothGoOnClose() throws Exception {
    DockerClient docker = DockerClientFactory.instance().client();
    List<String> said = new ArrayList<>();
    String primaryId;
    String standbyId;
    try (PostgresServer server = new ContainerProvider(null, 15, said::add).start(Map.of("max_connections", "40"))) {
      primaryId = ((ContainerProvider.Server) server).containerId();
      long t0 = System.nanoTime();
      DatabaseTarget standby = server.startStandby(Map.of(), Duration.ofMillis(500));
      System.out.printf("standby streaming after %.1f s (base backup and start)%n", (System.nanoTime() - t0) / 1e9);
      standbyId = ((ContainerProvider.Server) server).standbyContainerId();
      assertThat(standbyId).isNotEqualTo(primaryId);
      // labelled like the primary, so that a killed rehearsal's standby is removed the same way
      assertThat(docker.inspectContainerCmd(standbyId).exec().getConfig().getLabels())
          .containsEntry(ContainerProvider.LABEL, ContainerProvider.LABEL_VALUE)
          .containsEntry(ContainerProvider.OWNER_PID_LABEL, Long.toString(OwnerProcess.pid()));

      assertThat(scalar(standby, "SELECT pg_is_in_recovery()")).isEqualTo("t");
      assertThat(show(standby, "max_connections")).isEqualTo("40");
      assertThat(show(standby, "recovery_min_apply_delay")).isEqualTo("500ms");
      assertThat(scalar(server.adminTarget(), "SELECT application_name || ' ' || state FROM pg_stat_replication"))
          .isEqualTo(Standbys.APPLICATION_NAME + " streaming");

      try (Connection c = DriverManager.getConnection(server.adminTarget().jdbcUrl(), server.adminTarget().user(),
          server.adminTarget().password()); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (id int PRIMARY KEY, pad text)");
        st.execute("INSERT INTO t SELECT g, repeat('x', 100) FROM generate_series(1, " + ROWS + ") g");
      }
      long written = System.nanoTime();
      String lag = scalar(server.adminTarget(), "SELECT coalesce(write_lag::text, '-') || ' write, '"
          + " || coalesce(replay_lag::text, '-') || ' replay, '"
          + " || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) || ' bytes to replay' FROM pg_stat_replication");
      System.out.println("right after the insert, pg_stat_replication: " + lag);

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!Integer.toString(ROWS).equals(rowsOnStandby(standby)) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long caughtUpMs = (System.nanoTime() - written) / 1_000_000;
      assertThat(scalar(standby, "SELECT count(*) FROM t")).isEqualTo(Integer.toString(ROWS));
      assertThat(scalar(server.adminTarget(), "SELECT count(*) FROM t")).isEqualTo(Integer.toString(ROWS));
      // the standby applies commits 500 ms late: it cannot have caught up sooner
      assertThat(caughtUpMs).isGreaterThanOrEqualTo(400);
      System.out.println("standby caught up " + caughtUpMs + " ms after the insert (" + ROWS + " rows, "
          + "applying 500 ms late); then pg_stat_replication: " + scalar(server.adminTarget(),
              "SELECT coalesce(write_lag::text, '-') || ' write, ' || coalesce(replay_lag::text, '-') || ' replay' "
                  + "FROM pg_stat_replication"));
      assertThat(scalar(standby, "SELECT pg_is_in_recovery()")).isEqualTo("t");
    }
    assertThatThrownBy(() -> docker.inspectContainerCmd(standbyId).exec()).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> docker.inspectContainerCmd(primaryId).exec()).isInstanceOf(NotFoundException.class);
    assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(ContainerProvider.LABEL,
        ContainerProvider.LABEL_VALUE, ContainerProvider.OWNER_PID_LABEL, Long.toString(OwnerProcess.pid())))
        .exec()).as("containers of this run left after close").isEmpty();
    assertThat(said).as("nothing that could not be removed").noneMatch(line -> line.contains("could not"));
  }

  /** The rows of t on the standby, or "none" while the standby has not yet replayed its CREATE TABLE. */
  private static String rowsOnStandby(DatabaseTarget standby) throws Exception {
    try {
      return scalar(standby, "SELECT count(*) FROM t");
    } catch (java.sql.SQLException e) {
      if ("42P01".equals(e.getSQLState())) { // undefined_table: applied 500 ms late, the table is not there yet
        return "none";
      }
      throw e;
    }
  }
}
