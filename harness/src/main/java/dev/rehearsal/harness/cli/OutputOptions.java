package dev.rehearsal.harness.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the reports go: for every command that writes them. */
final class OutputOptions {

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for the reports (default: ${DEFAULT-VALUE})")
  Path out = Path.of("rehearsal-out");
}
