package dev.rehearsal.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.cli.RehearseCommand;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTML report of a real rehearsal (the demo at small scale, as in {@link DemoRehearsalIT})
 * opened in headless Chromium: what the browser builds from the markup, whether it complains,
 * and what a reader sees. Skipped, with the reason, where no Chromium is installed.
 *
 * <p>The rehearsal's reports, the screenshot and Chromium's logs stay in
 * {@code harness/target/browser/} for a person (or a CI artifact) to look at.
 */
class ReportInBrowserIT {

  /** Wide enough for the page's 1040 px column; tall enough for the whole demo report (~3300 px). */
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 4800;

  private static final List<String> CHARTS =
      List.of("chart-throughput", "chart-latency", "chart-pool", "chart-blocked");

  /** The verdict's colour by status (HtmlStyle: --pass, --warn, --fail). */
  private static final Map<String, Integer> VERDICT_COLOURS =
      Map.of("pass", 0x1a7f37, "warn", 0x9a6700, "fail", 0xcf222e);

  /** Series colours of the demo's charts (TimelineCharts), each drawn on at least one chart. */
  private static final Map<String, Integer> SERIES_COLOURS = new LinkedHashMap<>();

  static {
    SERIES_COLOURS.put("blue (operations/s, p95, active connections)", 0x0969da);
    SERIES_COLOURS.put("green (p50)", 0x1a7f37);
    SERIES_COLOURS.put("purple (p99)", 0x8250df);
    SERIES_COLOURS.put("orange (waiting for a connection)", 0xbc4c00);
    SERIES_COLOURS.put("red (errors/s, sessions blocked)", 0xcf222e);
  }

  /** Anti-aliasing leaves the middle of a line, and text, within a few steps of its colour. */
  private static final int COLOUR_TOLERANCE = 12;

  private static HeadlessChromium.Lookup lookup;
  private static Path browserDir;
  private static HeadlessChromium chromium;
  private static Path reportHtml;
  private static JsonNode report;
  private static HeadlessChromium.Visit reportDom;

  @BeforeAll
  static void rehearseAndOpenTheReport() throws Exception {
    // before the rehearsal: a machine without a browser skips in milliseconds, not a minute
    lookup = HeadlessChromium.find(System.getenv());
    if (!lookup.found()) {
      // each test reports the skip (requireChromium); this line puts the reason in the build log
      System.out.println("ReportInBrowserIT skipped: " + lookup.reason());
      return;
    }
    System.out.println("ReportInBrowserIT: Chromium " + lookup.executable());

    browserDir = targetDir().resolve("browser");
    deleteTree(browserDir);
    Files.createDirectories(browserDir);
    chromium = new HeadlessChromium(lookup.executable(), browserDir);

    Path out = browserDir.resolve("rehearsal");
    int exitCode = RehearseCommand.execute("demo", "--postgres", "embedded", "--rows", "20000",
        "--no-seed-cache", "--out", out.toString());
    assertThat(exitCode).as("demo budgets warn, never fail").isZero();
    reportHtml = out.resolve("report.html");
    report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    reportDom = chromium.dumpDom(reportHtml, WIDTH, HEIGHT);
  }

  /**
   * Per test, not in {@code @BeforeAll}: Failsafe reports a class aborted there as zero tests
   * run, without the reason; this way each test shows as skipped, with it.
   */
  @BeforeEach
  void requireChromium() {
    assumeTrue(lookup.found(), () -> "report.html is not opened in a browser: " + lookup.reason());
  }

