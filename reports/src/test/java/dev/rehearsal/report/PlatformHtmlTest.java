package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.PlatformReport.Instance;
import dev.rehearsal.report.PlatformReport.OutOfService;
import dev.rehearsal.report.PlatformReport.Probe;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformHtmlTest {

  private static final Probe PROBE = new Probe("pool", "readiness", "SELECT 1", 0.25, 0.5, 2, 1, 22, 3, 0.8, 0,
      List.of(new OutOfService(4.3, 5.1, 0.8, 0, false)));

  private static RehearsalReport report() {
    ReportFixture fixture = new ReportFixture();
    fixture.platform = new PlatformReport(12, 12, 30, List.of(new Instance(1, 5, 5, 3, 2, 0, 0, PROBE),
        new Instance(2, 5, 2, 4, 0, 1, 15, null)));
    fixture.wal = new WalReport("pg_current_wal_insert_lsn() every 50 ms", 1200L, 0L,
        List.of(new WalReport.StatementWal(1, 69_500_000, 25_000_000, 1_150L, 0L)));
    return fixture.build();
  }

  @Test
  void theInstancesTableSaysWhatTheOrchestratorWouldHaveDone() {
    String html = HtmlReport.render(report());
    assertThat(html).contains("<h2>Application instances</h2>",
        "Peak 12 client connections on the server, max_connections 12; 30 connections refused (53300).",
        "readiness via pool: SELECT 1 every 0.25 s, timeout 0.5 s, out after 2 failures, back after 1 success",
        "3 of 22", "0.8 s: 4.3–5.1 s", "<h2>WAL</h2>", "Full-page images during the migration: 1,200.",
        "<th>full-page images</th><th>checkpoints requested</th>", "<td class=\"num\">1,150</td>",
        "chart-health");
  }

  @Test
  void noSectionWithoutPlatformFigures() {
    String html = HtmlReport.render(new ReportFixture().build());
    assertThat(html).doesNotContain("Application instances", "chart-health", "<h2>WAL</h2>");
  }

  @Test
  void stretchesAndRestartsInWords() {
    Probe liveness = new Probe("own-connection", "liveness", "SELECT 1", 1, 1, 3, 1, 30, 9, 6.5, 2,
        List.of(new OutOfService(10, 14, 4, 2, false), new OutOfService(20, 22.5, 2.5, 1, true)));
    assertThat(PlatformHtml.outOfService(liveness)).isEqualTo("6.5 s: 10–14 s, 20–22.5 s (until the end) (2 restarts)");
    assertThat(PlatformHtml.outOfService(new Probe("pool", "readiness", "SELECT 1", 1, 1, 3, 1, 5, 0, 0, 0,
        List.of()))).isEqualTo("never");
  }
}
