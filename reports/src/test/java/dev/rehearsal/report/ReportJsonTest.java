package dev.rehearsal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

  private final ObjectMapper plain = new ObjectMapper();

  @Test
  void roundTripThroughAFileIsLossless(@TempDir Path dir) throws Exception {
    RehearsalReport report = ReportFixture.realistic();
    Path file = dir.resolve("report.json");

    ReportJson.write(report, file);

    assertThat(ReportJson.read(file)).isEqualTo(report);
  }

  @Test
  void roundTripKeepsNullsNanAndNanosecondInstants() throws Exception {
    ReportFixture fixture = new ReportFixture();
    fixture.complete = false;
    fixture.failure = "observer connection lost";
    fixture.verdict = null;
    fixture.summary = SummaryFixture.quiet().with("peakP99Ms", 12).with("p99Ratio", Double.NaN)
        .with("spikeThresholdMs", 40).with("operations", 10).with("lostWrites", SummaryFixture.NULL)
        .with("healthCheckFailures", SummaryFixture.NULL).build();
    RehearsalReport report = fixture.build();

    RehearsalReport back = ReportJson.fromJson(ReportJson.toJson(report));

    assertThat(back).isEqualTo(report);
    assertThat(back.startedAt().getNano()).isEqualTo(589_793_238);
    assertThat(back.timeline().get(16).p99Ms()).isNull();
  }

  @Test
  void nextStepsAndStrictBudgetsRoundTripWithTheirEvidence() throws Exception {
    ReportFixture fixture = new ReportFixture();
    fixture.nextSteps = List.of(new RehearsalReport.NextStep("Set lock_timeout", "lockQueue", 1,
        "blockedSessionSeconds", 21.1));
    fixture.budgets = List.of(new RehearsalReport.BudgetResult("peakP99Ms", 1000.0, null, true, 1000, "pass",
        null, null));
    RehearsalReport report = fixture.build();

    String json = ReportJson.toJson(report);

    assertThat(ReportJson.fromJson(json)).isEqualTo(report);
    JsonNode step = plain.readTree(json).at("/nextSteps/0");
    assertThat(step.get("rule").asText()).isEqualTo("lockQueue");
    assertThat(step.get("statement").asInt()).isEqualTo(1);
    assertThat(plain.readTree(json).at("/budgets/0/strict").asBoolean()).isTrue();
  }

  @Test
  void aVersionOneReportStillReadsItsNextStepsAsText() throws Exception {
    ObjectNode root = (ObjectNode) plain.readTree(ReportJson.toJson(ReportFixture.realistic()));
    root.put("schemaVersion", 1);
    root.putArray("nextSteps").add("Set lock_timeout and retry").add("Or expand and contract");
    ((ObjectNode) root.at("/budgets/0")).remove("strict");

    RehearsalReport old = ReportJson.fromJson(plain.writeValueAsString(root));

    assertThat(old.schemaVersion()).isEqualTo(1);
    assertThat(old.nextSteps()).extracting(RehearsalReport.NextStep::text)
        .containsExactly("Set lock_timeout and retry", "Or expand and contract");
    assertThat(old.nextSteps().get(0).rule()).isNull();
    assertThat(old.budgets().get(0).strict()).isFalse();
  }

  @Test
  void instantsAreIsoStringsAndOutputIsPrettyPrinted() throws Exception {
    String json = ReportJson.toJson(ReportFixture.realistic());

    assertThat(json).contains("\"startedAt\": \"2025-03-14T09:26:53.589793238Z\"");
    assertThat(json).contains("\n  \"scenario\": \"add-column-not-null\",\n");
    assertThat(json).doesNotContain("\r").endsWith("}\n").contains("\"errors\": {},");
  }

  @Test
  void summaryHasTheDocumentedFieldNames() throws Exception {
    JsonNode summary = plain.readTree(ReportJson.toJson(ReportFixture.realistic()))
        .get("summary");

    assertThat(fieldNames(summary)).contains("blockedSessionSeconds", "longestWaitMs",
        "longestBlockedWindowMs", "baselineP99Ms", "peakP99Ms", "spikeSeconds", "poolTimeouts",
        "poolSaturatedSeconds", "maxPoolWaiting", "lostWrites", "healthCheckFailures", "errors");
  }

  @Test
  void fieldsAppearInRecordComponentOrder() throws Exception {
    JsonNode root = plain.readTree(ReportJson.toJson(ReportFixture.realistic()));

    assertThat(fieldNames(root)).containsExactlyElementsOf(componentNames(RehearsalReport.class));
    assertThat(fieldNames(root.get("summary")))
        .containsExactlyElementsOf(componentNames(RehearsalReport.Summary.class));
    assertThat(fieldNames(root.get("timeline").get(0)))
        .containsExactlyElementsOf(componentNames(RehearsalReport.TimelineSecond.class));
    assertThat(fieldNames(root.get("budgets").get(0)))
        .containsExactlyElementsOf(componentNames(RehearsalReport.BudgetResult.class));
  }

  @Test
  void outputIsStableWhateverTheMapOrder() {
    ReportFixture a = new ReportFixture();
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("work_mem", "4MB");
    reversed.put("lock_timeout", "0");
    a.server = new RehearsalReport.ServerInfo("embedded", "18.1", reversed);
    ReportFixture b = new ReportFixture();
    Map<String, String> sorted = new LinkedHashMap<>();
    sorted.put("lock_timeout", "0");
    sorted.put("work_mem", "4MB");
    b.server = new RehearsalReport.ServerInfo("embedded", "18.1", sorted);

    assertThat(ReportJson.toJson(a.build())).isEqualTo(ReportJson.toJson(b.build()));
  }

  @Test
  void unknownFieldsAreIgnoredOnRead() throws Exception {
    RehearsalReport report = ReportFixture.realistic();
    ObjectNode root = (ObjectNode) plain.readTree(ReportJson.toJson(report));
    root.put("addedInAMinorRelease", "whatever");
    ((ObjectNode) root.get("summary")).put("newFigureMs", 12.5);
    ((ObjectNode) root.get("timeline").get(0)).putObject("newNested").put("x", 1);

    assertThat(ReportJson.fromJson(root.toString())).isEqualTo(report);
  }

  @Test
  void newerSchemaVersionIsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
    ObjectNode root = (ObjectNode) plain.readTree(ReportJson.toJson(ReportFixture.realistic()));
    root.put("schemaVersion", RehearsalReport.SCHEMA_VERSION + 1);
    Path file = dir.resolve("report.json");
    Files.writeString(file, root.toString());

    assertThatThrownBy(() -> ReportJson.read(file))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schemaVersion " + (RehearsalReport.SCHEMA_VERSION + 1))
        .hasMessageContaining("reads schemaVersion " + RehearsalReport.SCHEMA_VERSION)
        .hasMessageContaining("newer Rehearsal");
  }

  @Test
  void documentWithoutSchemaVersionIsNotAReport() {
    assertThatThrownBy(() -> ReportJson.fromJson("{\"scenario\": \"x\"}"))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageContaining("no integer schemaVersion");
    assertThatThrownBy(() -> ReportJson.fromJson("[1, 2]"))
        .isInstanceOf(ReportFormatException.class);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> componentNames(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