  @Test
  void theBrowserBuildsTheVerdictNextStepsAndFourDrawnCharts() {
    String dom = reportDom.output();
    String status = report.at("/verdict/status").asText();

    Matcher verdict = Pattern.compile("<[a-z]+\\b[^>]*\\bid=\"verdict\"[^>]*>([^<]*)<").matcher(dom);
    assertThat(verdict.find()).as("an element with id=\"verdict\" in the DOM").isTrue();
    assertThat(verdict.group(1).strip()).isEqualTo(status.toUpperCase(Locale.ROOT));

    Matcher steps = Pattern.compile("<ol\\b[^>]*class=\"next-steps\"[^>]*>(.*?)</ol>", Pattern.DOTALL)
        .matcher(dom);
    assertThat(steps.find()).as("the next steps list (ol.next-steps) in the DOM").isTrue();
    assertThat(count(Pattern.compile("<li\\b"), steps.group(1)))
        .as("one list item per next step of report.json")
        .isEqualTo(report.get("nextSteps").size())
        .isPositive();

    // the reader meets the verdict, then what to do, then the evidence
    assertThat(verdict.start()).isLessThan(steps.start());
    assertThat(steps.start()).isLessThan(dom.indexOf("id=\"" + CHARTS.get(0) + "\""));

    int seconds = report.get("timeline").size();
    assertThat(seconds).as("seconds in the timeline").isGreaterThan(20);
    for (String id : CHARTS) {
      Chart chart = Chart.in(dom, id);
      assertThat(chart.series()).as("%s: data series (path or polyline)", id).isNotEmpty();
      List<double[]> longest = chart.series().stream()
          .max(Comparator.comparingInt(List::size)).orElseThrow();
      // a second without completions is a gap in the latency lines: most seconds, not all
      assertThat(longest.size()).as("%s: points of its longest series", id)
          .isGreaterThanOrEqualTo(seconds * 8 / 10);
      assertThat(chart.series().stream().anyMatch(ReportInBrowserIT::notFlat))
          .as("%s: a series that is not a flat line", id).isTrue();
      for (List<double[]> series : chart.series()) {
        for (double[] point : series) {
          assertThat(chart.contains(point))
              .as("%s: point (%s, %s) inside viewBox %s", id, point[0], point[1], chart.viewBox())
              .isTrue();
        }
      }
    }
  }

  @Test
  void thePageLoadsWithoutConsoleMessagesOrPolicyViolations() {
    assertThat(reportDom.output())
        .as("the page's Content-Security-Policy, as the browser parsed it")
        .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    assertThat(reportDom.pageMessages())
        .as("console messages or CSP refusals in %s", reportDom.log())
        .isEmpty();
  }

  @Test
  void theScreenshotShowsTheVerdictFirstAndTheChartLines() throws IOException {
    Path png = browserDir.resolve("report.png");
    HeadlessChromium.Visit visit = chromium.screenshot(reportHtml, png, WIDTH, HEIGHT);
    assertThat(visit.pageMessages()).as("console messages in %s", visit.log()).isEmpty();

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("%s decodes as an image", png).isNotNull();
    assertThat(image.getWidth()).isEqualTo(WIDTH);
    assertThat(image.getHeight()).isEqualTo(HEIGHT);

    // The banner's 8 px border alone is some 800 px of the verdict's colour, in the first view.
    String status = report.at("/verdict/status").asText();
    int verdictColour = VERDICT_COLOURS.getOrDefault(status, 0x57606a);
    assertThat(pixels(image, verdictColour, 0, 400))
        .as("pixels of the %s verdict's colour #%06x in the top 400 px", status, verdictColour)
        .isGreaterThan(400);

    // A legend swatch is some 50 px; a line across a chart is several hundred more.
    SERIES_COLOURS.forEach((name, colour) ->
        assertThat(pixels(image, colour, 0, HEIGHT))
            .as("pixels of the series colour %s #%06x", name, colour)
            .isGreaterThan(300));

    int lastRow = lastNonWhiteRow(image);
    assertThat(lastRow)
        .as("the page ends above the window's bottom (else raise HEIGHT: the screenshot is cut)")
        .isLessThan(HEIGHT - 40);
    assertThat(lastRow).as("the page has content further down than the first view").isGreaterThan(2000);
  }

