package dev.rehearsal.load.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.load.LoadEngine;
import dev.rehearsal.load.LoadPlan;
import dev.rehearsal.load.Operation;
import dev.rehearsal.load.OperationStatement;
import dev.rehearsal.load.ParamGenerators;
import dev.rehearsal.load.PoolConfig;
import dev.rehearsal.load.SecondFigures;
import dev.rehearsal.load.Traffic;
import dev.rehearsal.load.schedule.Arrival;
import dev.rehearsal.load.schedule.RateProfile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The write ledger against a real table: it matches after a clean run, and catches tampering. */
class LedgerIT {

  private LoadEngine engine;

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  private static EmbeddedPostgres postgres;
  private static DatabaseTarget target;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    target = new DatabaseTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
    try (Connection c = admin(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL, balance int NOT NULL, "
          + "note text)");
      st.execute("INSERT INTO accounts SELECT g, 'owner' || g, 0, NULL FROM generate_series(1, 2000) g");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  private static Connection admin() throws Exception {
    return DriverManager.getConnection(target.jdbcUrl(), "postgres", null);
  }

  private static LoadPlan plan() {
    // hot keys, so that concurrent updates of one row happen
    var hot = ParamGenerators.zipfianKey(2000, 1.2);
    Operation deposit = new Operation("deposit", List.of(OperationStatement.positional(
        "UPDATE accounts SET balance = balance + 1 WHERE id = ? RETURNING id, balance", 1)), false,
        List.of(hot), "accounts");
    Operation open = new Operation("open", List.of(OperationStatement.positional(
        "INSERT INTO accounts (id, owner, balance) VALUES (?, ?, 0) RETURNING id, owner, balance", 2)), false,
        List.of(ParamGenerators.newKey(2000), ParamGenerators.text(12)), "accounts");
    Operation close = new Operation("close", List.of(OperationStatement.positional(
        "DELETE FROM accounts WHERE id = ? RETURNING id", 1)), false,
        List.of(ParamGenerators.uniform(1000, 2000)), "accounts");
    // a transaction writing two rows with the same drawn values, like a transfer
    Operation transfer = new Operation("transfer", List.of(
        new OperationStatement("UPDATE accounts SET balance = balance - ?, note = ? WHERE id = ? "
            + "RETURNING id, balance, note", new int[] {0, 3, 1}),
        new OperationStatement("SELECT balance FROM accounts WHERE id = ?", new int[] {2}),
        new OperationStatement("UPDATE accounts SET balance = balance + ?, note = ? WHERE id = ? "
            + "RETURNING id, balance, note", new int[] {0, 3, 2})), true,
        List.of(ParamGenerators.uniform(1, 5), hot, ParamGenerators.existingKey(2000), ParamGenerators.text(6)),
        "accounts");
    return new LoadPlan(new Traffic.OpenLoop(RateProfile.constant(400), Arrival.POISSON, 256), List.of(
        new LoadPlan.Weighted(deposit, 5), new LoadPlan.Weighted(open, 2), new LoadPlan.Weighted(close, 1),
        new LoadPlan.Weighted(transfer, 2)), List.of(), null);
  }

  @Test
  void everyAcknowledgedWriteIsFoundAfterACleanRunAndTamperingIsCaught() throws Exception {
    WriteLedger ledger;
    List<SecondFigures> samples;
    // stopped, not closed: closing deletes the ledger's files (done after the test)
    engine = new LoadEngine(plan(), target, new PoolConfig(6, Duration.ofSeconds(5), null), null, null);
    engine.start();
    TimeUnit.MILLISECONDS.sleep(3_000);
    engine.stop(10_000);
    ledger = engine.ledger();
    samples = engine.tally().seconds();
    // deadlocks between transfers are possible and fine: rolled back, never acknowledged
    assertThat(samples.stream().mapToLong(SecondFigures::successes).sum()).isGreaterThan(1000);

    LedgerCheck clean;
    try (Connection c = admin()) {
      clean = LedgerVerifier.verify(ledger, c);
    }
    assertThat(clean.lostWrites()).as(clean.examples().toString()).isZero();
    assertThat(clean.acknowledgedWrites()).isGreaterThan(1000);
    assertThat(clean.rowsChecked()).isGreaterThan(300);
    assertThat(clean.rowsInDoubt()).isZero();
    TableLedger accounts = ledger.table("accounts");
    assertThat(accounts.keyColumn()).isEqualTo("id");
    assertThat(accounts.columns()).containsExactlyInAnyOrder("balance", "owner", "note");

    // lose two writes behind the harness's back: one value changed, one inserted row deleted
    long changed;
    long removed;
    try (Connection c = admin(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT min(id) FROM accounts WHERE balance > 0")) {
        rs.next();
        changed = rs.getLong(1);
      }
      try (ResultSet rs = st.executeQuery("SELECT max(id) FROM accounts WHERE id > 2000")) {
        rs.next();
        removed = rs.getLong(1);
      }
      st.execute("UPDATE accounts SET balance = balance + 1000 WHERE id = " + changed);
      st.execute("DELETE FROM accounts WHERE id = " + removed);
      LedgerCheck tampered = LedgerVerifier.verify(ledger, c);
      assertThat(tampered.lostWrites()).isEqualTo(2);
      assertThat(tampered.examples()).containsExactlyInAnyOrder(
          "accounts id=" + changed + ": column balance does not hold any acknowledged value",
          "accounts id=" + removed + ": row missing");

      // a migration that renames a ledgered column: the table cannot be checked, which is said, not thrown
      st.execute("ALTER TABLE accounts RENAME COLUMN balance TO balance_cents");
      try {
        LedgerCheck renamed = LedgerVerifier.verify(ledger, c);
        assertThat(renamed.lostWrites()).isZero();
        assertThat(renamed.rowsChecked()).isZero();
        assertThat(renamed.examples()).singleElement().asString()
            .startsWith("accounts: not checked (ERROR: column \"balance\" does not exist")
            .endsWith("the migration renamed or dropped what these writes went to)");
      } finally {
        st.execute("ALTER TABLE accounts RENAME COLUMN balance_cents TO balance");
      }
    }
  }
}
