package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Percentiles;
import dev.rehearsal.report.RehearsalReport.Phases;
import dev.rehearsal.report.RehearsalReport.ServerInfo;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TableInfo;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import dev.rehearsal.report.RehearsalReport.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic report to test renderers with: 40 seconds of load, an ALTER TABLE at 15-18 s that
 * queues sessions behind its lock, one failed, one warned and one passed budget. Fields are
 * mutable so a test can change just what it is about, then {@link #build()}.
 */
final class ReportFixture {

  static final String ALTER_SQL = "ALTER TABLE orders ADD COLUMN note text NOT NULL DEFAULT ''";

  String scenario = "add-column-not-null";
  String strategy = "naive";
  Instant startedAt = Instant.parse("2025-03-14T09:26:53.589793238Z");
  Instant finishedAt = Instant.parse("2025-03-14T09:27:41.120Z");
  boolean complete = true;
  ServerInfo server = new ServerInfo("embedded", "18.1",
      new LinkedHashMap<>(Map.of("shared_buffers", "128MB", "lock_timeout", "0",
          "max_connections", "100")));
  RehearsalReport.SeedInfo seed = new RehearsalReport.SeedInfo("bcd3baea0213d048", 42, false, 25_250, 20_000, 4_000, 1_250, null);
  List<TableInfo> dataset = new ArrayList<>(List.of(
      new TableInfo("customers", 100_000, 1_850, "binary", "00ff00ff00ff00ff"),
      new TableInfo("orders", 2_000_000, 23_400, "binary", "1234567890abcdef")));
  Phases phases = new Phases(15.0, 15.0, 18.0, 40.0);
  List<TimelineSecond> timeline = timeline(40);
  List<StatementResult> statements = new ArrayList<>(List.of(
      new StatementResult(1, ALTER_SQL, 15.0, 3_100.0, null, null)));
  Summary summary = realisticSummary().build();
  RehearsalReport.Integrity integrity = new RehearsalReport.Integrity(2_400, 1_900, 0, 0, List.of());
  List<BudgetResult> budgets = new ArrayList<>(List.of(
      new BudgetResult("blockedSessionSeconds", 2.0, 5.0, 12.5, "fail",
          "set lock_timeout and retry, or use strategy expand-contract", "team-db"),
      new BudgetResult("poolTimeouts", 1.0, 10.0, 3, "warn", "raise pool size or shed load",
          "team-api"),
      new BudgetResult("lostWrites", null, 0.0, 0, "pass", "stop the rollout", "team-db")));
  Verdict verdict = new Verdict("fail",
      "ALTER TABLE orders waited 3.1 s for ACCESS EXCLUSIVE; 12 sessions queued behind it");
  List<RehearsalReport.NextStep> nextSteps = new ArrayList<>(steps(
      "Set `lock_timeout = '2s'` and retry the ALTER", "Or use strategy expand-contract"));
  String failure = null;
  PlatformReport platform = null;
  WalReport wal = null;

  static List<RehearsalReport.NextStep> steps(String... texts) {
    return java.util.Arrays.stream(texts).map(RehearsalReport.NextStep::ofText).toList();
  }

  /** The realistic run's figures (every other figure 0, measured). */
  static SummaryFixture realisticSummary() {
    return SummaryFixture.quiet().with("baselineP99Ms", 8.2).with("peakP99Ms", 4_100.0)
        .with("p99Ratio", 500.0).with("spikeThresholdMs", 40.0).with("spikeSeconds", 4)
        .with("blockedSessionSeconds", 12.5).with("longestWaitMs", 3_050.0)
        .with("longestBlockedWindowMs", 3_100.0).with("maxSessionsBlocked", 12).with("poolTimeouts", 3)
        .with("poolSaturatedSeconds", 3).with("maxPoolWaiting", 30).with("operations", 17_500).with("errors", 7)
        .with("errorsByClass", new LinkedHashMap<>(Map.of("lockTimeout", 4L, "poolTimeout", 3L)))
        .with("migrationDurationMs", 3_100.0);
  }

  static RehearsalReport realistic() {
    return new ReportFixture().build();
  }

  RehearsalReport build() {
    return new RehearsalReport(RehearsalReport.SCHEMA_VERSION, scenario, strategy, startedAt,
        finishedAt, complete, server, dataset, seed, phases, timeline, statements, summary, integrity, budgets,
        verdict, nextSteps, failure, null, platform, wal, null);
  }

  /**
   * With a standby streaming: {@code peakMs} behind in replaying at the migration's last second (a quarter of
   * it in writing), 10 ms before and after, and the summary's peak.
   */
  ReportFixture withStandby(double peakMs) {
    List<TimelineSecond> lagging = new ArrayList<>();
    for (TimelineSecond t : timeline) {
      double replay = t.second() == 18 ? peakMs : 10.0;
      lagging.add(new TimelineSecond(t.second(), t.phase(), t.operations(), t.errors(), t.dropped(), t.p50Ms(),
          t.p95Ms(), t.p99Ms(), t.maxMs(), t.byOperation(), t.poolActive(), t.poolWaiting(), t.sessionsBlocked(),
          t.targetOperations(), t.healthCheckFailures(), t.connectionRefusals(), t.serverConnections(),
          t.walBytes(), t.schedulerLagMs(), replay, replay / 4));
    }
    timeline = lagging;
    summary = realisticSummary().with("peakReplicaLagMs", peakMs).with("peakReplicaWriteLagMs", peakMs / 4).build();
    return this;
  }

  /** Without a standby: its lag not measured, in the summary nor the timeline. */
  ReportFixture withoutStandby() {
    summary = realisticSummary().with("peakReplicaLagMs", SummaryFixture.NULL)
        .with("peakReplicaWriteLagMs", SummaryFixture.NULL).build();
    return this;
  }

  /** Puts {@code payload} into every free-text field a report has. */
  ReportFixture withTextEverywhere(String payload) {
    scenario = payload;
    strategy = payload;
    complete = false;
    failure = payload;
    server = new ServerInfo(payload, payload, Map.of(payload, payload));
    dataset = List.of(new TableInfo(payload, 1, 1, "text", payload));
    statements = List.of(new StatementResult(1, payload, 15.0, 10, payload, payload, "up", payload, "sql", payload,
        1, 1, 2, 10.0, null, null, true, List.of(new RehearsalReport.Lock(payload, payload)), List.of(payload),
        new RehearsalReport.LockWaits(1.0, 1.0, 1.0, 1, 1, List.of(payload), List.of(payload)), 5.0, payload));
    summary = SummaryFixture.quiet().with("baselineP99Ms", 8.2).with("peakP99Ms", 4_100.0)
        .with("p99Ratio", 500.0).with("spikeThresholdMs", 40.0).with("spikeSeconds", 4)
        .with("blockedSessionSeconds", 12.5).with("longestWaitMs", 3_050.0)
        .with("longestBlockedWindowMs", 3_100.0).with("maxSessionsBlocked", 12).with("poolTimeouts", 3)
        .with("poolSaturatedSeconds", 3).with("maxPoolWaiting", 30).with("operations", 17_500).with("errors", 7)
        .with("errorsByClass", Map.of(payload, 4L)).with("migrationDurationMs", 3_100.0).build();
    budgets = List.of(
        new BudgetResult(payload, 2.0, 5.0, 12.5, "fail", payload, payload),
        new BudgetResult(payload, 2.0, 5.0, 3, "warn", payload, payload),
        new BudgetResult(payload, 2.0, 5.0, 3, payload, payload, payload));
    verdict = new Verdict(payload, payload);
    nextSteps = steps(payload, payload);
    return this;
  }

  /**
   * Seconds 0-14 warm-up, 15-18 migration (lock queue builds, throughput collapses, second 16
   * completes nothing so its percentiles are null), 19+ cool-down.
   */
  static List<TimelineSecond> timeline(int seconds) {
    List<TimelineSecond> timeline = new ArrayList<>();
    for (int s = 0; s < seconds; s++) {
      boolean migrating = s >= 15 && s <= 18;
      String phase = s < 15 ? "warmup" : migrating ? "migration" : "cooldown";
      double wobble = (s % 5) * 0.3;
      if (!migrating) {
        timeline.add(new TimelineSecond(s, phase, 500 - (s % 3), Map.of(), 0, 2.0 + wobble,
            5.0 + wobble, 8.0 + wobble, 20.0 + 2 * wobble,
            Map.of("read", new Percentiles(400, 1.8, 4.5, 7.5, 18.0)), 4 + s % 2, 0, 0, 500.0, 0));
      } else if (s == 16) {
        timeline.add(new TimelineSecond(s, phase, 0, Map.of("lockTimeout", 2L), 0, null, null,
            null, null, Map.of(), 10, 30, 12, 500.0, 1));
      } else {
        timeline.add(new TimelineSecond(s, phase, 120, Map.of("lockTimeout", 1L,
            "poolTimeout", 1L), 0, 40.0, 2_500.0, 4_100.0, 4_800.0,
            Map.of("read", new Percentiles(90, 38.0, 2_400.0, 4_000.0, 4_700.0)), 10, 25, 11, 500.0, 0));
      }
    }
    return timeline;
  }
}
