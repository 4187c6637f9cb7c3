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

  // --- the unbatched UPDATE: 900k rows held 466 s, 4,618 blocked session-seconds ---

  private static final StatementResult LONG_UPDATE = new StatementResult(1,
      "UPDATE orders SET total_cents = total_cents * 100", 10, 466_000, null, null, "up", "V2__cents", "sql",
      "V2__cents.sql", 1, null, 1, 0, 900_000L, null, true, List.of(), List.of(),
      new LockWaits(4618, 464_000, 464_300, 246, 160, List.of(), List.of("ShareLock")), null, null);

  private static Summary longUpdateSummary() {
    return SummaryFixture.quiet().with("baselineP99Ms", 5.0).with("peakP99Ms", 464_000).with("p99Ratio", 92_800)
        .with("spikeThresholdMs", 30).with("spikeSeconds", 470).with("blockedSessionSeconds", 4618)
        .with("longestWaitMs", 464_000).with("longestBlockedWindowMs", 464_300).with("maxSessionsBlocked", 246)
        .with("poolTimeouts", 21_286).with("poolSaturatedSeconds", 464).with("maxPoolWaiting", 246)
        .with("operations", 100_000).with("errors", 21_286).with("droppedOperations", 69_059)
        .with("migrationDurationMs", 466_000).build();
  }

  /** During the UPDATE: stalled; right after it: the backlog drains; then 2 s slow with nobody blocked. */
  private static List<TimelineSecond> longUpdateTimeline() {
    var slow = Map.of("read-order", new dev.rehearsal.report.RehearsalReport.Percentiles(20, 60, 90, 100, 120));
    return List.of(
        new TimelineSecond(200, "migration", 0, Map.of("poolTimeout", 46L), 150, null, null, null, null, Map.of(),
            10, 246, 10, 300.0, 0),
        new TimelineSecond(476, "cooldown", 900, Map.of(), 0, 900.0, 2500.0, 2900.0, 2950.0, Map.of(), 10, 120, 0,
            300.0, 0),
        new TimelineSecond(477, "cooldown", 600, Map.of(), 0, 90.0, 250.0, 290.0, 295.0, Map.of(), 10, 3, 0, 300.0,
            0),
        new TimelineSecond(478, "cooldown", 290, Map.of(), 0, 40.0, 90.0, 100.0, 120.0, slow, 4, 0, 0, 300.0, 0),
        new TimelineSecond(479, "cooldown", 295, Map.of(), 0, 40.0, 90.0, 100.0, 120.0, slow, 4, 0, 0, 300.0, 0));
  }

  private static NextSteps.Evidence longUpdate(NextSteps.Limits limits) {
    return new NextSteps.Evidence(longUpdateSummary(), List.of(LONG_UPDATE), List.of(), longUpdateTimeline(), 0, 10,
        2000, 476.0, limits);
  }

  @Test
  void aLongUpdateWithLargeBlockedTimeLeadsOverSlowAfterMigration() {
    NextSteps.Evidence e = longUpdate(NextSteps.Limits.DEFAULT);
    assertThat(NextSteps.suggest(e)).extracting(NextStep::rule)
        .containsExactly("longDml", "slowAfterMigration", "poolSaturated");
    assertThat(NextSteps.mainCause(e)).startsWith("Statement 1, an UPDATE of 900,000 rows, held their locks for "
        + "466.0 s: 4618.0 blocked session-seconds, the longest wait 464.0 s.");
  }

  @Test
  void theLongDmlStepNamesWhatWasMeasuredAndTheBatchSizeDerivedFromIt() {
    NextStep step = NextSteps.suggest(longUpdate(NextSteps.Limits.DEFAULT)).get(0);
    assertThat(step).extracting(NextStep::rule, NextStep::statement, NextStep::metric, NextStep::value)
        .containsExactly("longDml", 1, "blockedSessionSeconds", 4618.0);
    // 900,000 rows in 466 s: 1,931 rows/s; 200 ms of that is 386 rows, rounded down to 250
    assertThat(step.text()).startsWith("Statement 1 (UPDATE orders SET total_cents = total_cents * 100) updated "
        + "900,000 rows in one statement and held their locks for 466.0 s: application sessions were blocked "
        + "4618.0 session-seconds (160 waits, the longest 464.0 s).")
        .contains("at the 1,931 rows/s it achieved, batches of 250 rows hold their locks about 129 ms, under the "
            + "200 ms (a default: the scenario has no longestWaitMs budget)")
        .contains("`backfill: {table: orders, set: \"total_cents = total_cents * 100\", key: id, batchSize: 250, "
            + "pause: 50ms}`")
        .contains("./rehearse run backfill-batch-size", "./rehearse compare");
    // the scenario's own longestWaitMs budget sets the hold
    assertThat(NextSteps.suggest(longUpdate(new NextSteps.Limits(1000, true, null))).get(0).text())
        .contains("batches of 1,000 rows hold their locks about 518 ms, under the 1,000 ms your longestWaitMs "
            + "budget allows");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "UPDATE users SET email_lower = lower(email)| longDml",
      "delete from events where created_at < now() - interval '90 days'| longDml",
      "INSERT INTO archive SELECT * FROM events| longDml",
      "WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO archive SELECT * FROM moved| longDml",
      "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v| longDml",
      "INSERT INTO t VALUES (1)| none",
      "SELECT * FROM users FOR UPDATE| none"})
  void dataChangesThatHeldRowsGetBatched(String sql, String rule) {
    StatementResult st = new StatementResult(1, sql, 10, 3000, null, null, "up", "s", "sql", "s", 1, null, 1, 0,
        30_000L, null, true, List.of(), List.of(), WRITES_BLOCKED, null, null);
    List<NextStep> steps = suggest(blockedSummary(4, 0, 0, 0), List.of(st), List.of(), List.of(), 0);
    assertThat(steps).extracting(NextStep::rule).containsExactly(rule.equals("none") ? "noBreach" : rule);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "UPDATE users SET status = 'active' WHERE status IS NULL| `backfill: {table: users, set: \"status = 'active'\", "
          + "where: \"status IS NULL\", key: id, batchSize: 2000, pause: 50ms}`",
      // a WHERE inside a literal, a subquery: no step is written out for them, only its keys named
      "UPDATE users SET note = 'a WHERE b'| `backfill:` with `table`, `set`, `key` and `batchSize: 2000`",
      "UPDATE users SET n = (SELECT max(n) FROM t)| `backfill:` with `table`, `set`, `key` and `batchSize: 2000`"})
  void anUpdateIsTurnedIntoABackfillStepWhenItIsPlain(String sql, String expected) {
    StatementResult st = new StatementResult(1, sql, 10, 3000, null, null, "up", "s", "sql", "s", 1, null, 1, 0,
        30_000L, null, true, List.of(), List.of(), WRITES_BLOCKED, null, null);
    // 10,000 rows/s: 200 ms is 2,000 rows
    assertThat(suggest(blockedSummary(4, 0, 0, 0), List.of(st), List.of(), List.of(), 0).get(0).text())
        .contains(expected);
  }

  @Test
  void aDataChangeShorterThanTheAllowedHoldOrABackfillIsNotLongDml() {
    StatementResult quick = new StatementResult(1, "UPDATE users SET x = 1", 10, 150, null, null, "up", "s", "sql",
        "s", 1, null, 1, 0, 30_000L, null, true, List.of(), List.of(), WRITES_BLOCKED, null, null);
    StatementResult backfill = new StatementResult(1, "UPDATE users SET x = 1", 10, 3000, null, null, "up", "s",
        "backfill", "s", 1, null, 1, 0, 30_000L, 3, true, List.of(), List.of(), WRITES_BLOCKED, null, null);
    assertThat(suggest(blockedSummary(4, 0, 0, 0), List.of(quick), List.of(), List.of(), 0))
        .extracting(NextStep::rule).containsExactly("noBreach");
    assertThat(suggest(blockedSummary(4, 0, 0, 0), List.of(backfill), List.of(), List.of(), 0))
        .extracting(NextStep::rule).containsExactly("noBreach");
  }

  @Test
  void droppedRequestsThatDominateAreInTheHeadline() {
    assertThat(NextSteps.mainCause(longUpdate(NextSteps.Limits.DEFAULT))).endsWith(" 69,059 requests were dropped "
        + "(41% of those due; 21,286 more failed): so many were waiting that no more could start.");
    // alone, they are the headline; fewer than the failures, or under 1% of the traffic, they are not
    Summary droppedOnly = SummaryFixture.quiet().with("operations", 9000).with("droppedOperations", 1000).build();
    assertThat(NextSteps.mainCause(new NextSteps.Evidence(droppedOnly, List.of(), List.of(), List.of(), 0, 10,
        2000))).isEqualTo("1,000 requests were dropped (10% of those due): so many were waiting that no more could "
        + "start.");
    assertThat(NextSteps.droppedRequests(SummaryFixture.quiet().with("operations", 9000).with("errors", 2000)
        .with("droppedOperations", 1000).build())).isNull();
    assertThat(NextSteps.droppedRequests(SummaryFixture.quiet().with("operations", 100_000)
        .with("droppedOperations", 50).build())).isNull();
  }

  @Test
  void noPoolSizeOrTimeoutIsAdvisedForALockLongerThanAnySaneTimeout() {
    NextStep pool = NextSteps.suggest(longUpdate(NextSteps.Limits.DEFAULT)).stream()
        .filter(s -> s.rule().equals("poolSaturated")).findFirst().orElseThrow();
    assertThat(pool.text()).contains("No pool size or timeout would have absorbed a 464 s lock window",
        "shorten the lock first").doesNotContain("maximumPoolSize ≥", "connectionTimeout ≥");
  }

  @Test
  void noPoolIsAdvisedLargerThanTheServerAdmits() {
    List<TimelineSecond> timeline = List.of(second(15, 10, 192), second(16, 10, 246));
    NextSteps.Evidence e = new NextSteps.Evidence(blockedSummary(0, 17, 3, 246), List.of(), List.of(), timeline, 0,
        10, 2000, Double.NaN, new NextSteps.Limits(200, false, 100));
    assertThat(NextSteps.suggest(e).get(0).text()).contains("the peak demand, 256 connections, exceeds the "
        + "server's max_connections (100)").doesNotContain("maximumPoolSize ≥");
    // within what the server admits, the sizes are advised as before
    NextSteps.Evidence admitted = new NextSteps.Evidence(blockedSummary(0, 17, 3, 246), List.of(), List.of(),
        timeline, 0, 10, 2000, Double.NaN, new NextSteps.Limits(200, false, 500));
    assertThat(NextSteps.suggest(admitted).get(0).text()).contains("maximumPoolSize ≥ 256",
        "connectionTimeout ≥ 2,200 ms");
  }

  @Test
  void slowAfterMigrationDoesNotCountTheBacklogDrainingNorAdviseAnalyzeWithoutAColumnChange() {
    NextStep slow = NextSteps.suggest(longUpdate(NextSteps.Limits.DEFAULT)).get(1);
    // seconds 476 and 477 serve the queue the UPDATE left (throughput above the target): not slower queries
    assertThat(slow.text()).startsWith("Latency stayed above the spike threshold for 2 s after the migration ended")
        .contains("No statement added or changed a column", "EXPLAIN").doesNotContain("ANALYZE on the table",
            "new or changed column has no planner statistics");
    // a migration that added a column gets the ANALYZE advice
    StatementResult added = new StatementResult(1, "ALTER TABLE orders ADD COLUMN total_eur numeric", 10, 30, null,
        null);
    NextSteps.Evidence e = new NextSteps.Evidence(SummaryFixture.quiet().with("spikeThresholdMs", 30).build(),
        List.of(added), List.of(), longUpdateTimeline().subList(3, 5), 0, 10, 2000, 11.0);
    assertThat(NextSteps.suggest(e).get(0).text()).contains("A new or changed column has no planner statistics",
        "ANALYZE");
    assertThat(NextSteps.mainCause(e)).isEqualTo("Queries stayed slow for 2 s after the migration, nobody blocked.");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "ALTER TABLE orders ADD COLUMN total_eur numeric| true",
      "ALTER TABLE orders ADD total_eur numeric| true",
      "ALTER TABLE orders ADD COLUMN IF NOT EXISTS total_eur numeric| true",
      "ALTER TABLE orders ALTER COLUMN id TYPE bigint| true",
      "ALTER TABLE orders ALTER id SET DATA TYPE bigint| true",
      "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users| false",
      "ALTER TABLE orders ADD PRIMARY KEY (id)| false",
      "ALTER TABLE orders ALTER COLUMN s SET NOT NULL| false",
      "UPDATE orders SET total_cents = total_cents * 100| false",
      "CREATE INDEX i ON orders (total_cents)| false"})
  void columnChangesAreRecognised(String sql, boolean changes) {
    assertThat(SqlShapes.addsOrChangesColumn(SqlShapes.normalise(sql))).isEqualTo(changes);
  }

  private static TimelineSecond second(int s, int active, int waiting) {
    return new TimelineSecond(s, "migration", 100, Map.of(), 0, 1.0, 2.0, 3.0, 4.0, Map.of(), active, waiting, 0,
        200.0, 0);
  }

  /** A statement of one Flyway migration's transaction: start second, duration, rows, the locks listed after it. */
  private static StatementResult inMigration(int index, String sql, double startSecond, double durationMs, Long rows,
      List<dev.rehearsal.report.RehearsalReport.Lock> locks, LockWaits blocked) {
    return new StatementResult(index, sql, startSecond, durationMs, null, null, "up", "step 1", "flyway",
        "V11_1__status_code.sql", index, null, 1, 0, rows, null, true, locks, List.of(), blocked, null, null);
  }

  @Test
  void aLockTakenInAMomentButHeldByTheRestOfItsTransactionIsTheCause() {
    var ael = new dev.rehearsal.report.RehearsalReport.Lock("orders", "AccessExclusiveLock");
    var rowExclusive = new dev.rehearsal.report.RehearsalReport.Lock("orders", "RowExclusiveLock");
    LockWaits blocked = new LockWaits(6.2, 1578, 1578, 4, 4, List.of("orders"),
        List.of("AccessShareLock", "RowExclusiveLock"));
    List<StatementResult> statements = List.of(
        inMigration(1, "ALTER TABLE orders ADD COLUMN status_code smallint", 3.0, 3, null, List.of(ael), blocked),
        inMigration(2, "UPDATE orders SET status_code = 1", 3.0, 655, 20_000L, List.of(ael, rowExclusive), null),
        inMigration(3, "SELECT pg_sleep(1.0)", 3.7, 1007, null, List.of(ael, rowExclusive), null),
        // a new transaction: the ALTER's lock is gone
        inMigration(4, "CREATE INDEX CONCURRENTLY i ON orders (x)", 4.8, 60, null, List.of(), null));

    List<NextStep> steps = suggest(blockedSummary(4, 0, 2, 60), statements, List.of(), List.of(), 0);

    NextStep first = steps.get(0);
    assertThat(first.rule()).isEqualTo("heldByTransaction");
    assertThat(first.statement()).isEqualTo(1);
    assertThat(first.text()).startsWith("Statement 1 (ALTER TABLE orders ADD COLUMN status_code smallint) took its "
            + "locks in 3 ms, but its transaction (V11_1__status_code.sql) kept them 1.7 s while statements 2-3 ran: "
            + "2 UPDATE orders SET status_code = 1 (20,000 rows, 0.7 s); 3 SELECT pg_sleep(1.0) (1.0 s).")
        .contains("Commit it on its own before the long work", "batched with a backfill step");
    assertThat(NextSteps.mainCause(new NextSteps.Evidence(blockedSummary(4, 0, 2, 60), statements, List.of(),
        List.of(), 0, 10, 2000))).startsWith("Statement 1 took its locks in 3 ms, but its transaction held them 1.7 s");
  }

  @Test
  void aStatementWhoseOwnTimeIsTheHoldIsNotChargedToItsTransaction() {
    var ael = new dev.rehearsal.report.RehearsalReport.Lock("orders", "AccessExclusiveLock");
    LockWaits blocked = new LockWaits(6.2, 1578, 1578, 4, 4, List.of("orders"), List.of("AccessShareLock"));
    List<StatementResult> statements = List.of(
        inMigration(1, "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2)", 3.0, 1500, null, List.of(ael),
            blocked),
        inMigration(2, "SELECT 1", 4.5, 1, null, List.of(ael), null));
    assertThat(suggest(blockedSummary(4, 0, 0, 0), statements, List.of(), List.of(), 0))
        .extracting(NextStep::rule).doesNotContain("heldByTransaction");
  }
}
