package dev.rehearsal.harness.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The poller against a real index build on 500k narrow rows (a few seconds in all): polled every
 * 100 ms with no quiet period, it reports the index by name with a phase and counts of a total.
 */
class IndexBuildProgressIT {

  @Test
  void aRunningBuildIsReportedWithItsIndexPhaseAndCounts() throws Exception {
    try (PostgresServer server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR)
        .start(Map.of("maintenance_work_mem", "16MB", "max_parallel_maintenance_workers", "0"));
        ScratchDatabase db = ScratchDatabase.create(server)) {
      try (Connection c = ScratchDatabase.connect(db.target(), "rehearsal-test"); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE narrow AS SELECT md5(g::text) AS k FROM generate_series(1, 500000) g");
        List<String> printed = new CopyOnWriteArrayList<>();
        SeedProgress progress = SeedProgress.lines(printed::add, 0);
        try (IndexBuildProgress watch = IndexBuildProgress.start(db.target(), progress, 0, 100)) {
          st.execute("CREATE INDEX narrow_k_idx ON narrow (k)");
        }
        assertThat(printed).isNotEmpty();
        assertThat(printed).allMatch(l -> l.startsWith("  index narrow_k_idx on narrow, "));
        assertThat(printed).anyMatch(l -> l.matches(".*: building index: .*, [0-9,.M]+ of [0-9,.M]+ (blocks|tuples) \\(\\d+%\\).*"));
        printed.subList(Math.max(0, printed.size() - 3), printed.size()).forEach(System.out::println);
      }
    }
  }
}
