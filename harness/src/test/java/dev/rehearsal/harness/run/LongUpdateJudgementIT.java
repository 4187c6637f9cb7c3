package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.Console;
import dev.rehearsal.report.RehearsalReport;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.scenario.PhasesSpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One unbatched UPDATE over a whole table under ledgered write load (backfill-batch-size's
 * one-update strategy at 250k rows, short phases): the headline names the UPDATE and the next
 * step is the long-DML rule with a batch size derived from the rows per second it achieved.
 * The report stays in {@code harness/target/long-update/} to look at.
 */
class LongUpdateJudgementIT {

  static RehearsalReport report;

  @BeforeAll
  static void rehearse() {
    Scenario builtin = ScenarioLoader.builtin("backfill-batch-size");
    Scenario scenario = new Scenario(builtin.name(), builtin.description(), builtin.server(), builtin.schema(),
        builtin.dataset(), builtin.workload(), new PhasesSpec(Duration.ofSeconds(5), Duration.ofSeconds(5)),
        builtin.strategies(), builtin.budgets(), builtin.source(), builtin.baseDirectory());
    RunOptions options = new RunOptions("one-update", "embedded", 18, null, 250_000L, null, null, null, 42L,
        Path.of("target", "long-update"), null, false, false);
    report = new Rehearsal(scenario, options, Console.stderr()).run().report();
    System.out.println("HEADLINE: " + report.verdict().status() + ": " + report.verdict().headline());
    for (int i = 0; i < report.nextSteps().size(); i++) {
      NextStep step = report.nextSteps().get(i);
      System.out.printf("STEP %d [%s]: %s%n", i + 1, step.rule(), step.text());
    }
  }

  @Test
  void theHeadlineNamesTheUpdateAndTheLongDmlRuleLeads() {
    RehearsalReport.StatementResult update = report.statements().get(0);
    assertThat(report.complete()).isTrue();
    assertThat(update.rowsAffected()).isEqualTo(250_000);
    assertThat(update.blocked()).as("writes waited for the UPDATE's row locks").isNotNull();
    // row-lock waits (ShareLock on a transaction id) still name the table the writes went to
    assertThat(update.blocked().relations()).containsExactly("users");
    assertThat(update.blocked().blockedSessionSeconds()).isGreaterThan(1.0);
    assertThat(report.verdict().status()).isNotEqualTo("pass"); // longestWaitMs warns at 200 ms
    assertThat(report.verdict().headline()).startsWith("Statement 1, an UPDATE of 250,000 rows, held their locks for ");
    assertThat(report.nextSteps().get(0).rule()).isEqualTo("longDml");
    assertThat(report.nextSteps().get(0).statement()).isEqualTo(1);
  }

  @Test
  void theNextStepProposesABatchSizeDerivedFromTheMeasuredRate() {
    RehearsalReport.StatementResult update = report.statements().get(0);
    String text = report.nextSteps().get(0).text();
    Matcher m = Pattern.compile("batchSize: (\\d+)").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    long batch = Long.parseLong(m.group(1));
    // what 200 ms (the scenario's longestWaitMs warning) holds at the rate the UPDATE achieved, rounded down
    double rowsIn200Ms = update.rowsAffected() / update.durationMs() * 200;
    assertThat(batch).isPositive().isLessThanOrEqualTo((long) rowsIn200Ms).isGreaterThan((long) (rowsIn200Ms / 2.5));
    assertThat(text).contains("updated 250,000 rows", "200 ms your longestWaitMs budget allows",
        "backfill: {table: users, set: \"email_lower = lower(email)\"", "./rehearse run backfill-batch-size",
        "./rehearse compare");
    assertThat(List.of(report.nextSteps().get(0).metric())).containsExactly("blockedSessionSeconds");
  }
}
