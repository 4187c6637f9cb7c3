package dev.rehearsal.harness.seed.copy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The encoders against a real PostgreSQL: rows loaded with COPY in binary and in text format
 * must read back ({@code col::text}) as the values meant, and identically between formats.
 */
class CopyCodecsIT {

  private static EmbeddedPostgres postgres;
  private static Connection connection;

  /** One field: how it is written and what {@code col::text} must show (null for NULL). */
  record Cell(Consumer<FieldWriter> write, String expected) {}

  private static final Cell NULL = new Cell(FieldWriter::writeNull, null);

  private static Cell cell(Consumer<FieldWriter> write, String expected) {
    return new Cell(write, expected);
  }

  private static Cell text(String value) {
    byte[] utf8 = value.getBytes(UTF_8);
    return cell(w -> w.writeText(utf8, 0, utf8.length), value);
  }

  private static Cell json(String value, String expected) {
    byte[] utf8 = value.getBytes(UTF_8);
    return cell(w -> w.writeJson(utf8, 0, utf8.length), expected);
  }

  private static long micros(String instant) {
    Instant t = Instant.parse(instant); // ChronoUnit.MICROS.between overflows beyond ~292 years
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    connection = postgres.getPostgresDatabase().getConnection();
    execute("SET TimeZone = 'UTC'");
  }

