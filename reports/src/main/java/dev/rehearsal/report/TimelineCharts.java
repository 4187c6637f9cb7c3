package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Phases;
import dev.rehearsal.report.RehearsalReport.StatementResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import dev.rehearsal.report.RehearsalReport.TimelineSecond;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The timeline charts of the HTML report, top to bottom: throughput, latency, connection pool,
 * blocked sessions, and when measured health checks (failed probes, refused connections, instances
 * out of service), WAL and a standby's lag. They share one {@link TimeAxis}, and each shows the migration window
 * and every statement as a shaded band from its start to its end, so cause and effect line up vertically.
 */
final class TimelineCharts {

  /** Per-second hover tooltips are skipped beyond this; the page would grow too large. */
  private static final int MAX_HOVER_SECONDS = 1800;

  private static final String BLUE = "#0969da";
  private static final String RED = "#cf222e";
  private static final String GREY = "#8c959f";
  private static final String GREEN = "#1a7f37";
  private static final String PURPLE = "#8250df";
  private static final String ORANGE = "#bc4c00";

  /** A chart ready to place on the page: its heading and its SVG. */
  record Chart(String heading, String svg) {}

  private final RehearsalReport report;
  private final List<TimelineSecond> timeline;
  private final TimeAxis axis;

  private TimelineCharts(RehearsalReport report) {
    this.report = report;
    this.timeline = Nulls.list(report.timeline());
    this.axis = TimeAxis.covering(report, SvgChart.PLOT_LEFT, SvgChart.PLOT_RIGHT);
  }

  static List<Chart> of(RehearsalReport report) {
    TimelineCharts charts = new TimelineCharts(report);
    List<Chart> all = new ArrayList<>(List.of(
        new Chart("Throughput", charts.throughput()),
        new Chart("Latency (log scale)", charts.latency()),
        new Chart("Connection pool", charts.pool()),
        new Chart("Sessions blocked on a lock", charts.blocked())));
    if (report.platform() != null && report.platform().instances().stream().anyMatch(i -> i.probe() != null)) {
      all.add(new Chart("Health checks", charts.health()));
    }
    if (charts.timeline.stream().anyMatch(s -> s.walBytes() != null)) {
      all.add(new Chart("WAL written", charts.wal()));
    }
    if (charts.timeline.stream().anyMatch(s -> s.replicaLagMs() != null)) {
      all.add(new Chart("Replica lag (ms)", charts.replicaLag()));
    }
    return List.copyOf(all);
  }

