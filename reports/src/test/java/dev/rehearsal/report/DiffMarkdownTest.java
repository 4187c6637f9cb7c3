package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffMarkdownTest {

  private static final int FIGURES = MetricCatalogue.names().size();

  private static String render(RehearsalReport baseline, RehearsalReport current) {
    return DiffMarkdown.render(ReportDiffer.diff(DiffFixtures.single("last", baseline),
        DiffFixtures.single("now", current), DiffTolerance.defaults()));
  }

  @Test
  void leadsWithTheOutcomeThenTheFiguresAndBudgetsThatChanged() {
    String md = render(ReportFixture.realistic(), ReportDifferTest.poolTimeoutsFail());

    assertThat(md).startsWith("## REGRESSION: budget poolTimeouts newly fails for strategy naive\n\n");
    assertThat(md).contains("- Baseline: last (scenario add-column-not-null, run 2025-03-14T09:26:53Z)\n")
        .contains("- Tolerance: within 10% of the baseline or the figure's noise floor, whichever is larger\n")
        .contains("### Strategy naive: verdict FAIL (unchanged)\n")
        .contains("| figure | baseline | current | change | |\n|---|--:|--:|--:|---|\n"
            + "| poolTimeouts | 3 | 12 | +9 (+300%) | **worse** |\n")
        .contains("| poolTimeouts | WARN (3) | FAIL (12) | **newly fails** | warn ≥ 1, critical ≥ 10 |\n")
        .contains("Unchanged: " + (FIGURES - 1) + " figures within tolerance; 2 budgets with the same status; "
            + "still failing: blockedSessionSeconds.\n");
    assertThat(md).doesNotContain("peakP99Ms").doesNotContain("<");
  }

  @Test
  void nothingChangedIsOneLinePerStrategy() {
    String md = render(ReportFixture.realistic(), ReportFixture.realistic());

    assertThat(md).contains("### Strategy naive: verdict FAIL (unchanged)\n\nUnchanged: " + FIGURES + " figures within")
        .doesNotContain("| figure |").doesNotContain("| budget |");
  }

  @Test
  void verdictChangesAndMeasurementChangesAreShown() {
    ReportFixture before = new ReportFixture();
    before.verdict = new RehearsalReport.Verdict("pass", "ok");
    ReportFixture after = new ReportFixture();
    after.summary = DiffFixtures.with(DiffFixtures.with(after.summary, "lostWrites", null), "operations", 10_000L);
    String md = render(before.build(), after.build());

    assertThat(md).contains("### Strategy naive: verdict PASS -> **FAIL**\n")
        .contains("| operations (higher is better) | 17,500 | 10,000 | -7,500 (-42.9%) | **worse** |\n")
        .contains("| lostWrites | 0 | not measured |  | no longer measured |\n");
    assertThat(md.indexOf("| operations")).isLessThan(md.indexOf("| lostWrites"));
  }

  @Test
  void notesAddedAndRemovedStrategies() {
    ReportDiff diff = ReportDiffer.diff(
        DiffFixtures.compare("last", DiffFixtures.strategy("naive", "fail"), DiffFixtures.strategy("old", "pass")),
        DiffFixtures.compare("now", DiffFixtures.strategy("naive", "fail"), DiffFixtures.strategy("new", "fail")),
        DiffTolerance.parse(java.util.List.of("25%")));
    String md = DiffMarkdown.render(diff);

    assertThat(md).contains("- Tolerance: within 25% of the baseline or the figure's noise floor, whichever is "
            + "larger; --tolerance 25%\n")
        .contains("### Strategies only in the current run (added)\n\n- new: verdict **FAIL**, failing budgets: "
            + "blockedSessionSeconds (now/new/report.json)\n")
        .contains("### Strategies only in the baseline (removed)\n\n- old: verdict PASS (last/old/report.json)\n");
  }

  @Test
  void reportTextIsEscapedInHeadingsNotesAndCells() {
    String payload = "a|b <script>`x`\n## injected";
    ReportFixture before = new ReportFixture();
    before.strategy = payload;
    before.scenario = payload;
    ReportFixture after = new ReportFixture();
    after.strategy = payload;
    after.budgets = new java.util.ArrayList<>(after.budgets);
    after.budgets.add(new RehearsalReport.BudgetResult(payload, null, 1.0, 5, "fail", payload, payload));
    String md = render(before.build(), after.build());

    assertThat(md).doesNotContain("<script>").doesNotContain("\n## injected");
    assertThat(md).contains("### Strategy a|b &lt;script&gt;`x` ## injected: verdict FAIL (unchanged)\n");
    String row = md.lines().filter(l -> l.startsWith("| a")).findFirst().orElseThrow();
    assertThat(row).isEqualTo("| a\\|b &lt;script&gt;\\`x\\` ## injected | absent | FAIL (5) | **newly fails** "
        + "| critical ≥ 1 |");
    // five columns: six unescaped separators
    assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(6);
    assertThat(md).contains("REGRESSION: budget a|b &lt;script&gt;`x` ## injected newly fails");
  }
}