  /** The negative control: the check above must see what a hostile page does. */
  @Test
  void theConsoleCheckFlagsAHostilePage() throws IOException {
    String html = Files.readString(reportHtml, StandardCharsets.UTF_8);
    assertThat(html).contains("</body>");
    String hostile = "<img src=\"http://example.invalid/x.png\" alt=\"\">\n"
        + "<script>console.error('x')</script>\n";

    Path withPolicy = browserDir.resolve("hostile-report.html");
    Files.writeString(withPolicy, html.replace("</body>", hostile + "</body>"), StandardCharsets.UTF_8);
    List<String> refused = chromium.dumpDom(withPolicy, WIDTH, HEIGHT).pageMessages();
    assertThat(refused).as("the page's policy refusing the image and the script").hasSizeGreaterThanOrEqualTo(2);
    assertThat(refused).anyMatch(line -> line.contains("example.invalid/x.png"));
    assertThat(refused).anyMatch(line -> line.contains("inline script"));

    // What a lost policy would look like: the script runs. No image here: it would be fetched.
    Pattern policy = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\"[^>]*>\\s*");
    assertThat(policy.matcher(html).find()).as("report.html carries its policy").isTrue();
    Path withoutPolicy = browserDir.resolve("hostile-report-without-policy.html");
    Files.writeString(withoutPolicy, policy.matcher(html).replaceFirst("")
        .replace("</body>", "<script>console.error('x')</script>\n</body>"), StandardCharsets.UTF_8);
    assertThat(chromium.dumpDom(withoutPolicy, WIDTH, HEIGHT).pageMessages())
        .as("the script's console.error")
        .anyMatch(line -> line.contains("\"x\""));
  }

  /** One chart's svg element in the DOM: its viewBox and its data series, as (x, y) points. */
  private record Chart(double[] viewBox, List<List<double[]>> series) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");
    private static final Pattern LINE = Pattern.compile("<(?:path|polyline)\\b([^>]*)>");
    private static final Pattern POINTS = Pattern.compile("(?:^|\\s)(d|points)=\"([^\"]*)\"");
    private static final Pattern PATH_TOKEN = Pattern.compile("[MLHVmlhv]|-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    static Chart in(String dom, String id) {
      Matcher svg = Pattern.compile("<svg\\b([^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*)>(.*?)</svg>",
          Pattern.DOTALL).matcher(dom);
      assertThat(svg.find()).as("svg#%s in the DOM", id).isTrue();
      Matcher viewBox = Pattern.compile("viewBox=\"([^\"]*)\"").matcher(svg.group(1));
      assertThat(viewBox.find()).as("svg#%s has a viewBox", id).isTrue();
      List<List<double[]>> series = new ArrayList<>();
      Matcher line = LINE.matcher(svg.group(2));
      while (line.find()) {
        Matcher points = POINTS.matcher(line.group(1));
        if (points.find()) {
          series.add(points.group(1).equals("d") ? pathPoints(points.group(2)) : pairs(numbers(points.group(2))));
        }
      }
      return new Chart(numbers(viewBox.group(1)), series);
    }

    boolean contains(double[] point) {
      return point[0] >= viewBox[0] && point[0] <= viewBox[0] + viewBox[2]
          && point[1] >= viewBox[1] && point[1] <= viewBox[1] + viewBox[3];
    }

    private static double[] numbers(String text) {
      return NUMBER.matcher(text).results().mapToDouble(r -> Double.parseDouble(r.group())).toArray();
    }

    /**
     * The vertices of an SVG path of absolute M, L, H and V commands (the charts draw per-second
     * steps as "M x y H x V y H x ..."): each command's end point.
     */
    private static List<double[]> pathPoints(String d) {
      List<double[]> points = new ArrayList<>();
      List<String> tokens = PATH_TOKEN.matcher(d).results().map(java.util.regex.MatchResult::group).toList();
      double x = 0;
      double y = 0;
      String command = "M";
      for (int i = 0; i < tokens.size(); ) {
        if (Character.isLetter(tokens.get(i).charAt(0))) {
          command = tokens.get(i++);
          continue;
        }
        switch (command) {
          case "M", "L" -> {
            x = Double.parseDouble(tokens.get(i++));
            y = Double.parseDouble(tokens.get(i++));
          }
          case "H" -> x = Double.parseDouble(tokens.get(i++));
          case "V" -> y = Double.parseDouble(tokens.get(i++));
          default -> throw new AssertionError("path command " + command + " not expected in " + d);
        }
        points.add(new double[] {x, y});
      }
      return points;
    }

    private static List<double[]> pairs(double[] numbers) {
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i + 1 < numbers.length; i += 2) {
        points.add(new double[] {numbers[i], numbers[i + 1]});
      }
      return points;
    }
  }

  private static boolean notFlat(List<double[]> series) {
    return series.stream().mapToDouble(p -> p[1]).distinct().count() > 1;
  }

  private static int count(Pattern pattern, String text) {
    return (int) pattern.matcher(text).results().count();
  }

  private static long pixels(BufferedImage image, int rgb, int fromRow, int toRow) {
    long n = 0;
    for (int y = fromRow; y < Math.min(toRow, image.getHeight()); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int p = image.getRGB(x, y);
        if (Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff)) <= COLOUR_TOLERANCE
            && Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff)) <= COLOUR_TOLERANCE
            && Math.abs((p & 0xff) - (rgb & 0xff)) <= COLOUR_TOLERANCE) {
          n++;
        }
      }
    }
    return n;
  }

  private static int lastNonWhiteRow(BufferedImage image) {
    for (int y = image.getHeight() - 1; y >= 0; y--) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          return y;
        }
      }
    }
    return -1;
  }

  /** harness/target, wherever the test runs from: the parent of target/test-classes. */
  private static Path targetDir() throws Exception {
    return Path.of(ReportInBrowserIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
