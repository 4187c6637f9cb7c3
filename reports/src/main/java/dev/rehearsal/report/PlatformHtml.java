package dev.rehearsal.report;

import dev.rehearsal.report.PlatformReport.Instance;
import dev.rehearsal.report.PlatformReport.OutOfService;
import dev.rehearsal.report.PlatformReport.Probe;
import dev.rehearsal.report.WalReport.StatementWal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The HTML report's platform section: each application instance's pool and probe, the server's connections, the WAL. */
final class PlatformHtml {

  private PlatformHtml() {}

  static void section(StringBuilder page, RehearsalReport report) {
    PlatformReport platform = report.platform();
    if (platform != null && !platform.instances().isEmpty()) {
      instances(page, platform);
    }
    if (report.wal() != null) {
      wal(page, report.wal());
    }
  }

  private static void instances(StringBuilder page, PlatformReport platform) {
    page.append("<h2>Application instances</h2>\n<p>")
        .append(Html.escape(server(platform)))
        .append("</p>\n<table class=\"instances\">\n<tr><th>instance</th><th>pool</th><th>peak in use</th>")
        .append("<th>max waiting</th><th>saturated s</th><th>pool timeouts</th><th>refused (53300)</th>")
        .append("<th>health check</th><th>failed probes</th><th>out of service</th></tr>\n");
    for (Instance i : platform.instances()) {
      Probe p = i.probe();
      page.append("<tr><td class=\"num\">").append(i.instance())
          .append("</td><td class=\"num\">").append(i.maximumPoolSize())
          .append("</td><td class=\"num\">").append(i.peakActive())
          .append("</td><td class=\"num\">").append(i.maxWaiting())
          .append("</td><td class=\"num\">").append(i.saturatedSeconds())
          .append("</td><td class=\"num\">").append(Html.escape(Fmt.count(i.poolTimeouts())))
          .append("</td><td class=\"num\">").append(Html.escape(Fmt.count(i.connectionRefusals())))
          .append("</td><td>").append(Html.escape(p == null ? "none" : probe(p)))
          .append("</td><td class=\"num\">").append(p == null ? Fmt.NONE : p.failedProbes() + " of " + p.probes())
          .append("</td><td>").append(Html.escape(p == null ? Fmt.NONE : outOfService(p)))
          .append("</td></tr>\n");
    }
    page.append("</table>\n");
  }

  /** "Peak 12 client connections on the server, max_connections 12; 30 connections refused (53300)." */
  static String server(PlatformReport platform) {
    String peak = platform.peakServerConnections() == null ? "Server connections were not sampled"
        : "Peak " + platform.peakServerConnections() + " client connections on the server";
    String max = platform.maxConnections() == null ? "" : ", max_connections " + platform.maxConnections();
    return peak + max + "; " + Fmt.count(platform.connectionRefusals()) + " connection"
        + (platform.connectionRefusals() == 1 ? "" : "s") + " refused (53300).";
  }

  /** "readiness via pool: SELECT 1 every 0.25 s, timeout 0.5 s, out after 2 failures, back after 1 success". */
  static String probe(Probe p) {
    return String.format(Locale.ROOT, "%s via %s: %s every %s s, timeout %s s, out after %d failure%s, back after "
        + "%d success%s", p.kind(), p.via(), p.sql(), Fmt.number(p.periodSeconds()), Fmt.number(p.timeoutSeconds()),
        p.failureThreshold(), p.failureThreshold() == 1 ? "" : "s", p.successThreshold(),
        p.successThreshold() == 1 ? "" : "es");
  }

  /** "0.8 s: 4.3–5.1 s" or "never". */
  static String outOfService(Probe p) {
    if (p.outOfService().isEmpty()) {
      return "never";
    }
    String stretches = p.outOfService().stream().map(PlatformHtml::stretch).collect(Collectors.joining(", "));
    return Fmt.number(p.outOfServiceSeconds()) + " s: " + stretches
        + (p.restarts() > 0 ? " (" + p.restarts() + " restart" + (p.restarts() == 1 ? "" : "s") + ")" : "");
  }

  private static String stretch(OutOfService o) {
    return Fmt.number(o.fromSecond()) + "–" + Fmt.number(o.toSecond()) + " s" + (o.untilEnd() ? " (until the end)" : "");
  }

  private static void wal(StringBuilder page, WalReport wal) {
    page.append("<h2>WAL</h2>\n<p>")
        .append(Html.escape("Measured with " + wal.source() + "."
            + (wal.fullPageImages() == null ? "" : " Full-page images during the migration: "
                + Fmt.count(wal.fullPageImages()) + ".")
            + (wal.checkpointsRequested() == null ? "" : " Checkpoints requested: "
                + Fmt.count(wal.checkpointsRequested()) + ".")))
        .append("</p>\n");
    List<StatementWal> statements = wal.statements();
    if (statements.isEmpty()) {
      return;
    }
    boolean images = statements.stream().anyMatch(s -> s.fullPageImages() != null);
    boolean checkpoints = statements.stream().anyMatch(s -> s.checkpointsRequested() != null);
    page.append("<table class=\"wal\">\n<tr><th>statement</th><th>WAL MB</th><th>MB/s</th>")
        .append(images ? "<th>full-page images</th>" : "").append(checkpoints ? "<th>checkpoints requested</th>" : "")
        .append("</tr>\n");
    for (StatementWal s : statements) {
      page.append("<tr><td class=\"num\">#").append(s.index())
          .append("</td><td class=\"num\">").append(Html.escape(Fmt.number(s.walBytes() / 1e6)))
          .append("</td><td class=\"num\">").append(Html.escape(Fmt.number(s.walBytesPerSecond() / 1e6)));
      if (images) {
        page.append("</td><td class=\"num\">").append(s.fullPageImages() == null ? Fmt.NONE
            : Fmt.count(s.fullPageImages()));
      }
      if (checkpoints) {
        page.append("</td><td class=\"num\">").append(s.checkpointsRequested() == null ? Fmt.NONE
            : Fmt.count(s.checkpointsRequested()));
      }
      page.append("</td></tr>\n");
    }
    page.append("</table>\n");
  }
}
