package dev.rehearsal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * report.json: writing and reading {@link RehearsalReport}.
 *
 * <p>The output is meant to be diffed and read by people as well as machines: pretty-printed
 * with "\n" line ends on every platform, fields in record-component order, map entries sorted
 * by key, instants as ISO-8601 strings. Reading is forward compatible within a schema version
 * (unknown fields are ignored) but refuses a newer {@code schemaVersion} rather than silently
 * misreading figures whose meaning changed.
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private ReportJson() {}

  /** The report as pretty-printed JSON, ending with a newline. */
  public static String toJson(RehearsalReport report) {
    return pretty(report);
  }

  /** A load-only run's report as pretty-printed JSON, ending with a newline. */
  public static String toJson(LoadReport report) {
    return pretty(report);
  }

  /** A comparison as pretty-printed JSON, ending with a newline. */
  public static String toJson(ComparisonReport comparison) {
    return pretty(comparison);
  }

  /** The nightly diff ({@code rehearse diff --json}) as pretty-printed JSON, ending with a newline. */
  public static String toJson(ReportDiff diff) {
    return pretty(diff);
  }

  private static String pretty(Object value) {
    try {
      return WRITER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      // Records of strings, numbers, lists and maps always serialise; this would be a bug here.
      throw new UncheckedIOException("could not serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Writes a load-only run's report to {@code file} as UTF-8. */
  public static void write(LoadReport report, Path file) throws IOException {
    Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
  }

  /** Writes {@link #toJson} to {@code file} as UTF-8, replacing it if it exists. */
  public static void write(RehearsalReport report, Path file) throws IOException {
    Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
  }

  /** A sweep as pretty-printed JSON, ending with a newline. */
  public static String toJson(SweepReport sweep) {
    return pretty(sweep);
  }

  /** Writes a sweep to {@code file} as UTF-8, replacing it if it exists. */
  public static void write(SweepReport sweep, Path file) throws IOException {
    Files.writeString(file, toJson(sweep), StandardCharsets.UTF_8);
  }

  /** Parses sweep.json. */
  public static SweepReport sweepFromJson(String json) throws IOException {
    return MAPPER.treeToValue(checkedTree(json), SweepReport.class);
  }

  /** Writes a comparison to {@code file} as UTF-8, replacing it if it exists. */
  public static void write(ComparisonReport comparison, Path file) throws IOException {
    Files.writeString(file, toJson(comparison), StandardCharsets.UTF_8);
  }

  /** Writes the diff to {@code file} as UTF-8, replacing it if it exists. */
  public static void write(ReportDiff diff, Path file) throws IOException {
    Files.writeString(file, toJson(diff), StandardCharsets.UTF_8);
  }

  /** Parses comparison.json. */
  public static ComparisonReport comparisonFromJson(String json) throws IOException {
    return MAPPER.treeToValue(checkedTree(json), ComparisonReport.class);
  }

  /**
   * Reads a report.json.
   *
   * @throws ReportFormatException if the file is not a report or has a newer schema version
   * @throws IOException if it cannot be read or is not valid JSON
   */
  public static RehearsalReport read(Path file) throws IOException {
    String json = Files.readString(file, StandardCharsets.UTF_8);
    try {
      return fromJson(json);
    } catch (ReportFormatException e) {
      throw new ReportFormatException(file + ": " + e.getMessage());
    }
  }

  /**
   * Parses report JSON; see {@link #read}.
   *
   * @throws ReportFormatException if it is not a report or has a newer schema version
   */
  public static RehearsalReport fromJson(String json) throws IOException {
    return MAPPER.treeToValue(checkedTree(json), RehearsalReport.class);
  }

  /** The JSON tree, once it is known to be a report this version can read. */
  private static JsonNode checkedTree(String json) throws IOException {
    JsonNode tree = MAPPER.readTree(json);
    if (tree == null || !tree.isObject()) {
      throw new ReportFormatException("not a Rehearsal report: expected a JSON object");
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new ReportFormatException("not a Rehearsal report: no integer schemaVersion field");
    }
    int schemaVersion = version.asInt();
    if (schemaVersion > RehearsalReport.SCHEMA_VERSION) {
      throw new ReportFormatException(
          "report has schemaVersion "
              + schemaVersion
              + " but this Rehearsal reads schemaVersion "
              + RehearsalReport.SCHEMA_VERSION
              + " or older; read it with a newer Rehearsal");
    }
    return tree;
  }

  /**
   * Two-space indent, "\n" everywhere, {@code "name": value} (no space before the colon),
   * {@code {}} and {@code []} for empty maps and lists.
   */
  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
