package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportTest {

  @Test
  void oneTestCasePerBudgetWithCorrectCounts() throws Exception {
    Document doc = parse(JUnitXmlReport.render(List.of(ReportFixture.realistic())));

    Element suite = only(doc, "testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("rehearsal.add-column-not-null.naive");
    assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-03-14T09:26:53.589793238Z");
    assertThat(suite.getAttribute("time")).isEqualTo("47.530");
    assertThat(suite.getAttribute("tests")).isEqualTo("3");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("0");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(3);
    Element first = (Element) cases.item(0);
    assertThat(first.getAttribute("name")).isEqualTo("blockedSessionSeconds");
    assertThat(first.getAttribute("classname")).isEqualTo("add-column-not-null.naive");
  }

  @Test
  void failedBudgetSaysValueThresholdAndAction() throws Exception {
    Document doc = parse(JUnitXmlReport.render(List.of(ReportFixture.realistic())));

    Element failure = only(doc, "failure");
    assertThat(failure.getAttribute("message")).isEqualTo(
        "blockedSessionSeconds = 12.5, critical at ≥ 5: set lock_timeout and retry, or use "
            + "strategy expand-contract");
    assertThat(failure.getTextContent()).contains("owner: team-db");
  }

  @Test
  void warnedBudgetPassesWithANote() throws Exception {
    Document doc = parse(JUnitXmlReport.render(List.of(ReportFixture.realistic())));

    Element warned = (Element) doc.getElementsByTagName("testcase").item(1);
    assertThat(warned.getElementsByTagName("failure").getLength()).isZero();
    assertThat(warned.getElementsByTagName("system-out").item(0).getTextContent())
        .startsWith("WARN poolTimeouts = 3, warn at ≥ 1").contains("raise pool size");
  }

  @Test
  void incompleteRunAddsAnErrorTestCase() throws Exception {
    ReportFixture fixture = new ReportFixture();
    fixture.complete = false;
    fixture.failure = "harness crashed";
    Document doc = parse(JUnitXmlReport.render(List.of(fixture.build())));

    Element suite = only(doc, "testsuite");
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    Element error = only(doc, "error");
    assertThat(((Element) error.getParentNode()).getAttribute("name"))
        .isEqualTo("rehearsal-complete");
    assertThat(error.getAttribute("message")).contains("harness crashed");
  }

  @Test
  void oneSuitePerReportAndTotalsOnTheRoot() throws Exception {
    ReportFixture passing = new ReportFixture();
    passing.strategy = "expand-contract";
    passing.verdict = new RehearsalReport.Verdict("pass", "no session waited");
    passing.budgets = List.of(new RehearsalReport.BudgetResult("lostWrites", null, 0.0, 0,
        "pass", "stop", "team-db"));
    Document doc = parse(JUnitXmlReport.render(
        List.of(ReportFixture.realistic(), passing.build())));

    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    assertThat(((Element) suites.item(1)).getAttribute("name"))
        .isEqualTo("rehearsal.add-column-not-null.expand-contract");
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("4");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void failVerdictWithoutAFailedBudgetStillFails() throws Exception {
    ReportFixture fixture = new ReportFixture();
    fixture.budgets = List.of();
    Document doc = parse(JUnitXmlReport.render(List.of(fixture.build())));

    assertThat(only(doc, "testsuite").getAttribute("failures")).isEqualTo("1");
    assertThat(((Element) only(doc, "failure").getParentNode()).getAttribute("name"))
        .isEqualTo("rehearsal-verdict");
  }

  @Test
  void hostileTextIsEscapedAndTheDocumentStillParses() throws Exception {
    String payload = "<script>alert(1)</script>\"><x a='1'>&amp; ]]> \u0000\u001b end";
    String xml = JUnitXmlReport.render(
        List.of(new ReportFixture().withTextEverywhere(payload).build()));

    assertThat(xml).doesNotContain("<script", "<x a=");
    Document doc = parse(xml);
    Element suite = only(doc, "testsuite");
    String cleaned = "<script>alert(1)</script>\"><x a='1'>&amp; ]]>  end";
    assertThat(suite.getAttribute("name")).isEqualTo("rehearsal." + cleaned + "." + cleaned);
    // fail, warn, unknown status (skipped), plus rehearsal-complete
    assertThat(suite.getAttribute("tests")).isEqualTo("4");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
    assertThat(suite.getAttribute("errors")).isEqualTo("1");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    assertThat(only(doc, "error").getAttribute("message")).endsWith(cleaned);
  }

  @Test
  void noReportsIsAnEmptyButValidDocument() throws Exception {
    String xml = JUnitXmlReport.render(List.of());
    Document doc = parse(xml);

    assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ");
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static Element only(Document doc, String tag) {
    NodeList nodes = doc.getElementsByTagName(tag);
    assertThat(nodes.getLength()).as("number of <%s>", tag).isEqualTo(1);
    return (Element) nodes.item(0);
  }
}
