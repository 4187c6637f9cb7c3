package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

  @TempDir
  Path out;

  @Test
  void aComparisonAfterARunRemovesTheRunsReportsSoNoneSitsBesideTheComparison() throws IOException {
    OutputDirectory.prepare(out);
    Path report = Files.writeString(out.resolve("report.html"), "run");
    Path hlog = Files.writeString(out.resolve("latency.hlog"), "h");
    OutputDirectory.record(out, List.of(report, hlog));

    OutputDirectory.prepare(out); // the comparison starts
    assertThat(report).doesNotExist();
    assertThat(hlog).doesNotExist();
    Files.createDirectories(out.resolve("naive"));
    Path strategy = Files.writeString(out.resolve("naive/report.json"), "{}");
    Path comparison = Files.writeString(out.resolve("comparison.html"), "cmp");
    OutputDirectory.record(out, List.of(strategy));
    OutputDirectory.record(out, List.of(comparison));

    OutputDirectory.prepare(out); // a sweep after it: the strategy's directory goes too, once empty
    assertThat(comparison).doesNotExist();
    assertThat(out.resolve("naive")).doesNotExist();
    assertThat(out.resolve(OutputDirectory.MANIFEST)).doesNotExist();
  }

  @Test
  void filesNoRunListedStayAndUnlistedReportsAreMovedAside() throws IOException {
    Path notes = Files.writeString(out.resolve("notes.txt"), "mine");
    assertThat(OutputDirectory.prepare(out)).isNull();
    assertThat(notes).exists();

    Files.createDirectories(out.resolve("old"));
    Path older = Files.writeString(out.resolve("old/report.html"), "from before the list");
    String said = OutputDirectory.prepare(out);
    assertThat(said).contains("held 1 report file(s) no run of this version listed (old" + java.io.File.separator
        + "report.html); moved them to " + out.resolve("earlier-"));
    assertThat(older).doesNotExist();
    try (var aside = Files.list(out)) {
      Path earlier = aside.filter(p -> p.getFileName().toString().startsWith("earlier-")).findFirst().orElseThrow();
      assertThat(earlier.resolve("old/report.html")).hasContent("from before the list");
    }
    assertThat(notes).exists();
    assertThat(OutputDirectory.prepare(out)).as("what was moved aside stays there, unmoved").isNull();
  }

  @Test
  void aListedPathOutsideTheDirectoryIsNeverRemoved() throws IOException {
    Path outside = Files.writeString(out.resolveSibling(out.getFileName() + "-keep.txt"), "keep");
    try {
      Files.writeString(out.resolve(OutputDirectory.MANIFEST), "../" + outside.getFileName() + "\n");
      OutputDirectory.prepare(out);
      assertThat(outside).exists();
    } finally {
      Files.deleteIfExists(outside);
    }
  }
}
