package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @Test
  void writesAllFourFilesCreatingTheDirectory(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("rehearsal-out/naive");
    RehearsalReport report = ReportFixture.realistic();

    List<Path> written = ReportFiles.writeAll(report, out);

    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("report.json", "report.html", "junit.xml", "summary.md");
    assertThat(written).allSatisfy(p -> assertThat(p).isRegularFile().isNotEmptyFile()
        .hasParent(out));
    assertThat(ReportJson.read(out.resolve("report.json"))).isEqualTo(report);
    assertThat(Files.readString(out.resolve("junit.xml"))).contains("<testsuite");
  }

  @Test
  void overwritesAnEarlierRun(@TempDir Path dir) throws Exception {
    ReportFiles.writeAll(ReportFixture.realistic(), dir);
    ReportFixture second = new ReportFixture();
    second.strategy = "expand-contract";

    ReportFiles.writeAll(second.build(), dir);

    assertThat(ReportJson.read(dir.resolve("report.json")).strategy())
        .isEqualTo("expand-contract");
  }
}
