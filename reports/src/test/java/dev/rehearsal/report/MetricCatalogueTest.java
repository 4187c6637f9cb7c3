package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.MetricCatalogue.Metric;
import dev.rehearsal.report.RehearsalReport.Summary;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue, the Summary record and docs/report-format.md say the same. */
class MetricCatalogueTest {

  private static final Path DOC = Path.of("..", "docs", "report-format.md");

  @Test
  void everySummaryFieldIsInTheCatalogueAndNothingElse() {
    Set<String> fields = Arrays.stream(Summary.class.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toSet());
    Set<String> catalogued = MetricCatalogue.all().stream().map(Metric::field).collect(Collectors.toSet());
    assertThat(catalogued).as("Summary fields without a catalogue entry, or entries without a field")
        .isEqualTo(fields);
  }

  @Test
  void theDocumentedSummaryTableIsTheCatalogues() throws Exception {
    String doc = Files.readString(DOC);
    assertThat(doc).as("docs/report-format.md's summary table must read exactly (regenerate it from"
        + " MetricCatalogue.markdownTable()):%n%s", MetricCatalogue.markdownTable())
        .contains(MetricCatalogue.markdownTable());
  }

  @Test
  void everyFigureReadsFromASummaryByItsOwnField() {
    Summary s = SummaryFixture.quiet().with("peakP99Ms", 2100).with("poolTimeouts", 7)
        .with("errorsByClass", Map.of("deadlock", 3L)).with("lostWrites", SummaryFixture.NULL).build();
    Map<String, Double> figures = MetricCatalogue.figures(s);
    assertThat(figures.keySet()).containsExactlyElementsOf(MetricCatalogue.names());
    assertThat(figures).containsEntry("peakP99Ms", 2100.0).containsEntry("poolTimeouts", 7.0)
        .containsEntry("errors.deadlock", 3.0).containsEntry("errors.lockTimeout", 0.0)
        .containsEntry("lostWrites", null).containsEntry("migrationErrors", 0.0);
  }

  @Test
  void onlyLowerIsBetterFiguresCanBeBudgets() {
    // a budget is breached when its figure reaches the threshold: that only means "worse" when lower is better
    for (Metric m : MetricCatalogue.all()) {
      if (m.better() == MetricCatalogue.Better.HIGHER) {
        assertThat(m.budgetable()).as(m.name()).isFalse();
      }
    }
    assertThat(MetricCatalogue.budgetable()).contains("blockedSessionSeconds", "errors.lockTimeout", "lostWrites")
        .doesNotContain("operations", "spikeThresholdMs");
    assertThat(MetricCatalogue.higherIsBetter("operations")).isTrue();
    assertThat(MetricCatalogue.higherIsBetter("peakP99Ms")).isFalse();
  }

  @Test
  void namesAreUniqueAndDescribed() {
    assertThat(MetricCatalogue.names()).doesNotHaveDuplicates();
    MetricCatalogue.all().forEach(m -> assertThat(m.description()).as(m.name()).isNotBlank()
        .doesNotContain("|"));
  }
}
