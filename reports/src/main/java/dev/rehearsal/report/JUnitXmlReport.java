package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.BudgetResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * junit.xml: budgets as test cases, so any CI system shows a breached budget as a failed test.
 *
 * <ul>
 *   <li>one {@code <testsuite name="rehearsal.SCENARIO.STRATEGY">} per report;
 *   <li>one {@code <testcase>} per budget: fail is a {@code <failure>} with value, threshold
 *       and action; warn passes with the warning in {@code <system-out>}; any other status is
 *       {@code <skipped>};
 *   <li>an incomplete run adds a {@code rehearsal-complete} test case with an {@code <error>};
 *   <li>a fail verdict that no budget explains (say, a migration statement failed) adds a
 *       {@code rehearsal-verdict} failure, so CI is never green on a failed rehearsal.
 * </ul>
 *
 * <p>Built with the JDK's DOM, which escapes text and attributes; characters XML 1.0 cannot
 * carry at all (most control characters) are dropped first.
 */
public final class JUnitXmlReport {

  private JUnitXmlReport() {}

  /** The XML document for all reports, e.g. every strategy of one {@code compare}. */
  public static String render(List<RehearsalReport> reports) {
    Document doc = newDocument();
    Element root = doc.createElement("testsuites");
    root.setAttribute("name", "rehearsal");
    doc.appendChild(root);
    Counts total = new Counts();
    for (RehearsalReport report : reports) {
      total.add(suite(doc, root, report));
    }
    total.setOn(root);
    return serialise(doc);
  }

  /** Writes {@link #render} to {@code file} as UTF-8, replacing it if it exists. */
  public static void write(List<RehearsalReport> reports, Path file) throws IOException {
    Files.writeString(file, render(reports), StandardCharsets.UTF_8);
  }

  private static Counts suite(Document doc, Element root, RehearsalReport report) {
    String className = Nulls.text(report.scenario()) + "." + Nulls.text(report.strategy());
    Element suite = doc.createElement("testsuite");
    root.appendChild(suite);
    attribute(suite, "name", "rehearsal." + className);
    if (report.startedAt() != null) {
      attribute(suite, "timestamp", report.startedAt().toString());
    }
    if (report.startedAt() != null && report.finishedAt() != null) {
      attribute(suite, "time",
          seconds(Duration.between(report.startedAt(), report.finishedAt()).toMillis()));
    }
    properties(doc, suite, report);

    Counts counts = new Counts();
    boolean budgetFailed = false;
    for (BudgetResult budget : Nulls.list(report.budgets())) {
      Element testCase = testCase(doc, suite, Nulls.text(budget.metric()), className);
      counts.tests++;
      switch (Html.statusClass(budget.status())) {
        case "fail" -> {
          counts.failures++;
          budgetFailed = true;
          Element failure = child(doc, testCase, "failure", budgetDetails(budget));
          attribute(failure, "type", "budget.critical");
          attribute(failure, "message", failureMessage(budget));
        }
        case "warn" -> child(doc, testCase, "system-out",
            "WARN " + budgetSummary(budget, "warn", budget.warn()) + "\n"
                + budgetDetails(budget));
        case "pass" -> { }
        default -> {
          counts.skipped++;
          Element skipped = child(doc, testCase, "skipped", null);
          attribute(skipped, "message", "budget status '" + budget.status() + "' not judged");
        }
      }
    }
    if (!report.complete()) {
      Element testCase = testCase(doc, suite, "rehearsal-complete", className);
      counts.tests++;
      counts.errors++;
      String reason = report.failure() == null ? "no reason recorded" : report.failure();
      Element error = child(doc, testCase, "error", reason);
      attribute(error, "type", "rehearsal.incomplete");
      attribute(error, "message", "rehearsal did not complete: " + reason);
    }
    boolean verdictFailed = report.verdict() != null
        && "fail".equals(Html.statusClass(report.verdict().status()));
    if (verdictFailed && !budgetFailed && report.complete()) {
      Element testCase = testCase(doc, suite, "rehearsal-verdict", className);
      counts.tests++;
      counts.failures++;
      String headline = Nulls.text(report.verdict().headline());
      Element failure = child(doc, testCase, "failure", headline);
      attribute(failure, "type", "rehearsal.verdict");
      attribute(failure, "message", "verdict FAIL: " + headline);
    }
    counts.setOn(suite);
    return counts;
  }

