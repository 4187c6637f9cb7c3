package dev.rehearsal.harness.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A page opened in headless Chromium through its command line ({@code --dump-dom},
 * {@code --screenshot}), for tests that must see report.html as a reader's browser shows it.
 * The command line is enough for a page without scripts, and it keeps WebDriver and a DevTools
 * client out of the build.
 *
 * <p>Every visit starts a fresh browser with a fresh profile and ends it; what the page said on
 * the console comes from Chromium's log ({@code --enable-logging=stderr}), kept beside the
 * visit's output in the work directory.
 */
final class HeadlessChromium {

  /** The executable to use, a path or a command name; overrides the search of the PATH. */
  static final String ENV = "REHEARSAL_CHROMIUM";

  /** Searched on the PATH in this order: Debian's, Ubuntu's older name, Google's build. */
  static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

  static final String HOW_TO_GET_IT = "install Chromium (Debian/Ubuntu: apt-get install -y chromium)"
      + " or set " + ENV + " to a Chromium or Chrome executable";

  /** A static page loads in about a second; a minute means a hung browser, not a slow one. */
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * A console line in Chromium's log: {@code INFO:CONSOLE:12] "text", source: URL (12)} since
   * about version 120, {@code INFO:CONSOLE(12)] ...} before. The log gives every page message
   * the level INFO, whatever its console level, so errors cannot be told from logs here.
   */
  private static final Pattern CONSOLE_LINE = Pattern.compile(":CONSOLE[:(\\]]");

  /** Chromium's own pages talk on the console too; they are not the page under test. */
  private static final Pattern BROWSER_SOURCE =
      Pattern.compile("source: (chrome|devtools|chrome-extension|chrome-untrusted)://");

  /** Found, with the executable, or not, with the reason and what to do about it. */
  record Lookup(Path executable, String reason) {

    boolean found() {
      return executable != null;
    }
  }

  /**
   * One page load.
   *
   * @param output what Chromium wrote on stdout: the serialised DOM for {@link #dumpDom}
   * @param pageMessages console messages and Content-Security-Policy refusals of the page, one
   *     log line each, in order
   * @param log Chromium's complete log of the visit
   */
  record Visit(String output, List<String> pageMessages, Path log) {}

  /** Finds Chromium from {@value #ENV}, else on the PATH, as {@code env} describes them. */
  static Lookup find(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    String chosen = env.get(ENV);
    if (chosen != null && !chosen.isBlank()) {
      // An explicit choice that does not work is reported, never replaced by another browser.
      Path executable = chosen.contains(File.separator) ? executableFile(Path.of(chosen))
          : onPath(chosen, path);
      return executable != null ? new Lookup(executable, null)
          : new Lookup(null, ENV + "=" + chosen + " is not an executable file; " + HOW_TO_GET_IT);
    }
    for (String name : NAMES) {
      Path executable = onPath(name, path);
      if (executable != null) {
        return new Lookup(executable, null);
      }
    }
    return new Lookup(null, "no Chromium: " + ENV + " is not set and none of "
        + String.join(", ", NAMES) + " is on the PATH; " + HOW_TO_GET_IT);
  }

  private static Path onPath(String name, String path) {
    for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
      if (!dir.isEmpty()) {
        Path executable = executableFile(Path.of(dir, name));
        if (executable != null) {
          return executable;
        }
      }
    }
    return null;
  }

  private static Path executableFile(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file) ? file.toAbsolutePath() : null;
  }

  private final Path executable;
  private final Path workDir;
  private int visits;

  /**
   * @param workDir where each visit keeps its log and output (and its profile while it runs)
   */
  HeadlessChromium(Path executable, Path workDir) {
    this.executable = executable;
    this.workDir = workDir;
  }

  /** The page's DOM after Chromium parsed and laid it out: what the browser made of the markup. */
  Visit dumpDom(Path page, int width, int height) {
    return visit("dump-dom", page, width, height, List.of("--dump-dom"));
  }

  /** The page as it appears in a window of {@code width} x {@code height} CSS pixels. */
  Visit screenshot(Path page, Path png, int width, int height) {
    try {
      Files.deleteIfExists(png);
      Visit visit = visit("screenshot", page, width, height,
          List.of("--screenshot=" + png.toAbsolutePath()));
      if (!Files.isRegularFile(png)) {
        throw new AssertionError("Chromium exited without writing " + png + "\n" + tail(visit.log()));
      }
      return visit;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Visit visit(String action, Path page, int width, int height, List<String> actionArgs) {
    try {
      Path dir = Files.createDirectories(
          workDir.resolve(String.format("chromium-%02d-%s", ++visits, action)));
      // A fresh profile per visit: nothing cached from an earlier page, and no lock left by a
      // browser that had to be killed.
      Path profile = Files.createDirectories(dir.resolve("profile"));
      Path stdout = dir.resolve("stdout.txt");
      Path log = dir.resolve("chromium.log");
      List<String> command = new ArrayList<>(List.of(executable.toString(),
          "--headless",
          "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
          "--disable-gpu",
          "--disable-background-networking", // the only requests should be the page's own
          "--no-first-run",
          "--no-default-browser-check",
          "--user-data-dir=" + profile,
          "--enable-logging=stderr",
          "--v=1", // Chromium's documented recipe for a log with the console messages
          "--hide-scrollbars",
          "--force-device-scale-factor=1", // one CSS pixel, one PNG pixel, on any machine
          "--force-color-profile=srgb", // the PNG keeps the page's colours exactly
          "--window-size=" + width + "," + height));
      command.addAll(actionArgs);
      command.add(page.toAbsolutePath().toUri().toString());

      Process process = new ProcessBuilder(command)
          .redirectOutput(stdout.toFile()) // files, not pipes: a full pipe would stall Chromium
          .redirectError(log.toFile())
          .start();
      process.getOutputStream().close();
      try {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          kill(process);
          throw new AssertionError("Chromium did not finish " + action + " of " + page
              + " within " + TIMEOUT.toSeconds() + " s and was killed\n" + tail(log));
        }
      } catch (InterruptedException e) {
        kill(process);
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while Chromium loaded " + page, e);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("Chromium exited with " + process.exitValue() + " on " + action
            + " of " + page + "\n" + tail(log));
      }
      deleteTree(profile); // megabytes of cache per visit, of no use afterwards
      return new Visit(read(stdout), pageMessages(read(log)), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The log lines where a page spoke on the console, or where a Content-Security-Policy refused
   * something (recent versions say "violates the following Content Security Policy directive",
   * older ones "Refused to ..."). A report page has no scripts, so every console message of it
   * is the browser complaining about the page.
   */
  static List<String> pageMessages(String log) {
    LinkedHashSet<String> messages = new LinkedHashSet<>();
    for (String line : log.split("\\R")) {
      boolean console = CONSOLE_LINE.matcher(line).find() && !BROWSER_SOURCE.matcher(line).find();
      boolean csp = line.contains("Refused to") || line.contains("Content Security Policy")
          || line.contains("Content-Security-Policy");
      if (console || csp) {
        messages.add(line.strip());
      }
    }
    return List.copyOf(messages);
  }

  /** Chromium runs a process per renderer, GPU and utility: the whole tree goes. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Leniently: a log line may carry any bytes a page or a library produced. */
  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static String tail(Path log) {
    try {
      List<String> lines = read(log).lines().toList();
      return "last lines of " + log + ":\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ": " + e + ")";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
