package dev.rehearsal.harness.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A sweep or comparison fanned out over CI runners (docs/nightly.md): {@code --plan} prints its
 * cells as a matrix the CI consumes, {@code --cell ID} rehearses one of them and leaves a
 * {@link CellManifest} beside its reports, and {@code rehearse merge} ({@link Merge}) reads the
 * manifests back. The CI's own matrix is the coordinator: nothing here talks to another runner.
 */
public final class FanOut {

  /** The manifest's file name, in the cell's output directory. */
  public static final String MANIFEST = "rehearsal-cell.json";

  /** How deep under a directory given to merge a manifest is looked for (CI artifacts nest). */
  static final int SEARCH_DEPTH = 4;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FanOut() {}

  /** The plan's output formats. */
  public enum PlanFormat {
    /** {"cell": [...]}: a GitHub Actions {@code strategy.matrix} through {@code fromJSON}. */
    JSON,
    /**
     * A GitLab child pipeline: a job extending {@code .rehearsal-cell} with a {@code parallel:matrix}
     * of {@code REHEARSAL_CELL}, then one extending {@code .rehearsal-merge} that needs them all.
     */
    GITLAB
  }

  /** The cell ids as {@code format} writes them, ending with a newline. */
  public static String plan(List<String> cellIds, String command, PlanFormat format) {
    if (format == PlanFormat.JSON) {
      try {
        return new ObjectMapper().writeValueAsString(java.util.Map.of("cell", cellIds)) + "\n";
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    StringBuilder yaml = new StringBuilder();
    yaml.append("# rehearse ").append(command).append(" --plan gitlab: a child pipeline, one job per cell on its own\n")
        .append("# runner, then one merging them; .rehearsal-cell and .rehearsal-merge are yours (docs/nightly.md).\n")
        .append("stages: [rehearse, merge]\n")
        .append("rehearsal-cell:\n")
        .append("  stage: rehearse\n")
        .append("  extends: .rehearsal-cell\n")
        .append("  parallel:\n")
        .append("    matrix:\n")
        .append("      - REHEARSAL_CELL:\n");
    cellIds.forEach(id -> yaml.append("          - \"").append(id).append("\"\n"));
    yaml.append("rehearsal-merge:\n")
        .append("  stage: merge\n")
        .append("  extends: .rehearsal-merge\n")
        .append("  needs: [rehearsal-cell]\n")
        .append("  when: always\n");
    return yaml.toString();
  }

  /** The cell called {@code id}, or bad input naming the cells there are. */
  static <T> T find(List<T> cells, String id, Function<T, String> idOf, String command) {
    return cells.stream().filter(c -> idOf.apply(c).equals(id)).findFirst().orElseThrow(() ->
        new BadInputException("--cell " + id + ": no such cell in this " + command + "\n  cells: "
            + cells.stream().map(idOf).collect(Collectors.joining(", "))
            + "\n  fix: take an id from `rehearse " + command + " ... --plan` with the same scenario and options"));
  }

  static Path writeManifest(CellManifest manifest, Path outDir) {
    Path file = outDir.resolve(MANIFEST);
    try {
      Files.writeString(file, JSON.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new InfrastructureException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A manifest and the directory it was found in (the cell's output directory). */
  record Found(CellManifest manifest, Path outDir) {}

  /** Every cell manifest under {@code dirs}, in the order found (sorted paths per directory). */
  static List<Found> manifests(List<Path> dirs) {
    List<Found> found = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new BadInputException("merge: " + dir + " is not a directory\n  fix: give the directories the cells' "
            + "--out went to (a CI job's downloaded artifacts)");
      }
      List<Path> files;
      try (Stream<Path> walk = Files.find(dir, SEARCH_DEPTH, (p, a) -> p.getFileName().toString().equals(MANIFEST))) {
        files = walk.sorted().toList();
      } catch (IOException e) {
        throw new InfrastructureException("could not search " + dir + ": " + e.getMessage(), e);
      }
      for (Path file : files) {
        try {
          found.add(new Found(JSON.readValue(file.toFile(), CellManifest.class), file.getParent()));
        } catch (IOException e) {
          throw new BadInputException("merge: " + file + " is not a cell manifest (" + e.getMessage() + ")"
              + "\n  fix: give the outputs of `sweep --cell` or `compare --cell` runs");
        }
      }
    }
    return found;
  }
}
