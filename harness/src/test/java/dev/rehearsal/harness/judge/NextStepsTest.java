package dev.rehearsal.harness.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SummaryFixture;
import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.LockWaits;
import dev.rehearsal.report.RehearsalReport.NextStep;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NextStepsTest {

  private static final LockWaits WRITES_BLOCKED =
      new LockWaits(3.2, 1440, 1450, 4, 12, List.of("users"), List.of("RowExclusiveLock"));
  private static final LockWaits READS_BLOCKED =
      new LockWaits(3.2, 1440, 1450, 4, 12, List.of("users"), List.of("AccessShareLock"));

  /** A summary with sessions blocked, no pool trouble. */
  private static Summary blockedSummary(int maxSessionsBlocked, long poolTimeouts, int saturatedSeconds,
      int maxPoolWaiting) {
    return SummaryFixture.quiet().with("baselineP99Ms", 12.2).with("peakP99Ms", 2100).with("p99Ratio", 172)
        .with("spikeThresholdMs", 36.6).with("spikeSeconds", 3).with("blockedSessionSeconds", 21.1)
        .with("longestWaitMs", 2117).with("longestBlockedWindowMs", 2108)
        .with("maxSessionsBlocked", maxSessionsBlocked).with("poolTimeouts", poolTimeouts)
        .with("poolSaturatedSeconds", saturatedSeconds).with("maxPoolWaiting", maxPoolWaiting)
        .with("operations", 9000).with("errors", poolTimeouts).with("healthCheckFailures", SummaryFixture.NULL)
        .with("migrationDurationMs", 2200).build();
  }

  private static StatementResult statement(int index, String sql, LockWaits blocked, List<String> rewrote,
      Double lockWaitMs, String waitedBehind) {
    return new StatementResult(index, sql, 15, 1460, null, null, "up", "step " + index, "sql", "step " + index, 1,
        null, 1, 0, null, null, true, List.of(), rewrote, blocked, lockWaitMs, waitedBehind);
  }

  private static List<NextStep> suggest(Summary summary, List<StatementResult> statements,
      List<BudgetResult> budgets, List<TimelineSecond> timeline, double migrationLockWaitMs) {
    return NextSteps.suggest(new NextSteps.Evidence(summary, statements, budgets, timeline, migrationLockWaitMs,
        10, 2000));
  }

  private static List<NextStep> forStatement(String sql, LockWaits blocked) {
    return suggest(blockedSummary(4, 0, 0, 0), List.of(statement(1, sql, blocked, List.of(), null, null)),
        List.of(), List.of(), 0);
  }

  @Test
  void aLockQueueNamesTheStatementWhomItWaitedBehindAndTheRemedy() {
    List<NextStep> steps = suggest(blockedSummary(10, 0, 0, 0), List.of(statement(1,
            "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active'", null, List.of(), 2040.0,
            "pid 4162 (rehearsal-report, active: SELECT ...)")), List.of(), List.of(), 2040);
    assertThat(steps).hasSize(1);
    NextStep step = steps.get(0);
    assertThat(step.text()).startsWith("Statement 1 (ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT...) "
        + "waited 2.0 s for its lock behind pid 4162 (rehearsal-report, active: SELECT ...) while up to 10 "
        + "application sessions queued behind it (the lock queue; 21.1 blocked session-seconds).");
    assertThat(step.text()).contains("lock_timeout", "retry", "off-peak");
    assertThat(step).extracting(NextStep::rule, NextStep::statement, NextStep::metric, NextStep::value)
        .containsExactly("lockQueue", 1, "blockedSessionSeconds", 21.1);
  }

  @Test
  void aShortLockWaitIsNotALockQueueAndNobodyBlockedIsNone() {
    assertThat(suggest(blockedSummary(10, 0, 0, 0), List.of(statement(1, "ALTER TABLE t ADD COLUMN c int", null,
        List.of(), 499.0, null)), List.of(), List.of(), 499)).extracting(NextStep::rule).containsExactly("noBreach");
    assertThat(suggest(blockedSummary(0, 0, 0, 0), List.of(statement(1, "ALTER TABLE t ADD COLUMN c int", null,
        List.of(), 3000.0, null)), List.of(), List.of(), 3000)).extracting(NextStep::rule).containsExactly("noBreach");
  }

  @Test
  void withoutAStatementThatWaitedTheMigrationsOwnWaitIsUsed() {
    List<NextStep> steps = suggest(blockedSummary(10, 0, 0, 0), List.of(), List.of(), List.of(), 2117);
    assertThat(steps.get(0).text()).startsWith("The migration waited 2.1 s for its lock while up to 10 application");
    assertThat(steps.get(0).statement()).isNull();
  }

  @Test
  void aRewriteUnderLoadLeadsToExpandAndContract() {
    List<NextStep> steps = suggest(blockedSummary(4, 0, 0, 0), List.of(statement(2,
        "ALTER TABLE users ALTER COLUMN id TYPE bigint", READS_BLOCKED, List.of("users"), null, null)),
        List.of(), List.of(), 0);
    assertThat(steps.get(0).rule()).isEqualTo("tableRewrite");
    assertThat(steps.get(0).statement()).isEqualTo(2);
    assertThat(steps.get(0).text()).contains("rewrote users", "expand and contract", "up to 1.5 s");
    assertThat(steps.get(0).value()).isEqualTo(1450.0);
    assertThat(NextSteps.mainCause(new NextSteps.Evidence(blockedSummary(4, 0, 0, 0), List.of(statement(2,
        "ALTER TABLE users ALTER COLUMN id TYPE bigint", READS_BLOCKED, List.of("users"), null, null)), List.of(),
        List.of(), 0, 10, 2000))).isEqualTo("Statement 2 rewrote users; sessions waited up to 1.5 s.");
  }

  @Test
  void aRewriteNobodyWaitedForIsNoFinding() {
    assertThat(suggest(blockedSummary(0, 0, 0, 0), List.of(statement(2,
        "ALTER TABLE users ALTER COLUMN id TYPE bigint", null, List.of("users"), null, null)),
        List.of(), List.of(), 0)).extracting(NextStep::rule).containsExactly("noBreach");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "CREATE INDEX users_email ON users (email)| writes | blockingIndexBuild",
      "create unique index users_email on users(email)| writes | blockingIndexBuild",
      "CREATE INDEX users_email ON users (email)| reads | none",
      "CREATE INDEX CONCURRENTLY users_email ON users (email)| writes | none",
      "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)| reads | constraintScan",
      "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users| writes | constraintScan",
      "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID| writes | none",
      "ALTER TABLE users ADD CONSTRAINT positive CHECK (login_count >= 0)| writes | constraintScan",
      "ALTER TABLE users ALTER COLUMN status SET NOT NULL| reads | constraintScan",
      "ALTER TABLE users ALTER status SET NOT NULL| reads | constraintScan",
      "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)| reads | constraintScan",
      "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email| reads | none",
      "ALTER TABLE users ADD COLUMN note text| reads | none",
      // quotes and comments are read as such (the shared SQL tokenizer), not as keywords
      "ALTER TABLE orders ADD CONSTRAINT fk CHECK (note <> 'NOT VALID')| writes | constraintScan",
      "ALTER TABLE orders ADD CONSTRAINT fk CHECK (note <> '') /* NOT VALID later */| writes | constraintScan",
      "ALTER TABLE orders /* ADD CHECK (x) */ ADD COLUMN note text| writes | none",
      "CREATE /* CONCURRENTLY */ INDEX users_email ON users (email)| writes | blockingIndexBuild",
      "ALTER TABLE \"Orders\" ADD CONSTRAINT \"fk\" FOREIGN KEY (user_id) REFERENCES users| reads | constraintScan"})
  void statementShapesThatBlockedOthersGetTheirSaferForm(String sql, String blocked, String rule) {
    List<NextStep> steps = forStatement(sql, blocked.equals("writes") ? WRITES_BLOCKED : READS_BLOCKED);
    if (rule.equals("none")) {
      assertThat(steps).extracting(NextStep::rule).containsExactly("noBreach");
    } else {
      assertThat(steps).extracting(NextStep::rule).containsExactly(rule);
      assertThat(steps.get(0).statement()).isEqualTo(1);
      assertThat(steps.get(0).metric()).isEqualTo("longestBlockedWindowMs");
    }
  }

  @Test
  void theSaferFormIsNamedForEachShape() {
    assertThat(forStatement("CREATE INDEX i ON users (email)", WRITES_BLOCKED).get(0).text())
        .contains("blocked writes for 1.5 s", "CREATE INDEX CONCURRENTLY");
    assertThat(forStatement("ALTER TABLE o ADD CONSTRAINT f FOREIGN KEY (u) REFERENCES users", READS_BLOCKED)
        .get(0).text()).contains("NOT VALID", "VALIDATE CONSTRAINT");
    assertThat(forStatement("ALTER TABLE users ALTER COLUMN s SET NOT NULL", READS_BLOCKED).get(0).text())
        .contains("CHECK (column IS NOT NULL) NOT VALID", "then SET NOT NULL");
    assertThat(forStatement("ALTER TABLE users ADD UNIQUE (email)", READS_BLOCKED).get(0).text())
        .contains("CREATE UNIQUE INDEX CONCURRENTLY", "USING INDEX");
  }

  @Test
  void aSaturatedPoolGetsThePoolSizeAndTimeoutAtWhichItWouldHaveHeld() {
    List<TimelineSecond> timeline = List.of(second(14, 1, 0), second(15, 10, 192), second(16, 10, 246),
        second(17, 3, 0));
    List<NextStep> steps = suggest(blockedSummary(0, 17, 3, 246), List.of(), List.of(), timeline, 0);
    NextStep pool = steps.get(0);
    assertThat(pool.rule()).isEqualTo("poolSaturated");
    // peak demand 10 in use + 246 waiting; the timeout must outlast 2,108 ms + 12.2 ms, rounded up
    assertThat(pool.text()).contains("The pool of 10 connections was saturated for 3 s (up to 246 requests "
        + "waiting, 17 timed out)", "maximumPoolSize ≥ 256", "connectionTimeout ≥ 2,200 ms (now 2,000 ms");
    assertThat(pool).extracting(NextStep::metric, NextStep::value).containsExactly("poolTimeouts", 17.0);
  }

  @Test
  void aSaturatedPoolWithoutTimeoutsNeedsNoLongerTimeout() {
    List<NextStep> steps = suggest(blockedSummary(0, 0, 2, 5), List.of(), List.of(),
        List.of(second(15, 10, 5)), 0);
    assertThat(steps.get(0).text()).contains("maximumPoolSize ≥ 15").doesNotContain("connectionTimeout");
    assertThat(steps.get(0)).extracting(NextStep::metric, NextStep::value)
        .containsExactly("poolSaturatedSeconds", 2.0);
  }

  @Test
  void failedStatementsComeFirstAndBreachedBudgetsBringTheirAction() {
    StatementResult failed = new StatementResult(3, "ALTER TABLE users ADD COLUMN x int REFERENCES nowhere", 16, 3,
        "42P01", "relation \"nowhere\" does not exist");
    List<BudgetResult> budgets = List.of(
        new BudgetResult("peakP99Ms", 1000.0, null, 2100, "warn", "Look at the lock queue.", "team-db"),
        new BudgetResult("lostWrites", null, 1.0, 0, "pass", "Do not ship.", "team-db"));
    List<NextStep> steps = suggest(blockedSummary(0, 0, 0, 0), List.of(failed), budgets, List.of(), 0);
    assertThat(steps).extracting(NextStep::rule).containsExactly("statementFailed", "budgetAction");
    assertThat(steps.get(0).text()).startsWith("Migration statement 3 (ALTER TABLE users ADD COLUMN x int REFERENCES "
        + "nowhere) failed with SQLSTATE 42P01: relation \"nowhere\" does not exist.");
    assertThat(steps.get(1).text()).isEqualTo("peakP99Ms 2,100: Look at the lock queue. (owner: team-db)");
    assertThat(steps.get(1)).extracting(NextStep::metric, NextStep::value).containsExactly("peakP99Ms", 2100.0);
  }

  @Test
  void theMainCauseIsTheFirstFindingAboutAStatementAndLeadsTheVerdict() {
    NextSteps.Evidence e = new NextSteps.Evidence(blockedSummary(10, 17, 3, 246), List.of(statement(1,
        "ALTER TABLE users ADD COLUMN status text", null, List.of(), 2040.0, "pid 7 (rehearsal-report, active: SELECT 1)")),
        List.of(), List.of(), 2040, 10, 2000);
    String cause = NextSteps.mainCause(e);
    assertThat(cause).isEqualTo("Statement 1 waited 2.0 s for its lock behind pid 7 (rehearsal-report, active); "
        + "up to 10 sessions queued behind it.");
    List<BudgetResult> budgets = List.of(new BudgetResult("poolTimeouts", null, 1.0, 17, "fail", null, null));
    assertThat(BudgetJudge.verdict(budgets, cause).headline())
        .isEqualTo(cause + " Budgets: poolTimeouts = 17 (critical: ≥ 1)");
    assertThat(BudgetJudge.verdict(List.of(), cause).headline()).isEqualTo("every budget held (0 judged)");
    // the pool finding alone is an effect, not a cause
    assertThat(NextSteps.mainCause(new NextSteps.Evidence(blockedSummary(0, 17, 3, 246), List.of(), List.of(),
        List.of(), 0, 10, 2000))).isNull();
  }

  @Test
  void queriesThatStaySlowAfterTheMigrationWithNobodyBlockedPointAtStatistics() {
    var slow = Map.of("recent-events", new dev.rehearsal.report.RehearsalReport.Percentiles(20, 900, 2500, 2900, 2950),
        "health-check", new dev.rehearsal.report.RehearsalReport.Percentiles(1, 2, 2, 2, 2));
    List<TimelineSecond> timeline = List.of(
        new TimelineSecond(6, "migration", 300, Map.of(), 0, 1.0, 2.0, 3.0, 4.0, Map.of(), 2, 0, 3, 300.0, 0),
        new TimelineSecond(8, "cooldown", 27, Map.of(), 0, 900.0, 2500.0, 2900.0, 2950.0, slow, 10, 400, 0, 300.0, 0),
        new TimelineSecond(9, "cooldown", 24, Map.of(), 0, 900.0, 2500.0, 2900.0, 2950.0, slow, 10, 400, 0, 300.0, 0));
    StatementResult alter = statement(1, "ALTER TABLE events ALTER COLUMN account_id TYPE bigint", READS_BLOCKED,
        List.of("events"), null, null);
    NextSteps.Evidence e = new NextSteps.Evidence(blockedSummary(4, 0, 0, 0), List.of(alter), List.of(), timeline, 0,
        10, 2000, 7.2);

    List<NextStep> steps = NextSteps.suggest(e);

    assertThat(steps).extracting(NextStep::rule).containsExactly("tableRewrite", "slowAfterMigration");
    assertThat(steps.get(1).text()).startsWith("Latency stayed above the spike threshold for 2 s after the migration "
        + "ended, with no session waiting on a lock (recent-events p99 2,900 ms)")
        .contains("The rewrite of events dropped the changed column's statistics", "ANALYZE");
    // one slow second is noise; and a second with sessions blocked is the lock's doing, not the plan's
    NextSteps.Evidence once = new NextSteps.Evidence(blockedSummary(4, 0, 0, 0), List.of(), List.of(),
        timeline.subList(0, 2), 0, 10, 2000, 7.2);
    assertThat(NextSteps.suggest(once)).extracting(NextStep::rule).doesNotContain("slowAfterMigration");
  }

  private static TimelineSecond second(int s, int active, int waiting) {
    return new TimelineSecond(s, "migration", 100, Map.of(), 0, 1.0, 2.0, 3.0, 4.0, Map.of(), active, waiting, 0,
        200.0, 0);
  }
}
