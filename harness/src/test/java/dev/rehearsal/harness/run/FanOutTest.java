package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanOutTest {

  @TempDir
  Path dir;

  static final List<String> CELLS = List.of("naive", "expand-contract");

  @Test
  void theJsonPlanIsAGitHubMatrixOfCells() throws Exception {
    String json = FanOut.plan(CELLS, "compare", FanOut.PlanFormat.JSON);
    assertThat(new ObjectMapper().readTree(json).get("cell")).hasSize(2);
    assertThat(json).isEqualTo("{\"cell\":[\"naive\",\"expand-contract\"]}\n");
  }

  @Test
  void theGitLabPlanIsAChildPipelineOfTheCellsThenTheMerge() {
    String yaml = FanOut.plan(CELLS, "compare", FanOut.PlanFormat.GITLAB);
    assertThat(yaml).contains("extends: .rehearsal-cell", "      - REHEARSAL_CELL:\n          - \"naive\"\n"
        + "          - \"expand-contract\"\n", "extends: .rehearsal-merge", "needs: [rehearsal-cell]");
  }

  @Test
  void anUnknownCellIsBadInputNamingTheCellsThereAre() {
    assertThatThrownBy(() -> FanOut.find(CELLS, "expand", c -> c, "compare"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--cell expand: no such cell in this compare")
        .hasMessageContaining("cells: naive, expand-contract");
  }

  @Test
  void aManifestIsFoundUnderNestedArtifactsAndReadBack() throws Exception {
    CellManifest written = CellManifest.compareCell("demo", "naive", CELLS, "naive");
    Files.createDirectories(dir.resolve("artifacts/cell-naive/out"));
    FanOut.writeManifest(written, dir.resolve("artifacts/cell-naive/out"));

    List<FanOut.Found> found = FanOut.manifests(List.of(dir.resolve("artifacts")));
    assertThat(found).hasSize(1);
    assertThat(found.get(0).manifest()).isEqualTo(written);
    assertThat(found.get(0).outDir()).isEqualTo(dir.resolve("artifacts/cell-naive/out"));
  }

  /** Merges two directories, one manifest each (no reports: the merge must refuse before it reads any). */
  private Merge twoCells(CellManifest first, CellManifest second) throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    FanOut.writeManifest(first, a);
    FanOut.writeManifest(second, b);
    return new Merge(List.of(a, b), dir.resolve("merged"), Console.silent());
  }

  @Test
  void cellsOfTwoPlansAreNotMerged() throws Exception {
    Merge merge = twoCells(CellManifest.compareCell("demo", "naive", CELLS, "naive"),
        CellManifest.compareCell("other", "naive", CELLS, "naive"));
    assertThatThrownBy(merge::run).isInstanceOf(BadInputException.class)
        .hasMessageContaining("holds a cell of another compare");
  }

  @Test
  void theSameCellTwiceIsNotMerged() throws Exception {
    Merge merge = twoCells(CellManifest.compareCell("demo", "naive", CELLS, "naive"),
        CellManifest.compareCell("demo", "naive", CELLS, "naive"));
    assertThatThrownBy(merge::run).isInstanceOf(BadInputException.class).hasMessageContaining("cell naive is in both");
  }

  @Test
  void aComparisonIsNotExtrapolated() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    FanOut.writeManifest(CellManifest.compareCell("demo", "naive", CELLS, "naive"), a);
    assertThatThrownBy(() -> new Merge(List.of(a), dir.resolve("merged"), Console.silent(), 200_000_000L).run())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("merge: --extrapolate-to carries a sweep's statements to a larger size, but")
        .hasMessageContaining("holds cells of a compare\n  fix: leave --extrapolate-to out");
  }

  @Test
  void anOutputDirectoryOverlappingTheCellsIsRefused() throws Exception {
    Path cells = Files.createDirectories(dir.resolve("cells"));
    assertThatThrownBy(() -> new Merge(List.of(cells), dir, Console.silent()).run())
        .isInstanceOf(BadInputException.class).hasMessageContaining("overlaps");
    assertThatThrownBy(() -> new Merge(List.of(cells), Path.of("nowhere"), Console.silent()).run())
        .isInstanceOf(BadInputException.class).hasMessageContaining("no rehearsal-cell.json under");
  }
}