  @AfterAll
  static void stop() throws Exception {
    if (connection != null) {
      connection.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /** What the server makes of a literal, for values whose text it normalises (jsonb). */
  private static String server(String literal, String type) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT ?::" + type + "::text")) {
      ps.setString(1, literal);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Column types exactly as the seeder will see them. */
  private static List<String> columnTypes(String table) throws SQLException {
    List<String> types = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
        + "WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          types.add(rs.getString(1));
        }
      }
    }
    return types;
  }

  /**
   * COPYs the rows in {@code format}, handing the buffer to the driver after every row so
   * reset-and-reuse is exercised too. Column 0 is the row number, for ordering.
   */
  private static void load(String table, CopyFormat format, List<List<Cell>> rows) throws SQLException {
    List<String> types = columnTypes(table);
    CopyBuffer buffer = new CopyBuffer(16);
    CopyRows copy = new CopyRows(types, format, buffer);
    String sql = "COPY " + table + " FROM STDIN" + (format == CopyFormat.BINARY ? " (FORMAT binary)" : "");
    CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    copy.header();
    for (int r = 0; r < rows.size(); r++) {
      copy.beginRow();
      copy.field(0).writeLong(r);
      for (int c = 0; c < rows.get(r).size(); c++) {
        rows.get(r).get(c).write().accept(copy.field(c + 1));
      }
      copy.endRow();
      in.writeToCopy(buffer.array(), 0, buffer.size());
      buffer.reset();
    }
    copy.trailer();
    in.writeToCopy(buffer.array(), 0, buffer.size());
    assertThat(in.endCopy()).isEqualTo(rows.size());
  }

  private static List<List<String>> readBack(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT attname FROM pg_attribute "
        + "WHERE attrelid = ?::regclass AND attnum > 1 AND NOT attisdropped ORDER BY attnum")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1) + "::text");
        }
      }
    }
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY ord")) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<List<String>> expected(List<List<Cell>> rows) {
    return rows.stream().map(row -> row.stream().map(Cell::expected).toList()).toList();
  }

  @Test
  void everyBinaryTypeLoadsTheSameInBinaryAndTextFormat() throws Exception {
    String columns = """
        (ord integer, c_int2 smallint, c_int4 integer, c_int8 bigint, c_num numeric(12,2), c_numfree numeric,
         c_real real, c_double double precision, c_text text, c_varchar varchar(40), c_char character(8),
         c_bool boolean, c_ts timestamp, c_tstz timestamptz, c_ts3 timestamp(3) with time zone, c_date date,
         c_uuid uuid, c_json json, c_jsonb jsonb)""";
    execute("CREATE TABLE t_binary " + columns);
    execute("CREATE TABLE t_text " + columns);
    assertThat(CopyRows.formatFor(columnTypes("t_binary"))).isEqualTo(CopyFormat.BINARY);

    String nestedJson = "{\"a\": {\"b\": [1, 2.50, {\"c\": \"tab\\there \\\\ \\\"q\\\" ü\"}]},\n\t\"d\": null}";
    String stringJson = "\"line1\\nline2 \\\\ 😀\"";
    long moonLanding = micros("1969-07-20T20:17:40Z");
    long julius = LocalDateTime.of(-43, 3, 15, 12, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000;
    List<List<Cell>> rows = List.of(
        List.of(cell(w -> w.writeLong(12), "12"), cell(w -> w.writeLong(-123456), "-123456"),
            cell(w -> w.writeLong(Long.MAX_VALUE), "9223372036854775807"),
            cell(w -> w.writeDecimal(12345, 2), "123.45"), cell(w -> w.writeDecimal(-5, 1), "-0.5"),
            cell(w -> w.writeDecimal(15, 1), "1.5"), cell(w -> w.writeDecimal(12345, 2), "123.45"),
            text("Grüße\tworld\n\\back\\slash\r 😀 end"), text("café"), text("ab"),
            cell(w -> w.writeBoolean(true), "true"),
            cell(w -> w.writeTimestampMicros(micros("2030-06-15T08:30:00.123456Z")), "2030-06-15 08:30:00.123456"),
            cell(w -> w.writeTimestampMicros(micros("2030-06-15T08:30:00.123456Z")), "2030-06-15 08:30:00.123456+00"),
            cell(w -> w.writeTimestampMicros(micros("2030-06-15T08:30:00.123456Z")), "2030-06-15 08:30:00.123+00"),
            cell(w -> w.writeTimestampMicros(micros("2030-06-15T23:59:59.999999Z")), "2030-06-15"),
            cell(w -> w.writeUuid(0x0123456789abcdefL, 0xfedcba9876543210L), "01234567-89ab-cdef-fedc-ba9876543210"),
            json(nestedJson, nestedJson), json(nestedJson, server(nestedJson, "jsonb"))),
        List.of(cell(w -> w.writeLong(-32768), "-32768"), cell(w -> w.writeLong(Integer.MAX_VALUE), "2147483647"),
            cell(w -> w.writeLong(Long.MIN_VALUE), "-9223372036854775808"),
            cell(w -> w.writeDecimal(-9_999_999_999L, 2), "-99999999.99"),
            cell(w -> w.writeDecimal(1, 18), "0.000000000000000001"),
            cell(w -> w.writeLong(-7), "-7"), cell(w -> w.writeDecimal(-1, 3), "-0.001"),
            // text-typed columns take every kind, rendered as text
            cell(w -> w.writeDecimal(-12345, 2), "-123.45"),
            cell(w -> w.writeTimestampMicros(micros("2025-03-01T12:00:00Z")), "2025-03-01 12:00:00+00"),
            cell(w -> w.writeBoolean(false), "false"),
            cell(w -> w.writeBoolean(false), "false"),
            cell(w -> w.writeTimestampMicros(moonLanding), "1969-07-20 20:17:40"),
            cell(w -> w.writeTimestampMicros(micros("1900-01-01T00:00:00.5Z")), "1900-01-01 00:00:00.5+00"),
            cell(w -> w.writeTimestampMicros(julius), "0044-03-15 12:00:00+00 BC"),
            cell(w -> w.writeTimestampMicros(micros("1969-12-31T23:00:00Z")), "1969-12-31"),
            cell(w -> w.writeUuid(-1, -1), "ffffffff-ffff-ffff-ffff-ffffffffffff"),
            json("[]", "[]"), json(stringJson, server(stringJson, "jsonb"))),
        List.of(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NULL),
        List.of(cell(w -> w.writeLong(0), "0"), cell(w -> w.writeLong(0), "0"), cell(w -> w.writeLong(0), "0"),
            cell(w -> w.writeLong(0), "0.00"), cell(w -> w.writeDecimal(0, 3), "0.000"),
            cell(w -> w.writeDecimal(1, 1), "0.1"), cell(w -> w.writeDecimal(1, 1), "0.1"),
            text(""), cell(w -> w.writeUuid(0, 1), "00000000-0000-0000-0000-000000000001"),
            cell(w -> w.writeLong(-5), "-5"), NULL,
            cell(w -> w.writeTimestampMicros(micros("2000-01-01T00:00:00Z")), "2000-01-01 00:00:00"),
            cell(w -> w.writeTimestampMicros(micros("2000-01-01T00:00:00.000001Z")), "2000-01-01 00:00:00.000001+00"),
            NULL, cell(w -> w.writeTimestampMicros(micros("2000-01-01T00:00:00Z")), "2000-01-01"),
            cell(w -> w.writeUuid(0, 0), "00000000-0000-0000-0000-000000000000"),
            json("{\"k\":{\"k\":{\"k\":[true,false,null]}}}", "{\"k\":{\"k\":{\"k\":[true,false,null]}}}"),
            json("{\"k\":{\"k\":{\"k\":[true,false,null]}}}", "{\"k\": {\"k\": {\"k\": [true, false, null]}}}")),
        List.of(cell(w -> w.writeLong(1), "1"), cell(w -> w.writeLong(-1), "-1"), cell(w -> w.writeLong(10_000), "10000"),
            cell(w -> w.writeDecimal(123_000_000_456L, 3), "123000000.46"),
            cell(w -> w.writeDecimal(Long.MIN_VALUE, 3), "-9223372036854775.808"),
            cell(w -> w.writeDecimal(Long.MAX_VALUE, 0), server(Long.toString(Long.MAX_VALUE), "real")),
            cell(w -> w.writeDecimal(Long.MIN_VALUE, 19), server("-0.9223372036854775808", "double precision")),
            json(stringJson, stringJson), cell(w -> w.writeLong(Long.MIN_VALUE), "-9223372036854775808"),
            cell(w -> w.writeDecimal(1, 2), "0.01"), cell(w -> w.writeBoolean(false), "false"),
            cell(w -> w.writeTimestampMicros(micros("2030-12-31T23:59:59.999999Z")), "2030-12-31 23:59:59.999999"),
            cell(w -> w.writeTimestampMicros(micros("1960-02-29T12:00:00Z")), "1960-02-29 12:00:00+00"),
            cell(w -> w.writeTimestampMicros(micros("1999-12-31T23:59:59.9996Z")), "2000-01-01 00:00:00+00"),
            cell(w -> w.writeTimestampMicros(micros("1960-02-29T12:00:00Z")), "1960-02-29"),
            cell(w -> w.writeUuid(0x8000000000000000L, 0x7fffffffffffffffL), "80000000-0000-0000-7fff-ffffffffffff"),
            json("  [1 ,2]  ", "  [1 ,2]  "), json("  [1 ,2]  ", "[1, 2]")));
    // the table has 18 value columns: every row above must fill them all
    assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(18));

    load("t_binary", CopyFormat.BINARY, rows);
    load("t_text", CopyFormat.TEXT, rows);

    List<List<String>> binary = readBack("t_binary");
    List<List<String>> text = readBack("t_text");
    assertThat(binary).isEqualTo(expected(rows));
    assertThat(text).isEqualTo(expected(rows));
    assertThat(binary).isEqualTo(text);
  }

  @Test
  void stringsThatLookLikeCopyMarkersStayStrings() throws Exception {
    // an empty string, "\." (text format's end-of-data line) and a literal \N must come
    // back as the strings they are, not as NULL or the end of the data
    execute("CREATE TABLE t_edge_binary (ord integer, s text)");
    execute("CREATE TABLE t_edge_text (ord integer, s text)");
    List<List<Cell>> rows = List.of(List.of(text("")), List.of(text("\\.")), List.of(text("\\N")), List.of(NULL),
        List.of(text("\r\n")), List.of(text("tab\tend\\")), List.of(text("\\")));
    load("t_edge_binary", CopyFormat.BINARY, rows);
    load("t_edge_text", CopyFormat.TEXT, rows);
    assertThat(readBack("t_edge_binary")).isEqualTo(expected(rows));
    assertThat(readBack("t_edge_text")).isEqualTo(expected(rows));
  }

  @Test
  void typesWithoutAnEncoderLoadThroughTextFormat() throws Exception {
    execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
    execute("CREATE TABLE t_other (ord integer, m mood, addr inet, span interval, tags text[], flag boolean, "
        + "n numeric(5,1), seen timestamptz)");
    List<String> types = columnTypes("t_other");
    assertThat(types).containsExactly("integer", "mood", "inet", "interval", "text[]", "boolean", "numeric(5,1)",
        "timestamp with time zone");
    assertThat(CopyRows.formatFor(types)).isEqualTo(CopyFormat.TEXT);

    List<List<Cell>> rows = List.of(
        List.of(text("happy"), text("192.168.0.1/24"), text("1 day 02:00:00"), text("{a,\"b c\"}"),
            cell(w -> w.writeBoolean(true), "true"), cell(w -> w.writeDecimal(-1234, 2), "-12.3"),
            cell(w -> w.writeTimestampMicros(micros("1950-05-05T05:05:05.05Z")), "1950-05-05 05:05:05.05+00")),
        List.of(NULL, cell(w -> w.writeText(new byte[] {':', ':', '1'}, 0, 3), "::1/128"), cell(w -> w.writeLong(5), "00:00:05"), NULL, NULL, cell(w -> w.writeLong(7), "7.0"),
            NULL));
    load("t_other", CopyFormat.TEXT, rows);
    assertThat(readBack("t_other")).isEqualTo(expected(rows));
  }
}
