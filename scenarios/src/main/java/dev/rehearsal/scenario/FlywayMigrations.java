package dev.rehearsal.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Flyway's SQL migration names and order, read from directories without a database: which
 * files are versioned ({@code V<version>__<description>.sql}) or repeatable ({@code R__...}),
 * and the order Flyway applies them in: versions as {@link FlywayVersion} compares them
 * ({@code 18 < 18.1 < 19 < 100}), then repeatable migrations, by description.
 *
 * <p>Used where a plan must be known before a server starts: which migrations a step will find
 * pending on top of the schema's target, the target's existence, and the order of a
 * {@code file:} directory of Flyway-named scripts.
 */
public final class FlywayMigrations {

  private static final Pattern NAME = Pattern.compile("([VR])([^_]*(?:_(?!_)[^_]*)*)__(.+)\\.sql");

  /**
   * One SQL migration file.
   *
   * @param version null for a repeatable migration
   * @param description as Flyway shows it, underscores as spaces
   */
  public record Migration(Path file, FlywayVersion version, String description) {

    public boolean repeatable() {
      return version == null;
    }

    /** The file name, as Flyway's history table records it in {@code script} (for a top-level file). */
    public String script() {
      return file.getFileName().toString();
    }
  }

  /** Flyway's order: versioned by version, then repeatable by description. */
  public static final Comparator<Migration> FLYWAY_ORDER = Comparator
      .comparing((Migration m) -> m.repeatable())
      .thenComparing(m -> m.version(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Migration::description);

  private FlywayMigrations() {}

  /** The migration a file name denotes, or null when Flyway would not take it for a SQL migration. */
  public static Migration parse(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return null;
    }
    String description = m.group(3).replace('_', ' ');
    if (m.group(1).equals("R")) {
      return m.group(2).isEmpty() ? new Migration(file, null, description) : null;
    }
    return FlywayVersion.parse(m.group(2)).map(v -> new Migration(file, v, description)).orElse(null);
  }

  /** Every SQL migration in the directories and below them (Flyway scans subdirectories), in Flyway's order. */
  public static List<Migration> scan(List<Path> directories) {
    List<Migration> found = new ArrayList<>();
    for (Path directory : directories) {
      try (Stream<Path> entries = Files.walk(directory)) {
        entries.filter(Files::isRegularFile).map(FlywayMigrations::parse)
            .filter(m -> m != null).forEach(found::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + directory, e);
      }
    }
    found.sort(FLYWAY_ORDER);
    return List.copyOf(found);
  }

  /** Whether every file is Flyway-named, so that a directory of them runs in Flyway's order rather than by name. */
  public static boolean allFlywayNamed(List<Path> files) {
    return !files.isEmpty() && files.stream().allMatch(f -> parse(f) != null);
  }
}
