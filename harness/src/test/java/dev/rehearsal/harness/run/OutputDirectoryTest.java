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
  void filesNoRunListedStayAndUnlistedReportsAreRefused() throws IOException {
    Path notes = Files.writeString(out.resolve("notes.txt"), "mine");
    OutputDirectory.prepare(out);
    assertThat(notes).exists();

    Files.createDirectories(out.resolve("old"));
    Path older = Files.writeString(out.resolve("old/report.html"), "from before the list");
    assertThatThrownBy(() -> OutputDirectory.prepare(out)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("holds reports no earlier run listed in .rehearsal-files: old" + java.io.File.separator
            + "report.html")
        .hasMessageContaining("fix: remove them or choose an empty --out");
    assertThat(older).exists();
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
