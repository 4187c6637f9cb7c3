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
