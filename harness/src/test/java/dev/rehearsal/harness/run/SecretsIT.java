package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal against a server given by a password-bearing URL (an embedded server we start
 * plays the existing one): the password appears in no report, log line or console output.
 */
class SecretsIT {

  private static final String PASSWORD = "S3cr3t-hunter2-xyzzy";

  @TempDir
  Path dir;

  @Test
  void thePasswordAppearsNowhere() throws Exception {
    try (PostgresServer server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(Map.of())) {
      String url = server.adminTarget().jdbcUrl() + "?user=postgres&password=" + PASSWORD;
      Path out = dir.resolve("out");
      Path console = dir.resolve("console.log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          Path.of("target", "rehearse.jar").toString(), "run",
          Path.of("src", "test", "resources", "scenarios", "compare-two.yaml").toString(),
          "--postgres", url, "--out", out.toString()));
      Process rehearse = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile())
          .start();
      assertThat(rehearse.waitFor(180, TimeUnit.SECONDS)).isTrue();
      String consoleText = Files.readString(console, StandardCharsets.UTF_8);
      assertThat(rehearse.exitValue()).as(consoleText).isZero();
      // the URL was used (an external server), and the password stayed out of everything it printed
      assertThat(consoleText).contains("(external) ready", "Verdict:").doesNotContain(PASSWORD);
      // and the user learns that the URL itself is visible in the process list
      assertThat(consoleText).contains("a password in --postgres shows in the process list");

      List<Path> files;
      try (Stream<Path> walk = Files.walk(out)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      assertThat(files).extracting(p -> p.getFileName().toString())
          .contains("report.json", "report.html", "junit.xml", "summary.md", "latency.hlog");
      for (Path file : files) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(text).as("%s", file.getFileName()).doesNotContain(PASSWORD);
      }
    }
  }
}
