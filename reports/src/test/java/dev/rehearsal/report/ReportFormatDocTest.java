package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/report-format.md documents every field report.json and comparison.json can hold. */
class ReportFormatDocTest {

  private static final Path DOC = Path.of("..", "docs", "report-format.md");

  @Test
  void everyFieldOfTheReportModelIsDocumented() throws Exception {
    String doc = Files.readString(DOC);
    Set<String> fields = new LinkedHashSet<>();
    collect(RehearsalReport.class, fields, new LinkedHashSet<>());
    collect(ComparisonReport.class, fields, new LinkedHashSet<>());
    collect(SweepReport.class, fields, new LinkedHashSet<>());
    List<String> missing = new ArrayList<>();
    for (String field : fields) {
      if (!doc.contains("`" + field + "`")) {
        missing.add(field);
      }
    }
    assertThat(fields).hasSizeGreaterThan(100);
    assertThat(missing).as("fields missing from " + DOC).isEmpty();
  }

  @Test
  void everyFieldOfTheDiffIsDocumentedInNightlyMd() throws Exception {
    Path nightly = Path.of("..", "docs", "nightly.md");
    String doc = Files.readString(nightly);
    Set<String> fields = new LinkedHashSet<>();
    collect(ReportDiff.class, fields, new LinkedHashSet<>());
    assertThat(fields).hasSizeGreaterThan(40);
    assertThat(fields.stream().filter(f -> !doc.contains("`" + f + "`")).toList())
        .as("fields missing from " + nightly).isEmpty();
    assertThat(doc).contains("`diffVersion` | the format of this file: " + ReportDiff.DIFF_VERSION + " |");
  }

  @Test
  void theDocumentedSchemaVersionIsTheCurrentOne() throws Exception {
    assertThat(Files.readString(DOC)).contains("`schemaVersion` is **" + RehearsalReport.SCHEMA_VERSION + "**");
  }

  private static void collect(Class<?> type, Set<String> fields, Set<Class<?>> seen) {
    if (!type.isRecord() || !seen.add(type)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      fields.add(c.getName());
      for (Class<?> nested : reportTypes(c.getGenericType())) {
        collect(nested, fields, seen);
      }
    }
  }

  /** The report's own types inside a component's type, e.g. TimelineSecond in List<TimelineSecond>. */
  private static List<Class<?>> reportTypes(Type type) {
    List<Class<?>> found = new ArrayList<>();
    if (type instanceof Class<?> c && c.getPackageName().equals(RehearsalReport.class.getPackageName())) {
      found.add(c);
    } else if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        found.addAll(reportTypes(argument));
      }
    }
    return found;
  }
}
