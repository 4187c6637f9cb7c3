package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSetTest {

  @TempDir Path dir;

  private Path write(String relative, RehearsalReport report) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    ReportJson.write(report, file);
    return file;
  }

  @Test
  void aFileADirectoryHoldingReportJsonAndACompareDirectory() throws Exception {
    Path file = write("run/report.json", ReportFixture.realistic());
    write("cmp/naive/report.json", DiffFixtures.strategy("naive", "fail"));
    write("cmp/expand/report.json", DiffFixtures.strategy("expand", "pass"));
    Files.createDirectories(dir.resolve("cmp/empty"));

    assertThat(ReportSet.load("BASELINE", file).single()).isTrue();
    ReportSet run = ReportSet.load("BASELINE", dir.resolve("run"));
    assertThat(run.single()).isTrue();
    assertThat(run.reports().get(0).file()).isEqualTo(file);
    ReportSet cmp = ReportSet.load("CURRENT", dir.resolve("cmp"));
    assertThat(cmp.single()).isFalse();
    assertThat(cmp.reports()).extracting(ReportSet.Loaded::strategy).containsExactly("expand", "naive");
    assertThat(cmp.scenarios()).containsExactly("add-column-not-null");
  }

  @Test
  void aDirectorysOwnReportWinsOverItsSubdirectories() throws Exception {
    write("out/report.json", DiffFixtures.strategy("own", "pass"));
    write("out/sub/report.json", DiffFixtures.strategy("sub", "pass"));

    assertThat(ReportSet.load("BASELINE", dir.resolve("out")).reports())
        .extracting(ReportSet.Loaded::strategy).containsExactly("own");
  }

  @Test
  void aMissingPathOrADirectoryWithoutReportsIsBadInput() throws Exception {
    assertThatThrownBy(() -> ReportSet.load("BASELINE", dir.resolve("nope")))
        .isInstanceOf(DiffInputException.class)
        .hasMessageContaining("BASELINE " + dir.resolve("nope") + ": no such file or directory")
        .hasMessageContaining("fix: pass a report.json, the --out directory of a run");
    Files.createDirectories(dir.resolve("empty/sub"));
    assertThatThrownBy(() -> ReportSet.load("CURRENT", dir.resolve("empty")))
        .hasMessageContaining("CURRENT " + dir.resolve("empty") + ": a directory with no report.json, "
            + "and none in its subdirectories");
  }

  @Test
  void notJsonNotAReportAndANewerSchemaAreBadInput() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"schemaVersion\": 2,\n  oops\n}");
    assertThatThrownBy(() -> ReportSet.load("BASELINE", broken))
        .isInstanceOf(DiffInputException.class)
        .hasMessageContaining("BASELINE " + broken + ": not a Rehearsal report: Unexpected character")
        .hasMessageContaining("(line 3, column")
        .hasMessageContaining("fix: pass a report.json written by rehearse");

    Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
    assertThatThrownBy(() -> ReportSet.load("BASELINE", array))
        .hasMessageContaining("BASELINE " + array + ": not a Rehearsal report: expected a JSON object");

    Path newer = Files.writeString(dir.resolve("newer.json"), "{\"schemaVersion\": 99}");
    assertThatThrownBy(() -> ReportSet.load("CURRENT", newer))
        .hasMessageContaining("report has schemaVersion 99 but this Rehearsal reads schemaVersion 2 or older");

    Path comparison = Files.writeString(dir.resolve("comparison.json"),
        "{\"schemaVersion\": 2, \"scenario\": \"demo\", \"ranking\": []}");
    assertThatThrownBy(() -> ReportSet.load("CURRENT", comparison))
        .hasMessageContaining(comparison + ": not a Rehearsal report: it names no strategy")
        .hasMessageContaining("for a compare, pass its output directory, not comparison.json");

    Path binary = Files.write(dir.resolve("binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    assertThatThrownBy(() -> ReportSet.load("CURRENT", binary)).hasMessageContaining("not UTF-8 text");
  }

  @Test
  void twoReportsOfOneStrategyInACompareDirectoryAreBadInput() throws Exception {
    write("cmp/a/report.json", DiffFixtures.strategy("naive", "pass"));
    write("cmp/b/report.json", DiffFixtures.strategy("naive", "fail"));

    assertThatThrownBy(() -> ReportSet.load("CURRENT", dir.resolve("cmp")))
        .hasMessageContaining("two reports of strategy 'naive'")
        .hasMessageContaining("fix: keep one report per strategy");
  }
}
