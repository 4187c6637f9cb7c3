package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

  @Test
  void leadsWithVerdictHeadlineAndNextSteps() {
    String md = MarkdownSummary.render(List.of(ReportFixture.realistic()));

    assertThat(md).startsWith("## Rehearsal: add-column-not-null\n");
    assertThat(md).contains("### **FAIL** strategy naive\n")
        .contains("ALTER TABLE orders waited 3.1 s for ACCESS EXCLUSIVE")
        .contains("1. Set `lock_timeout = '2s'` and retry the ALTER\n")
        .contains("2. Or use strategy expand-contract\n");
    assertThat(md.indexOf("**FAIL**")).isLessThan(md.indexOf("| figure |"));
  }

  @Test
  void tablesShowKeyFiguresAndBudgets() {
    String md = MarkdownSummary.render(List.of(ReportFixture.realistic()));

    assertThat(md).contains("| peak p99 | 4,100 ms |")
        .contains("| blockedSessionSeconds | 12.5 | ≥ 2 | ≥ 5 | **FAIL** | set lock_timeout")
        .contains("| poolTimeouts | 3 | ≥ 1 | ≥ 10 | **WARN** |")
        .contains("| lostWrites | 0 | — | ≥ 0 | PASS |");
  }

  @Test
  void aStandbysLagIsAKeyFigureOnlyWhenARunHadOne() {
    assertThat(MarkdownSummary.render(List.of(new ReportFixture().withStandby(240).build())))
        .contains("| most a standby fell behind (replay lag) | 240 ms |");
    assertThat(MarkdownSummary.render(List.of(new ReportFixture().withoutStandby().build())))
        .doesNotContain("standby fell behind");
  }

  @Test
  void staleReplicaReadsAreAKeyFigureOnlyWhenOperationsReadFromTheStandby() {
    ReportFixture reads = new ReportFixture().withStandby(240);
    reads.summary = ReportFixture.realisticSummary().with("peakReplicaLagMs", 240)
        .with("staleReplicaReadSeconds", 3).build();
    assertThat(MarkdownSummary.render(List.of(reads.build())))
        .contains("| seconds replica reads were stale (lag over the threshold) | 3 s |");
    ReportFixture none = new ReportFixture().withStandby(240);
    none.summary = ReportFixture.realisticSummary().with("peakReplicaLagMs", 240)
        .with("staleReplicaReadSeconds", SummaryFixture.NULL).build();
    assertThat(MarkdownSummary.render(List.of(none.build()))).doesNotContain("replica reads were stale");
  }

  @Test
  void onePerStrategy() {
    ReportFixture other = new ReportFixture();
    other.strategy = "expand-contract";
    other.verdict = new RehearsalReport.Verdict("pass", "nothing waited");
    String md = MarkdownSummary.render(List.of(ReportFixture.realistic(), other.build()));

    assertThat(md).contains("### **FAIL** strategy naive", "### **PASS** strategy expand-contract");
  }

  @Test
  void escapesPipesBackticksNewlinesAndHtmlInTableCells() {
    ReportFixture fixture = new ReportFixture();
    fixture.statements = List.of(new RehearsalReport.StatementResult(1,
        "UPDATE t SET a = b || `c`\nWHERE <x>", 15, 10, "55P03", "lock | timeout"));
    String md = MarkdownSummary.render(List.of(fixture.build()));

    String row = md.lines().filter(l -> l.startsWith("| 1 |")).findFirst().orElseThrow();
    assertThat(row).isEqualTo("| 1 | UPDATE t SET a = b \\|\\| \\`c\\` WHERE &lt;x&gt; | 10 ms "
        + "| none seen |  | 55P03 lock \\| timeout |");
    // exactly seven unescaped separators: six columns
    assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(7);
  }

  @Test
  void incompleteRunIsSaid() {
    ReportFixture fixture = new ReportFixture();
    fixture.complete = false;
    fixture.failure = "killed\nby CI";
    String md = MarkdownSummary.render(List.of(fixture.build()));

    assertThat(md).contains("(INCOMPLETE run)").contains("**INCOMPLETE run:** killed by CI");
  }

  @Test
  void emptyListSaysSo() {
    assertThat(MarkdownSummary.render(List.of())).contains("No rehearsal reports.");
  }
}
