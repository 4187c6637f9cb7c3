package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import dev.rehearsal.report.RehearsalReport.Summary;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reports for diff tests: {@link ReportFixture}'s, with single figures and budgets changed. */
final class DiffFixtures {

  private DiffFixtures() {}

  /** {@code summary} with one field replaced; {@code value} must have the field's boxed type. */
  static Summary with(Summary summary, String field, Object value) {
    try {
      RecordComponent[] components = Summary.class.getRecordComponents();
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        args[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(summary);
      }
      Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      return Summary.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(field, e);
    }
  }

  /** The fixture's budgets with {@code metric}'s status and value replaced. */
  static List<BudgetResult> budget(ReportFixture fixture, String metric, String status, double value) {
    List<BudgetResult> budgets = new ArrayList<>();
    for (BudgetResult b : fixture.budgets) {
      budgets.add(b.metric().equals(metric)
          ? new BudgetResult(b.metric(), b.warn(), b.critical(), b.strict(), value, status, b.action(), b.owner())
          : b);
    }
    return budgets;
  }

  /** One report as one side, as if read from {@code dir}/report.json. */
  static ReportSet single(String dir, RehearsalReport report) {
    return new ReportSet(Path.of(dir), true,
        List.of(new ReportSet.Loaded(Path.of(dir, ReportFiles.JSON), report)));
  }

  /** A compare output directory: one subdirectory per report, named after its strategy. */
  static ReportSet compare(String dir, RehearsalReport... reports) {
    return new ReportSet(Path.of(dir), false, Arrays.stream(reports)
        .map(r -> new ReportSet.Loaded(Path.of(dir, r.strategy(), ReportFiles.JSON), r)).toList());
  }

  /** The fixture as strategy {@code name}; its blockedSessionSeconds budget has the verdict's status. */
  static RehearsalReport strategy(String name, String verdict) {
    ReportFixture f = new ReportFixture();
    f.strategy = name;
    f.verdict = new RehearsalReport.Verdict(verdict, verdict);
    f.budgets = budget(f, "blockedSessionSeconds", verdict, 12.5);
    return f.build();
  }
}