  /** Failed probes and refused connections per second; each stretch an instance was out of service, shaded. */
  private String health() {
    double max = timeline.stream().mapToDouble(s -> Math.max(s.healthCheckFailures(), s.connectionRefusals()))
        .max().orElse(0);
    SvgChart chart = new SvgChart("chart-health",
        "Failed health probes and connections the server refused, per second; shaded: an instance out of service",
        "per second", axis, LinearScale.upTo(max, true, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    chart.series(series("failed probes/s", RED, s -> (double) s.healthCheckFailures()));
    if (timeline.stream().anyMatch(s -> s.connectionRefusals() > 0)) {
      chart.series(series("connections refused/s", ORANGE, s -> (double) s.connectionRefusals()));
    }
    for (PlatformReport.Instance instance : report.platform().instances()) {
      if (instance.probe() == null) {
        continue;
      }
      for (PlatformReport.OutOfService out : instance.probe().outOfService()) {
        chart.stall(out.fromSecond(), out.toSecond(), "instance " + instance.instance()
            + (out.restarts() > 0 ? " restarted " + out.restarts() + "x, " : " ") + "out of service "
            + Fmt.number(out.fromSecond()) + "–" + Fmt.number(out.toSecond()) + " s");
      }
    }
    hovers(chart, s -> s.second() + " s: " + s.healthCheckFailures() + " failed probes, "
        + s.connectionRefusals() + " connections refused");
    return decorate(chart);
  }

  /** WAL per second, in MB. */
  private String wal() {
    double max = timeline.stream().filter(s -> s.walBytes() != null).mapToDouble(s -> s.walBytes() / 1e6)
        .max().orElse(0);
    SvgChart chart = new SvgChart("chart-wal", "WAL written per second, megabytes", "MB/s", axis,
        LinearScale.upTo(max, true, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    chart.series(series("WAL MB/s", PURPLE, s -> s.walBytes() == null ? null : s.walBytes() / 1e6));
    hovers(chart, s -> s.second() + " s: " + (s.walBytes() == null ? "not measured"
        : Fmt.number(s.walBytes() / 1e6) + " MB of WAL"));
    return decorate(chart);
  }

  /** How far a standby was behind per second: replaying, and where measured writing, in ms. */
  private String replicaLag() {
    double max = timeline.stream().flatMap(s -> Stream.of(s.replicaLagMs(), s.replicaWriteLagMs()))
        .filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    SvgChart chart = new SvgChart("chart-replica-lag", "How far a standby was behind, per second, milliseconds",
        "ms", axis, LinearScale.upTo(max, true, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    chart.series(series("replay lag", ORANGE, TimelineSecond::replicaLagMs));
    if (timeline.stream().anyMatch(s -> s.replicaWriteLagMs() != null)) {
      chart.series(series("write lag", BLUE, TimelineSecond::replicaWriteLagMs));
    }
    hovers(chart, s -> s.second() + " s: " + (s.replicaLagMs() == null ? "not measured"
        : Fmt.number(s.replicaLagMs()) + " ms behind in replaying" + (s.replicaWriteLagMs() == null ? ""
            : ", " + Fmt.number(s.replicaWriteLagMs()) + " ms in writing")));
    return decorate(chart);
  }

  private String throughput() {
    List<SvgChart.Series> lines = new ArrayList<>();
    lines.add(series("operations/s", BLUE, s -> (double) s.operations()));
    lines.add(series("errors/s", RED, s -> (double) errorCount(s)));
    if (timeline.stream().anyMatch(s -> s.dropped() > 0)) {
      // only when it happened: dropped work means the load generator itself was saturated
      lines.add(series("dropped/s", GREY, s -> (double) s.dropped()));
    }
    double max = timeline.stream().mapToDouble(s -> Math.max(s.operations(),
        Math.max(errorCount(s), s.dropped()))).max().orElse(0);
    SvgChart chart = new SvgChart("chart-throughput",
        "Operations and errors per second over time", "per second", axis,
        LinearScale.upTo(max, true, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    lines.forEach(chart::series);
    hovers(chart, s -> s.second() + " s: " + Fmt.count(s.operations()) + " ops, "
          + Fmt.count(errorCount(s)) + " errors, " + Fmt.count(s.dropped()) + " dropped");
    return decorate(chart);
  }

  private String latency() {
    List<Double> all = new ArrayList<>();
    for (TimelineSecond s : timeline) {
      all.add(s.p50Ms());
      all.add(s.maxMs());
    }
    Summary summary = report.summary();
    boolean hasThreshold = summary != null && Double.isFinite(summary.spikeThresholdMs())
        && summary.spikeThresholdMs() > 0;
    if (hasThreshold) {
      all.add(summary.spikeThresholdMs());
    }
    SvgChart chart = new SvgChart("chart-latency",
        "Latency percentiles per second, milliseconds, logarithmic scale", "ms (log scale)", axis,
        LogScale.coveringMs(all, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    chart.series(series("p50", GREEN, TimelineSecond::p50Ms));
    chart.series(series("p95", BLUE, TimelineSecond::p95Ms));
    chart.series(series("p99", PURPLE, TimelineSecond::p99Ms));
    chart.series(series("max", GREY, TimelineSecond::maxMs));
    if (hasThreshold) {
      chart.threshold(summary.spikeThresholdMs(),
          "spike threshold " + Fmt.withUnit(summary.spikeThresholdMs(), "ms"), RED);
    }
    for (TimelineSecond s : timeline) {
      if (s.p99Ms() == null && (s.poolWaiting() > 0 || s.sessionsBlocked() > 0)) {
        chart.stall(s.second(), s.second() + 1, s.second() + " s: no request completed while "
            + s.poolWaiting() + " waited for a connection and " + s.sessionsBlocked()
            + " sessions were blocked on a lock; their latency shows in the second they completed");
      }
    }
    hovers(chart, s -> s.second() + " s: p50 " + Fmt.number(s.p50Ms()) + ", p95 "
          + Fmt.number(s.p95Ms()) + ", p99 " + Fmt.number(s.p99Ms()) + ", max "
          + Fmt.number(s.maxMs()) + " ms");
    return decorate(chart);
  }

  private String pool() {
    double max = timeline.stream()
        .mapToDouble(s -> Math.max(s.poolActive(), s.poolWaiting())).max().orElse(0);
    SvgChart chart = new SvgChart("chart-pool",
        "Connection pool: connections in use and requests waiting, per second",
        "connections / requests", axis,
        LinearScale.upTo(max, true, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    chart.series(series("active connections", BLUE, s -> (double) s.poolActive()));
    chart.series(series("waiting for a connection", ORANGE, s -> (double) s.poolWaiting()));
    hovers(chart, s -> s.second() + " s: " + s.poolActive() + " active, "
          + s.poolWaiting() + " waiting");
    return decorate(chart);
  }

  private String blocked() {
    double max = timeline.stream().mapToDouble(TimelineSecond::sessionsBlocked).max().orElse(0);
    SvgChart chart = new SvgChart("chart-blocked",
        "Application sessions waiting on a lock, per second", "sessions", axis,
        LinearScale.upTo(max, true, SvgChart.PLOT_TOP, SvgChart.PLOT_BOTTOM));
    chart.series(series("sessions blocked", RED, s -> (double) s.sessionsBlocked()));
    hovers(chart, s -> s.second() + " s: " + s.sessionsBlocked() + " sessions blocked");
    return decorate(chart);
  }

  /** What every chart shares: the migration band, statement markers, the no-data notice. */
  private String decorate(SvgChart chart) {
    Phases phases = report.phases();
    if (phases != null) {
      chart.endAt(phases.endSecond());
    }
    if (phases != null && Double.isFinite(phases.migrationStartSecond())
        && Double.isFinite(phases.migrationEndSecond())) {
      chart.band(phases.migrationStartSecond(), phases.migrationEndSecond(),
          "migration " + Fmt.number(phases.migrationStartSecond()) + "–"
              + Fmt.number(phases.migrationEndSecond()) + " s");
    }
    for (StatementResult statement : Nulls.list(report.statements())) {
      if (!Double.isFinite(statement.startSecond())) {
        continue;
      }
      double endSecond = statement.startSecond() + Math.max(0, statement.durationMs()) / 1000;
      chart.statement(statement.startSecond(), endSecond, "#" + statement.index(),
          "statement " + statement.index() + " at " + Fmt.number(statement.startSecond())
              + " s, " + Fmt.withUnit(statement.durationMs(), "ms") + ": "
              + Nulls.text(statement.sql()));
    }
    if (timeline.isEmpty()) {
      chart.emptyMessage("no timeline data recorded");
    }
    return chart.toSvg();
  }

  /** Per-second tooltips, unless the run is so long they would bloat the page. */
  private void hovers(SvgChart chart, Function<TimelineSecond, String> tooltip) {
    if (timeline.size() > MAX_HOVER_SECONDS) {
      return;
    }
    for (TimelineSecond s : timeline) {
      chart.hover(s.second(), tooltip.apply(s));
    }
  }

  private SvgChart.Series series(String label, String colour,
      Function<TimelineSecond, Double> value) {
    List<SvgChart.Point> points = new ArrayList<>(timeline.size());
    for (TimelineSecond s : timeline) {
      points.add(new SvgChart.Point(s.second(), value.apply(s)));
    }
    return new SvgChart.Series(label, colour, points);
  }

  private static long errorCount(TimelineSecond second) {
    return Nulls.map(second.errors()).values().stream()
        .mapToLong(count -> count == null ? 0 : count).sum();
  }
}
