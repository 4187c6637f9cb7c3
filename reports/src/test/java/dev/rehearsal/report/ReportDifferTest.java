package dev.rehearsal.report;

import static dev.rehearsal.report.DiffFixtures.compare;
import static dev.rehearsal.report.DiffFixtures.single;
import static dev.rehearsal.report.DiffFixtures.strategy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.ReportDiff.BudgetDiff;
import dev.rehearsal.report.ReportDiff.FigureDiff;
import dev.rehearsal.report.ReportDiff.Outcome;
import dev.rehearsal.report.ReportDiff.StrategyDiff;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportDifferTest {

  private static ReportDiff diff(RehearsalReport baseline, RehearsalReport current) {
    return ReportDiffer.diff(single("last", baseline), single("now", current), DiffTolerance.defaults());
  }

  /** The fixture with poolTimeouts gone from 3 (warn) to 12 (fail at 10). */
  static RehearsalReport poolTimeoutsFail() {
    ReportFixture f = new ReportFixture();
    f.summary = DiffFixtures.with(f.summary, "poolTimeouts", 12L);
    f.budgets = DiffFixtures.budget(f, "poolTimeouts", "fail", 12);
    return f.build();
  }

  @Test
  void aReportAgainstItselfIsNoRegression() {
    ReportDiff diff = diff(ReportFixture.realistic(), ReportFixture.realistic());

    assertThat(diff.outcome()).isEqualTo(Outcome.NO_REGRESSION);
    assertThat(diff.headline()).isEqualTo(
        "NO REGRESSION: no budget newly fails, no figure got worse beyond tolerance");
    assertThat(diff.newlyFails()).isFalse();
    assertThat(diff.figuresWorse()).isFalse();
    assertThat(diff.notes()).isEmpty();
    StrategyDiff s = diff.strategies().get(0);
    assertThat(s.figures()).hasSize(MetricCatalogue.names().size());
    assertThat(s.figures(FigureDiff.Status.WITHIN)).hasSize(MetricCatalogue.names().size());
    assertThat(s.budgets(BudgetDiff.Change.UNCHANGED)).hasSize(3);
    assertThat(diff.tolerances()).hasSize(MetricCatalogue.names().size());
  }

  @Test
  void aNewlyFailingBudgetIsARegressionNamedInTheHeadline() {
    ReportDiff diff = diff(ReportFixture.realistic(), poolTimeoutsFail());

    assertThat(diff.outcome()).isEqualTo(Outcome.REGRESSION);
    assertThat(diff.newlyFails()).isTrue();
    assertThat(diff.headline()).isEqualTo("REGRESSION: budget poolTimeouts newly fails for strategy naive");
    StrategyDiff s = diff.strategies().get(0);
    assertThat(s.figures(FigureDiff.Status.WORSE)).extracting(FigureDiff::metric).containsExactly("poolTimeouts");
    assertThat(s.verdictNewlyFails()).as("it failed already").isFalse();
  }

  @Test
  void worseFiguresWithoutANewFailureAreWorseNotARegression() {
    ReportFixture f = new ReportFixture();
    f.summary = DiffFixtures.with(DiffFixtures.with(f.summary, "peakP99Ms", 5_000.0), "operations", 15_000L);
    ReportDiff diff = diff(ReportFixture.realistic(), f.build());

    assertThat(diff.outcome()).isEqualTo(Outcome.WORSE);
    assertThat(diff.newlyFails()).isFalse();
    assertThat(diff.figuresWorse()).isTrue();
    assertThat(diff.headline()).isEqualTo("WORSE: peakP99Ms +22% for strategy naive; "
        + "operations -14.3% for strategy naive; no budget newly fails");
  }

  @Test
  void aBudgetThatNewlyWarnsIsWorse() {
    ReportFixture f = new ReportFixture();
    f.budgets = DiffFixtures.budget(f, "lostWrites", "warn", 0);
    ReportDiff diff = diff(ReportFixture.realistic(), f.build());

    assertThat(diff.outcome()).isEqualTo(Outcome.WORSE);
    assertThat(diff.figuresWorse()).isFalse();
    assertThat(diff.headline()).startsWith("WORSE: budget lostWrites newly warns for strategy naive");
  }

  @Test
  void aVerdictThatNewlyBecameFailIsARegressionEvenWithoutABudgetSayingSo() {
    ReportFixture before = new ReportFixture();
    before.verdict = new RehearsalReport.Verdict("warn", "x");
    ReportDiff diff = diff(before.build(), ReportFixture.realistic());

    assertThat(diff.outcome()).isEqualTo(Outcome.REGRESSION);
    assertThat(diff.strategies().get(0).verdictNewlyFails()).isTrue();
    assertThat(diff.headline()).isEqualTo("REGRESSION: verdict for strategy naive became fail");
  }

  @Test
  void improvementsAreCountedInTheHeadline() {
    ReportFixture f = new ReportFixture();
    f.summary = DiffFixtures.with(f.summary, "blockedSessionSeconds", 1.0);
    f.budgets = DiffFixtures.budget(f, "blockedSessionSeconds", "pass", 1.0);
    f.verdict = new RehearsalReport.Verdict("warn", "poolTimeouts");
    ReportDiff diff = diff(ReportFixture.realistic(), f.build());

    assertThat(diff.outcome()).isEqualTo(Outcome.NO_REGRESSION);
    assertThat(diff.headline()).endsWith("; 1 figure better, 1 budget fixed or improved");
    assertThat(diff.strategies().get(0).budgets(BudgetDiff.Change.FIXED)).hasSize(1);
  }

  @Test
  void compareDirectoriesPairByStrategyAndListTheRest() {
    ReportDiff diff = ReportDiffer.diff(
        compare("last", strategy("naive", "fail"), strategy("old", "pass")),
        compare("now", strategy("expand-contract", "pass"), strategy("naive", "fail")),
        DiffTolerance.defaults());

    assertThat(diff.strategies()).extracting(StrategyDiff::strategy).containsExactly("naive");
    assertThat(diff.added()).extracting(ReportDiff.LoneStrategy::strategy).containsExactly("expand-contract");
    assertThat(diff.removed()).extracting(ReportDiff.LoneStrategy::strategy).containsExactly("old");
    assertThat(diff.outcome()).isEqualTo(Outcome.NO_REGRESSION);
    assertThat(diff.strategies().get(0).baselineFile()).endsWith("naive/report.json");
  }

  @Test
  void aNewStrategyThatFailsIsARegression() {
    ReportDiff diff = ReportDiffer.diff(
        compare("last", strategy("naive", "fail")),
        compare("now", strategy("naive", "fail"), strategy("expand-contract", "fail")),
        DiffTolerance.defaults());

    assertThat(diff.outcome()).isEqualTo(Outcome.REGRESSION);
    assertThat(diff.added().get(0).failingBudgets()).containsExactly("blockedSessionSeconds");
    assertThat(diff.headline()).isEqualTo(
        "REGRESSION: new strategy expand-contract fails (budget blockedSessionSeconds)");
  }

  @Test
  void nothingToPairIsBadInput() {
    assertThatThrownBy(() -> ReportDiffer.diff(compare("last", strategy("a", "pass")),
        compare("now", strategy("b", "pass")), DiffTolerance.defaults()))
        .isInstanceOf(DiffInputException.class)
        .hasMessageContaining("nothing to compare: no strategy is on both sides (the baseline has [a], "
            + "the current run [b])")
        .hasMessageContaining("fix:");
  }

  @Test
  void twoSingleReportsPairWhateverTheirStrategiesAndSaySo() {
    ReportDiff diff = diff(strategy("naive", "fail"), strategy("expand-contract", "pass"));

    assertThat(diff.strategies()).singleElement().satisfies(s -> {
      assertThat(s.strategy()).isEqualTo("expand-contract");
      assertThat(s.baselineStrategy()).isEqualTo("naive");
    });
    assertThat(diff.notes()).containsExactly("different strategies: naive in the baseline, expand-contract "
        + "in the current run; compared with each other");
  }

  @Test
  void differentScenariosAndIncompleteRunsAreNoted() {
    ReportFixture f = new ReportFixture();
    f.scenario = "other";
    f.complete = false;
    f.failure = "killed by CI";
    ReportDiff diff = diff(ReportFixture.realistic(), f.build());

    assertThat(diff.notes()).containsExactly(
        "different scenarios: the baseline is add-column-not-null, the current run other; "
            + "compared anyway, strategy by strategy",
        "the current run of strategy naive is incomplete (killed by CI): its figures cover only what was observed");
  }

  @Test
  void aReportWithoutSummaryOrVerdictHasNothingMeasured() {
    ReportFixture f = new ReportFixture();
    f.summary = null;
    f.verdict = null;
    f.budgets = null;
    ReportDiff diff = diff(ReportFixture.realistic(), f.build());

    StrategyDiff s = diff.strategies().get(0);
    assertThat(s.figures(FigureDiff.Status.NO_LONGER_MEASURED)).hasSize(MetricCatalogue.names().size());
    assertThat(s.currentVerdict()).isNull();
    assertThat(s.budgets()).extracting(BudgetDiff::change).containsOnly(BudgetDiff.Change.REMOVED);
    assertThat(diff.outcome()).isEqualTo(Outcome.NO_REGRESSION);
  }

  @Test
  void theDiffWritesAsJson() throws Exception {
    ReportDiff diff = diff(ReportFixture.realistic(), poolTimeoutsFail());

    String json = ReportJson.toJson(diff);
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);

    assertThat(tree.get("diffVersion").asInt()).isEqualTo(1);
    assertThat(tree.get("outcome").asText()).isEqualTo("regression");
    assertThat(tree.get("newlyFails").asBoolean()).isTrue();
    var budget = tree.get("strategies").get(0).get("budgets").get(1);
    assertThat(budget.get("metric").asText()).isEqualTo("poolTimeouts");
    assertThat(budget.get("change").asText()).isEqualTo("newly-fails");
    var figure = tree.get("strategies").get(0).get("figures").get(0);
    assertThat(figure.get("metric").asText()).isEqualTo("blockedSessionSeconds");
    assertThat(figure.get("status").asText()).isEqualTo("within");
    assertThat(json).endsWith("}\n").doesNotContain("\r");
    assertThat(List.of(json.split("\n"))).allMatch(l -> !l.endsWith(" "));
  }
}
