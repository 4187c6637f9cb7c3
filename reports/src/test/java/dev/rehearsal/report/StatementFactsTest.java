package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport.Lock;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementFactsTest {

  private static StatementResult statement(String kind, String origin, Integer line, Long rows, List<Lock> locks) {
    return new StatementResult(2, "UPDATE orders SET status_code = 1", 3.0, 381, null, null, "up", "step 1", kind,
        origin, line, null, 1, 0, rows, null, true, locks, List.of(), null, null, null);
  }

  @Test
  void locksAreGroupedPerRelation() {
    StatementResult s = statement("flyway", "V11_1__status_code.sql", 3, 20_000L, List.of(
        new Lock("orders", "AccessExclusiveLock"), new Lock("orders", "RowExclusiveLock"),
        new Lock("orders_pkey", "RowExclusiveLock")));

    assertThat(StatementFacts.locks(s))
        .isEqualTo("orders AccessExclusiveLock + RowExclusiveLock, orders_pkey RowExclusiveLock");
  }

  @Test
  void aTablesIndexesAreFoldedUnderItWithTheirCount() {
    List<Lock> locks = new java.util.ArrayList<>(List.of(new Lock("orders", "AccessExclusiveLock")));
    for (int i = 1; i <= 20; i++) {
      locks.add(new Lock("orders_idx_" + i, "AccessExclusiveLock", "orders"));
    }
    locks.add(new Lock("customers", "ShareRowExclusiveLock"));
    locks.add(new Lock("customers_pkey", "AccessShareLock", "customers"));

    assertThat(StatementFacts.locks(statement("sql", "step 1", 1, null, locks))).isEqualTo(
        "orders AccessExclusiveLock (+ 20 indexes AccessExclusiveLock), "
            + "customers ShareRowExclusiveLock (+ index customers_pkey AccessShareLock)");
  }

  @Test
  void indexesAloneAreNamedUnderTheirTableWithTheirModesCounted() {
    StatementResult reindex = statement("sql", "step 1", 1, null, List.of(
        new Lock("orders_a", "ShareUpdateExclusiveLock", "orders"), new Lock("orders_b", "ShareLock", "orders"),
        new Lock("orders_c", "ShareLock", "orders")));
    StatementResult one = statement("sql", "step 1", 1, null, List.of(
        new Lock("orders_a", "ShareUpdateExclusiveLock", "orders")));

    assertThat(StatementFacts.locks(reindex))
        .isEqualTo("orders (3 indexes ShareUpdateExclusiveLock (1) + ShareLock (2))");
    assertThat(StatementFacts.locks(one)).isEqualTo("orders (index orders_a ShareUpdateExclusiveLock)");
  }

  @Test
  void aToolsStatementIsNamedByItsMigrationWithItsLineAndRows() {
    StatementResult flyway = statement("flyway", "V11_1__status_code.sql", 3, 20_000L, List.of());
    StatementResult liquibase = statement("liquibase", "5::bob", null, null, List.of());
    StatementResult inline = statement("sql", "step 1", 1, null, List.of());

    assertThat(StatementFacts.migration(flyway)).isEqualTo("flyway V11_1__status_code.sql");
    assertThat(StatementFacts.whereAndRows(flyway)).isEqualTo("line 3, 20,000 rows");
    assertThat(StatementFacts.migration(liquibase)).isEqualTo("liquibase changeset 5::bob");
    assertThat(StatementFacts.whereAndRows(liquibase)).isNull();
    assertThat(StatementFacts.migration(inline)).isNull();
  }
}
