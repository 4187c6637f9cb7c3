package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Chromium and reading its log, without starting it (ReportInBrowserIT does that). */
class HeadlessChromiumTest {

  @TempDir
  Path dir;

  @Test
  void searchesThePathInOrderAndTheVariableWins() throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Path chromeBrowser = executable(first.resolve("chromium-browser"));
    Path chromium = executable(second.resolve("chromium"));
    Path own = executable(dir.resolve("my-chrome"));
    String path = first + File.pathSeparator + second;

    assertThat(HeadlessChromium.find(Map.of("PATH", path)).executable())
        .as("chromium before chromium-browser, wherever they are on the PATH").isEqualTo(chromium);
    assertThat(HeadlessChromium.find(Map.of("PATH", first.toString())).executable())
        .isEqualTo(chromeBrowser);
    assertThat(HeadlessChromium.find(Map.of("PATH", path, HeadlessChromium.ENV, own.toString()))
        .executable()).isEqualTo(own);
    assertThat(HeadlessChromium.find(Map.of("PATH", path, HeadlessChromium.ENV, "chromium-browser"))
        .executable()).as("a command name is looked up on the PATH").isEqualTo(chromeBrowser);
  }

  @Test
  void saysWhyAndHowWhenThereIsNone() throws Exception {
    Files.writeString(dir.resolve("chromium"), "not executable");

    HeadlessChromium.Lookup none = HeadlessChromium.find(Map.of("PATH", dir.toString()));
    assertThat(none.found()).isFalse();
    assertThat(none.reason()).contains("none of chromium, chromium-browser, google-chrome")
        .contains("apt-get install -y chromium").contains("REHEARSAL_CHROMIUM");

    executable(dir.resolve("google-chrome"));
    HeadlessChromium.Lookup wrong = HeadlessChromium.find(
        Map.of("PATH", dir.toString(), HeadlessChromium.ENV, "/nonexistent/chrome"));
    assertThat(wrong.found()).as("an explicit choice is not replaced by google-chrome").isFalse();
    assertThat(wrong.reason()).startsWith("REHEARSAL_CHROMIUM=/nonexistent/chrome is not an executable file")
        .contains("apt-get install -y chromium");
  }

  @Test
  void pageMessagesAreConsoleLinesAndPolicyRefusalsOnly() {
    String log = """
        /usr/bin/chromium: 9: [: 25276502016: unexpected operator
        [1:2:1121/122640.570674:ERROR:dbus/bus.cc:405] Failed to connect to the bus: No such file or directory
        [1:2:1121/122637.304339:INFO:CONSOLE:4] "Loading the image 'http://example.invalid/x.png' violates the following Content Security Policy directive: "img-src data:". The action has been blocked.", source: file:///tmp/r.html (4)
        [1:2:1121/122641.238694:INFO:CONSOLE(7)] "x", source: file:///tmp/r.html (7)
        [1:2:1121/122641.238694:INFO:CONSOLE:1] "ready", source: chrome://resources/js/x.js (1)
        [1:2:1121/122641.238694:VERBOSE1:csp.cc:12] Refused to load the stylesheet 'http://a.example/s.css'
        [1:2:1121/122641.238694:VERBOSE1:renderer.cc:40] Console is not a word that matters here
        """;

    assertThat(HeadlessChromium.pageMessages(log))
        .hasSize(3)
        .anyMatch(line -> line.contains("example.invalid"))
        .anyMatch(line -> line.contains("\"x\""))
        .anyMatch(line -> line.contains("Refused to load the stylesheet"));
  }

  private static Path executable(Path file) throws Exception {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
