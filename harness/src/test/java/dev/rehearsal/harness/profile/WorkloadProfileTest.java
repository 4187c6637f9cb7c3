package dev.rehearsal.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What of production's statement text reaches the scenario, with and without --keep-values. */
class WorkloadProfileTest {

  static final String UTILITY = "SET app.customer_email = 'ann.lee@example.com'"; // PG 15 keeps its constant
  static final String TAGGED = "/* controller='checkout',user='ann' */ SELECT total FROM orders WHERE id = $1";
  static final String NOT_NORMALIZED = "SELECT id FROM customers WHERE country = 'Narnia'";

  static WorkloadReader.Sample sample() {
    return new WorkloadReader.Sample(List.of(new WorkloadReader.QueryRate(TAGGED, 50),
        new WorkloadReader.QueryRate(NOT_NORMALIZED, 20), new WorkloadReader.QueryRate(UTILITY, 5)), 75, 10, false);
  }

  @Test
  void noTextOfTheSourceReachesTheScenarioWithoutKeepValues() {
    WorkloadProfile w = WorkloadProfile.from(sample(), QueryBinderTest.BINDER, 20, false);
    String everything = w.yaml() + " " + w.skipped();
    assertThat(everything).doesNotContain("ann", "checkout", "Narnia", "example.com");
    assertThat(w.operations()).singleElement().satisfies(o ->
        assertThat(o.bound().sql()).isEqualTo("SELECT total FROM orders WHERE id = :p1::bigint"));
    assertThat(w.skipped()).containsExactly(
        "20.0/s its text holds string literals pg_stat_statements did not replace by $n (shown as '?'; "
            + "--keep-values keeps it): SELECT id FROM customers WHERE country = '?'",
        "5.0/s not a query or a write (SET): SET app.customer_email = '?'");
  }

  @Test
  void keepValuesKeepsTheTextAsSampled() {
    WorkloadProfile w = WorkloadProfile.from(sample(), QueryBinderTest.BINDER, 20, true);
    assertThat(w.operations()).hasSize(2);
    assertThat(w.operations().get(0).bound().sql()).doesNotContain("controller");
    assertThat(w.operations().get(1).bound().sql()).contains("'Narnia'");
    assertThat(w.skipped()).singleElement().asString().contains("'ann.lee@example.com'");
  }

  @Test
  void statementsBeyondTopAreListedMaskedToo() {
    WorkloadProfile w = WorkloadProfile.from(sample(), QueryBinderTest.BINDER, 1, false);
    assertThat(w.skipped()).hasSize(2).allSatisfy(s -> assertThat(s).contains("beyond --top 1").doesNotContain("Narnia",
        "ann.lee"));
  }
}
