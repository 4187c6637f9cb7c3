package dev.rehearsal.harness.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.scenario.BackfillSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind the backfill's choice of batch shape (docs/steps.md, "backfill"): the
 * integer range form ({@code key >= lo AND key < lo + n}) against the keyset form (find the batch's
 * end with {@code key > last ORDER BY key LIMIT 1 OFFSET n-1}, then {@code key > last AND key <= end}),
 * each batch its own transaction, on the same 200,000 rows keyed by bigint, and the keyset form on
 * text and uuid keys. Not a test of the harness: a measurement, run on demand:
 *
 * <pre>
 * mvn -o verify -pl harness -am -Dit.test=BackfillShapesIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Drehearsal.measureBackfillShapes=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "rehearsal.measureBackfillShapes", matches = "true")
class BackfillShapesIT {

  static final int ROWS = 200_000;
  static final int BATCH = 1_000;
  static final int ROUNDS = 3;

  @Test
  void measure() throws SQLException {
    try (PostgresServer server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of());
        ScratchDatabase db = ScratchDatabase.create(server);
        Connection c = ScratchDatabase.connect(db.target(), "backfill-shapes")) {
      try (Statement st = c.createStatement()) {
        st.execute("CREATE TABLE ints (id bigint PRIMARY KEY, n integer NOT NULL DEFAULT 0, pad text)");
        st.execute("INSERT INTO ints (id, pad) SELECT g, repeat('x', 60) FROM generate_series(1, " + ROWS + ") g");
        st.execute("CREATE TABLE texts (code text PRIMARY KEY, n integer NOT NULL DEFAULT 0, pad text)");
        st.execute("INSERT INTO texts (code, pad) SELECT md5(g::text), repeat('x', 60) FROM generate_series(1, "
            + ROWS + ") g");
        st.execute("CREATE TABLE uuids (id uuid PRIMARY KEY, n integer NOT NULL DEFAULT 0, pad text)");
        st.execute("INSERT INTO uuids (id, pad) SELECT gen_random_uuid(), repeat('x', 60) FROM generate_series(1, "
            + ROWS + ") g");
        st.execute("VACUUM (FREEZE, ANALYZE)");
      }
      for (int round = 1; round <= ROUNDS; round++) {
        report("bigint, ranges", round, ranges(c, spec("ints", "id")));
        report("bigint, keyset", round, keyset(c, spec("ints", "id")));
        report("text,   keyset", round, keyset(c, spec("texts", "code")));
        report("uuid,   keyset", round, keyset(c, spec("uuids", "id")));
      }
    }
  }

  private static BackfillSpec spec(String table, String key) {
    return new BackfillSpec(table, "n = n + 1", null, key, BATCH, Duration.ZERO);
  }

  private static void report(String shape, int round, long[] batchNanos) {
    long[] sorted = batchNanos.clone();
    Arrays.sort(sorted);
    double total = Arrays.stream(sorted).sum() / 1e9;
    System.out.printf(Locale.ROOT, "backfill %s round %d: %d batches of %,d, %.2f s, per batch mean %.2f ms,"
            + " median %.2f ms, p95 %.2f ms%n", shape, round, sorted.length, BATCH, total,
        total * 1000 / sorted.length, sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 95 / 100] / 1e6);
    assertThat(sorted.length).isBetween(ROWS / BATCH, ROWS / BATCH + 1);
  }

  /** What BackfillRunner does for integer keys: ranges of batchSize keys over [min, max]. */
  private static long[] ranges(Connection c, BackfillSpec b) throws SQLException {
    long[] times = new long[ROWS / BATCH + 2];
    int batches = 0;
    long lo;
    long hi;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT min(id), max(id) FROM " + b.table())) {
      rs.next();
      lo = rs.getLong(1);
      hi = rs.getLong(2);
    }
    c.setAutoCommit(false);
    try (PreparedStatement update = c.prepareStatement(BackfillRunner.updateSql(b))) {
      for (; lo <= hi; lo += b.batchSize()) {
        long start = System.nanoTime();
        update.setLong(1, lo);
        update.setLong(2, lo + b.batchSize());
        update.executeUpdate();
        c.commit();
        times[batches++] = System.nanoTime() - start;
      }
    } finally {
      c.setAutoCommit(true);
    }
    return Arrays.copyOf(times, batches);
  }

  /** What BackfillRunner does for text and uuid keys: each batch finds its end, then updates up to it. */
  private static long[] keyset(Connection c, BackfillSpec b) throws SQLException {
    long[] times = new long[ROWS / BATCH + 2];
    int batches = 0;
    Object last = null;
    c.setAutoCommit(false);
    try (PreparedStatement firstEnd = c.prepareStatement(BackfillRunner.batchEndSql(b, true));
        PreparedStatement nextEnd = c.prepareStatement(BackfillRunner.batchEndSql(b, false));
        PreparedStatement firstLast = c.prepareStatement(BackfillRunner.lastKeySql(b, true));
        PreparedStatement nextLast = c.prepareStatement(BackfillRunner.lastKeySql(b, false));
        PreparedStatement firstUpdate = c.prepareStatement(BackfillRunner.firstKeysetUpdateSql(b));
        PreparedStatement nextUpdate = c.prepareStatement(BackfillRunner.keysetUpdateSql(b))) {
      while (true) {
        long start = System.nanoTime();
        boolean first = last == null;
        Object end = one(first ? firstEnd : nextEnd, last);
        if (end == null) {
          end = one(first ? firstLast : nextLast, last);
        }
        if (end == null) {
          c.commit();
          break;
        }
        PreparedStatement update = first ? firstUpdate : nextUpdate;
        if (first) {
          update.setObject(1, end);
        } else {
          update.setObject(1, last);
          update.setObject(2, end);
        }
        update.executeUpdate();
        c.commit();
        times[batches++] = System.nanoTime() - start;
        last = end;
      }
    } finally {
      c.setAutoCommit(true);
    }
    return Arrays.copyOf(times, batches);
  }

  private static Object one(PreparedStatement query, Object after) throws SQLException {
    if (after != null) {
      query.setObject(1, after);
    }
    try (ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getObject(1) : null;
    }
  }
}