  /** Scenario, strategy and verdict, for CI tools that show suite properties. */
  private static void properties(Document doc, Element suite, RehearsalReport report) {
    Element properties = child(doc, suite, "properties", null);
    property(doc, properties, "scenario", report.scenario());
    property(doc, properties, "strategy", report.strategy());
    if (report.verdict() != null) {
      property(doc, properties, "verdict", report.verdict().status());
      property(doc, properties, "headline", report.verdict().headline());
    }
    property(doc, properties, "schemaVersion", String.valueOf(report.schemaVersion()));
  }

  private static void property(Document doc, Element properties, String name, String value) {
    Element property = child(doc, properties, "property", null);
    attribute(property, "name", name);
    attribute(property, "value", Nulls.text(value));
  }

  /** "blockedSessionSeconds = 12.5, critical at ≥ 5: set lock_timeout and retry". */
  private static String failureMessage(BudgetResult budget) {
    String action = budget.action() == null || budget.action().isBlank()
        ? "" : ": " + budget.action();
    return budgetSummary(budget, "critical", budget.critical()) + action;
  }

  private static String budgetSummary(BudgetResult budget, String level, Double threshold) {
    return budget.metric() + " = " + Fmt.number(budget.value()) + ", " + level + " at "
        + budget.condition(threshold);
  }

  private static String budgetDetails(BudgetResult budget) {
    return "metric: " + budget.metric() + "\nvalue: " + Fmt.number(budget.value())
        + "\nwarn: " + budget.condition(budget.warn()) + "\ncritical: " + budget.condition(budget.critical())
        + "\naction: " + Nulls.text(budget.action()) + "\nowner: " + Nulls.text(budget.owner());
  }

  private static Element testCase(Document doc, Element suite, String name, String className) {
    Element testCase = child(doc, suite, "testcase", null);
    attribute(testCase, "name", name);
    attribute(testCase, "classname", className);
    attribute(testCase, "time", "0");
    return testCase;
  }

  private static Element child(Document doc, Element parent, String name, String text) {
    Element element = doc.createElement(name);
    if (text != null) {
      element.setTextContent(xmlSafe(text));
    }
    parent.appendChild(element);
    return element;
  }

  private static void attribute(Element element, String name, String value) {
    element.setAttribute(name, xmlSafe(value));
  }

  /**
   * Drops characters XML 1.0 cannot represent even escaped (NUL and most control characters,
   * unpaired surrogates); an error message from a database may contain them.
   */
  static String xmlSafe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
          || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
          || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (allowed) {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static Document newDocument() {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML support is not available", e);
    }
  }

  private static String serialise(Document doc) {
    try {
      Transformer transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.INDENT, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      // the JDK puts the root element on the declaration's line; write the declaration here
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      StringWriter out = new StringWriter();
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString().replace("\r\n", "\n");
    } catch (TransformerException e) {
      throw new IllegalStateException("could not write JUnit XML", e);
    }
  }

  /** Test counts of a suite, and summed over all suites for the root element. */
  private static final class Counts {
    int tests;
    int failures;
    int errors;
    int skipped;

    void add(Counts other) {
      tests += other.tests;
      failures += other.failures;
      errors += other.errors;
      skipped += other.skipped;
    }

    void setOn(Element element) {
      element.setAttribute("tests", String.valueOf(tests));
      element.setAttribute("failures", String.valueOf(failures));
      element.setAttribute("errors", String.valueOf(errors));
      element.setAttribute("skipped", String.valueOf(skipped));
    }
  }
}
