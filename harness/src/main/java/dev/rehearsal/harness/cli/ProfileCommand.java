package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.profile.FidelityCheck;
import dev.rehearsal.harness.profile.ProfileOptions;
import dev.rehearsal.harness.profile.Profiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "profile", mixinStandardHelpOptions = true, description = {
    "Write a scenario shaped like a production database, from its statistics, with no row copied.",
    "Read-only: schema from the catalog, data shape from pg_class and pg_stats, query mix and rate from two "
        + "pg_stat_statements snapshots --sample apart. Text values become synthetic unless --keep-values.",
    "Example: rehearse profile 'jdbc:postgresql://replica/app?user=readonly' --sample 60s --out scenario.yaml"})
final class ProfileCommand implements Callable<Integer> {

  @Parameters(paramLabel = "JDBC_URL", arity = "1..2", description = "The database to profile (a replica is best); "
      + "with --check: the source, then the copy seeded from its profile")
  List<String> urls;

  @Option(names = "--check", description = "Compare a copy seeded from a profile with its source (both ANALYZEd), "
      + "statistic by statistic, and print the table; exit 1 when a figure is outside its threshold")
  boolean check;

  @Option(names = "--tables", paramLabel = "T1,T2", split = ",",
      description = "Only these tables (default: every ordinary table of the non-system schemas)")
  List<String> tables = List.of();

  @Option(names = "--sample", paramLabel = "D", converter = Quantities.Span.class, defaultValue = "60s",
      description = "Time between the two pg_stat_statements snapshots (default: ${DEFAULT-VALUE})")
  Duration sample;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20",
      description = "At most N statements become operations, the most frequent first (default: ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--keep-values", description = "Copy text values (most common values) into the scenario as they "
      + "are; by default they become synthetic values of the same lengths and frequencies")
  boolean keepValues;

  @Option(names = "--rows-scale", paramLabel = "F", defaultValue = "1",
      description = "Multiply every table's rows by F, e.g. 0.01 for a laptop (default: ${DEFAULT-VALUE}); with "
          + "--check: the F the copy's profile was written with, so the copy is compared with the source's rows "
          + "times F (and distinct counts that are a share of the rows, scaled likewise)")
  double rowsScale;

  @Option(names = "--workload", paramLabel = "MODE", defaultValue = "auto", description = "auto: without "
      + "pg_stat_statements warn and write a placeholder operation (exit 0); required: exit 2 instead; none: do not "
      + "sample (default: ${DEFAULT-VALUE})")
  String workload;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the scenario here (default: standard output)")
  Path out;

  @Override
  public Integer call() {
    if (check) {
      if (urls.size() != 2) {
        throw new BadInputException("--check needs two URLs: the source, then the copy\n"
            + "  fix: rehearse profile --check jdbc:postgresql://source/app jdbc:postgresql://copy/app");
      }
      checkRowsScale();
      List<FidelityCheck.Row> rows = FidelityCheck.compare(urls.get(0), urls.get(1), rowsScale);
      System.out.print(FidelityCheck.table(rows));
      return FidelityCheck.exitCode(rows);
    }
    if (urls.size() != 1) {
      throw new BadInputException("profile takes one JDBC_URL (two only with --check)\n"
          + "  fix: rehearse profile jdbc:postgresql://HOST/DATABASE?user=NAME");
    }
    ProfileOptions options = new ProfileOptions(urls.get(0), tables, sample, top, keepValues, rowsScale, mode());
    if (top < 1) {
      throw new BadInputException("--top " + top + ": must be at least 1\n  fix: e.g. --top 20");
    }
    checkRowsScale();
    Console console = Console.stderr();
    Profiler.Result result = new Profiler(options, console).run();
    write(result.yaml());
    result.summary().forEach(console::say);
    result.notes().forEach(n -> console.say("note: " + n));
    if (result.workloadMissing()) {
      console.say("warning: the workload part is a placeholder (see the notes above); exit 0 as --workload auto");
    }
    if (out != null) {
      console.say("profile: wrote %s; check it with: rehearse validate %s", out, out);
    }
    return 0;
  }

  private void checkRowsScale() {
    if (!(rowsScale > 0) || Double.isInfinite(rowsScale)) {
      throw new BadInputException("--rows-scale " + rowsScale + ": must be greater than 0\n  fix: e.g. --rows-scale 0.1");
    }
  }

  private ProfileOptions.Workload mode() {
    return switch (workload) {
      case "auto" -> ProfileOptions.Workload.AUTO;
      case "required" -> ProfileOptions.Workload.REQUIRED;
      case "none" -> ProfileOptions.Workload.NONE;
      default -> throw new BadInputException("--workload " + workload + ": unknown\n  fix: use auto, required or none");
    };
  }

  /** The whole file or nothing: written beside the target, then moved over it. */
  private void write(String yaml) {
    if (out == null) {
      System.out.print(yaml);
      System.out.flush();
      return;
    }
    try {
      Path target = out.toAbsolutePath();
      Path temp = Files.createTempFile(target.getParent(), ".profile-", ".yaml");
      Files.writeString(temp, yaml, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new InfrastructureException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
