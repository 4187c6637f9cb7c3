package dev.rehearsal.harness.run;

import dev.rehearsal.harness.Console;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.seed.SeedCache;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed once, rehearse many: the second rehearsal of unchanged data clones the cached template —
 * also after the embedded server was stopped and started again — instead of seeding, and gets
 * identical data; a different seed or --fresh seeds again.
 */
class SeedCacheIT {

  @TempDir
  Path cacheRoot;

  static String scalar(DatabaseTarget target, String sql) throws SQLException {
    try (Connection c = ScratchDatabase.connect(target, "rehearsal-test");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static RunOptions options(long seed, Path cache) {
    return new RunOptions(null, "embedded", EmbeddedBinaries.DEFAULT_MAJOR, null, 30_000L, null, 2, null, seed,
        Path.of("unused"), cache, false, false);
  }

  @Test
  void unchangedDataIsClonedFromTheCacheAcrossServerRestarts() throws Exception {
    Scenario demo = DatasetScaling.apply(ScenarioLoader.builtin("demo"), 30_000L, null);
    SeedCache cache = new SeedCache(cacheRoot, EmbeddedBinaries.DEFAULT_MAJOR);
    String content = "SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) FROM users u";
    Console quiet = Console.silent();
    String firstContent;
    String fingerprint;

    try (PostgresServer server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR, cache.dataDirectory()).start(Map.of())) {
      try (SeededDatabase first = SeededDatabase.throughCache(demo, options(42, cacheRoot), server, cache, false, quiet)) {
        assertThat(first.info(42).fromCache()).isFalse();
        assertThat(first.database().name()).startsWith("rehearsal_2");
        firstContent = scalar(first.database().target(), content);
        fingerprint = first.seed().fingerprint();
        assertThat(scalar(first.database().target(), "SELECT count(*) FROM users")).isEqualTo("30000");
      }
      try (SeededDatabase second = SeededDatabase.throughCache(demo, options(42, cacheRoot), server, cache, false, quiet)) {
        assertThat(second.info(42).fromCache()).isTrue();
        assertThat(second.info(42).cloneMillis()).isNotNull();
        assertThat(second.seed().fingerprint()).isEqualTo(fingerprint);
        assertThat(scalar(second.database().target(), content)).isEqualTo(firstContent);
        // the clone carries the restored constraints and indexes too
        assertThat(scalar(second.database().target(), "SELECT count(*) FROM pg_indexes WHERE tablename = 'users'"))
            .isEqualTo("2");
      }
    }

    // a new invocation: the server starts on the same data directory and finds the template
    try (PostgresServer server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR, cache.dataDirectory()).start(Map.of())) {
      try (SeededDatabase third = SeededDatabase.throughCache(demo, options(42, cacheRoot), server, cache, false, quiet)) {
        assertThat(third.info(42).fromCache()).isTrue();
        assertThat(scalar(third.database().target(), content)).isEqualTo(firstContent);
      }
      try (SeededDatabase otherSeed = SeededDatabase.throughCache(demo, options(43, cacheRoot), server, cache, false, quiet)) {
        assertThat(otherSeed.info(43).fromCache()).isFalse();
        assertThat(otherSeed.seed().fingerprint()).isNotEqualTo(fingerprint);
      }
      try (SeededDatabase fresh = SeededDatabase.throughCache(demo, options(42, cacheRoot), server, cache, true, quiet)) {
        assertThat(fresh.info(42).fromCache()).isFalse();
        assertThat(fresh.seed().fingerprint()).isEqualTo(fingerprint);
      }
      // clones are dropped after use; only the two templates (seed 42 and 43) remain
      assertThat(scalar(server.adminTarget(), "SELECT count(*) FROM pg_database WHERE datname LIKE 'rehearsal%'"))
          .isEqualTo("2");
    }
  }
}
