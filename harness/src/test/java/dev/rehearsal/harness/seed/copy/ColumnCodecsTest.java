package dev.rehearsal.harness.seed.copy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Exact bytes of every encoder, checked against PostgreSQL's send/recv and text formats. */
class ColumnCodecsTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final Instant PG_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  /** The bytes one field of a {@code type} column gets in {@code format}. */
  private static byte[] encode(String type, CopyFormat format, Consumer<FieldWriter> write) {
    CopyBuffer buffer = new CopyBuffer(0); // start empty: every put must grow correctly
    write.accept(ColumnCodecs.writer(type, format, buffer));
    return buffer.toByteArray();
  }

  private static String binary(String type, Consumer<FieldWriter> write) {
    return HEX.formatHex(encode(type, CopyFormat.BINARY, write));
  }

  private static String text(String type, Consumer<FieldWriter> write) {
    return new String(encode(type, CopyFormat.TEXT, write), UTF_8);
  }

  /** A binary field whose payload is UTF-8 text: its length prefix is checked, the text returned. */
  private static String binaryText(String type, Consumer<FieldWriter> write) {
    byte[] bytes = encode(type, CopyFormat.BINARY, write);
    assertThat(ByteBuffer.wrap(bytes).getInt()).isEqualTo(bytes.length - 4);
    return new String(bytes, 4, bytes.length - 4, UTF_8);
  }

  private static long micros(String instant) {
    Instant t = Instant.parse(instant); // ChronoUnit.MICROS.between overflows beyond ~292 years
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(UTF_8);
  }

  /** numeric_send's layout, with the int32 field length in front. */
  private static String numeric(int ndigits, int weight, int sign, int dscale, int... digits) {
    ByteBuffer b = ByteBuffer.allocate(4 + 8 + 2 * digits.length);
    b.putInt(8 + 2 * digits.length).putShort((short) ndigits).putShort((short) weight).putShort((short) sign)
        .putShort((short) dscale);
    for (int d : digits) {
      b.putShort((short) d);
    }
    return HEX.formatHex(b.array());
  }

  /**
   * An independent numeric_send, from BigDecimal's plain string: pad the integer part to the
   * left and the fraction to the right to whole groups of four, then drop zero groups.
   */
  private static String numericReference(long unscaled, int scale) {
    BigDecimal value = BigDecimal.valueOf(unscaled, scale);
    String plain = value.abs().toPlainString();
    int point = plain.indexOf('.');
    String intPart = point < 0 ? plain : plain.substring(0, point);
    String fraction = point < 0 ? "" : plain.substring(point + 1);
    intPart = "0".repeat((4 - intPart.length() % 4) % 4) + intPart;
    fraction = fraction + "0".repeat((4 - fraction.length() % 4) % 4);
    String all = intPart + fraction;
    List<Integer> groups = new ArrayList<>();
    for (int i = 0; i < all.length(); i += 4) {
      groups.add(Integer.parseInt(all.substring(i, i + 4)));
    }
    int weight = intPart.length() / 4 - 1;
    while (!groups.isEmpty() && groups.get(0) == 0) {
      groups.remove(0);
      weight--;
    }
    while (!groups.isEmpty() && groups.get(groups.size() - 1) == 0) {
      groups.remove(groups.size() - 1);
    }
    if (groups.isEmpty()) {
      weight = 0;
    }
    return numeric(groups.size(), weight, unscaled < 0 ? 0x4000 : 0, scale,
        groups.stream().mapToInt(Integer::intValue).toArray());
  }

  // ---- binary: integers, floats, bool --------------------------------------------------

  @Test
  void integersAreBigEndianWithTheirWidth() {
    assertThat(binary("smallint", w -> w.writeLong(-2))).isEqualTo("00000002" + "fffe");
    assertThat(binary("integer", w -> w.writeLong(0x01020304))).isEqualTo("00000004" + "01020304");
    assertThat(binary("integer", w -> w.writeLong(Integer.MIN_VALUE))).isEqualTo("00000004" + "80000000");
    assertThat(binary("bigint", w -> w.writeLong(-1))).isEqualTo("00000008" + "ffffffffffffffff");
    assertThat(binary("bigint", w -> w.writeLong(Long.MIN_VALUE))).isEqualTo("00000008" + "8000000000000000");
  }

  @Test
  void integersThatDoNotFitTheColumnAreRejectedInBothFormats() {
    assertThatThrownBy(() -> binary("smallint", w -> w.writeLong(32768)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32768").hasMessageContaining("smallint");
    assertThatThrownBy(() -> text("integer", w -> w.writeLong(Integer.MAX_VALUE + 1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integer");
    assertThat(text("smallint", w -> w.writeLong(-32768))).isEqualTo("-32768");
  }

  @Test
  void floatsAreIeeeBigEndianFromIntegersAndDecimals() {
    assertThat(binary("double precision", w -> w.writeDecimal(12345, 2)))
        .isEqualTo("00000008" + String.format("%016x", Double.doubleToLongBits(123.45)));
    assertThat(binary("double precision", w -> w.writeLong(3))).isEqualTo("00000008" + "4008000000000000");
    assertThat(binary("real", w -> w.writeDecimal(-1, 1)))
        .isEqualTo("00000004" + String.format("%08x", Float.floatToIntBits(-0.1f)));
    assertThat(binary("real", w -> w.writeLong(1))).isEqualTo("00000004" + "3f800000");
  }

  @Test
  void decimalToFloatRoundsLikeTheServersParserOnAndOffTheFastPath() {
    Random random = new Random(7);
    long[] unscaled = {0, 1, -1, 9007199254740993L, Long.MAX_VALUE, Long.MIN_VALUE, 16777217, 123456789};
    for (int i = 0; i < 2000; i++) {
      long u = i < unscaled.length ? unscaled[i] : random.nextLong() >> random.nextInt(64);
      int scale = random.nextInt(30);
      String decimal = BigDecimal.valueOf(u, scale).toPlainString();
      assertThat(BinaryWriters.Decimals.toDouble(u, scale)).as(decimal).isEqualTo(Double.parseDouble(decimal));
      assertThat(BinaryWriters.Decimals.toFloat(u, scale)).as(decimal).isEqualTo(Float.parseFloat(decimal));
    }
  }

  @Test
  void booleanIsOneByte() {
    assertThat(binary("boolean", w -> w.writeBoolean(true))).isEqualTo("00000001" + "01");
    assertThat(binary("boolean", w -> w.writeBoolean(false))).isEqualTo("00000001" + "00");
  }

  // ---- binary: numeric ---------------------------------------------------------------

  @Test
  void numericZeroHasNoDigitsAndKeepsItsScale() {
    assertThat(binary("numeric", w -> w.writeDecimal(0, 2))).isEqualTo(numeric(0, 0, 0, 2));
    assertThat(binary("numeric(12,2)", w -> w.writeLong(0))).isEqualTo(numeric(0, 0, 0, 0));
  }

  @Test
  void numericDigitGroupsAreAlignedToTheDecimalPoint() {
    assertThat(binary("numeric(12,2)", w -> w.writeDecimal(12345, 2))).isEqualTo(numeric(2, 0, 0, 2, 123, 4500));
    assertThat(binary("numeric", w -> w.writeLong(10000))).isEqualTo(numeric(1, 1, 0, 0, 1));
    assertThat(binary("numeric", w -> w.writeDecimal(-5, 1))).isEqualTo(numeric(1, -1, 0x4000, 1, 5000));
    assertThat(binary("numeric", w -> w.writeDecimal(1, 4))).isEqualTo(numeric(1, -1, 0, 4, 1));
    assertThat(binary("numeric", w -> w.writeDecimal(9_999_999_999L, 2)))
        .isEqualTo(numeric(3, 1, 0, 2, 9999, 9999, 9900));
    assertThat(binary("numeric", w -> w.writeDecimal(1, 18))).isEqualTo(numeric(1, -5, 0, 18, 100));
    assertThat(binary("numeric", w -> w.writeDecimal(1_000_000, 2))).isEqualTo(numeric(1, 1, 0, 2, 1));
    // 123000000.456: zero groups inside the number stay
    assertThat(binary("numeric", w -> w.writeDecimal(123_000_000_456L, 3)))
        .isEqualTo(numeric(4, 2, 0, 3, 1, 2300, 0, 4560));
  }

  @Test
  void numericHandlesTheWholeLongRange() {
    // 9 223 372 036 854 775 807 in groups of four from the point
    assertThat(binary("numeric", w -> w.writeLong(Long.MAX_VALUE)))
        .isEqualTo(numeric(5, 4, 0, 0, 922, 3372, 368, 5477, 5807));
    assertThat(binary("numeric", w -> w.writeLong(Long.MIN_VALUE)))
        .isEqualTo(numeric(5, 4, 0x4000, 0, 922, 3372, 368, 5477, 5808));
    assertThat(binary("numeric", w -> w.writeDecimal(Long.MIN_VALUE, 3)))
        .isEqualTo(numericReference(Long.MIN_VALUE, 3));
  }

  @Test
  void numericMatchesAnIndependentEncodingForManyValues() {
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      int scale = random.nextInt(i % 10 == 0 ? 40 : 8);
      assertThat(binary("numeric", w -> w.writeDecimal(unscaled, scale)))
          .as("%d scale %d", unscaled, scale).isEqualTo(numericReference(unscaled, scale));
    }
  }

  @Test
  void decimalScalesOutsideTheSupportedRangeAreRejected() {
    assertThatThrownBy(() -> binary("numeric", w -> w.writeDecimal(1, -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale -1");
    assertThatThrownBy(() -> text("text", w -> w.writeDecimal(1, 1001)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- binary: time, uuid, text, json ------------------------------------------------

  @Test
  void timestampsAreMicrosecondsSince2000() {
    for (String type : List.of("timestamp without time zone", "timestamp with time zone", "timestamp(3) with time zone")) {
      assertThat(binary(type, w -> w.writeTimestampMicros(micros("2000-01-01T00:00:00Z"))))
          .isEqualTo("00000008" + "0000000000000000");
      assertThat(binary(type, w -> w.writeTimestampMicros(micros("2000-01-01T00:00:00.000001Z"))))
          .isEqualTo("00000008" + "0000000000000001");
      assertThat(binary(type, w -> w.writeTimestampMicros(micros("1999-12-31T23:59:59.999999Z"))))
          .isEqualTo("00000008" + "ffffffffffffffff");
    }
    for (String instant : List.of("2030-06-15T08:30:00.123456Z", "1969-07-20T20:17:40Z", "1900-01-01T00:00:00Z")) {
      long expected = ChronoUnit.MICROS.between(PG_EPOCH, Instant.parse(instant));
      assertThat(binary("timestamp with time zone", w -> w.writeTimestampMicros(micros(instant))))
          .isEqualTo("00000008" + String.format("%016x", expected));
    }
  }

  @Test
  void timestampsBeforePostgresqlsRangeAreRejected() {
    assertThatThrownBy(() -> binary("timestamp with time zone", w -> w.writeTimestampMicros(Long.MIN_VALUE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4714");
    assertThatThrownBy(() -> text("date", w -> w.writeTimestampMicros(Long.MIN_VALUE)))
        .isInstanceOf(IllegalArgumentException.class);
    long earliest = ColumnWriter.MIN_TIMESTAMP_EPOCH_MICROS;
    assertThat(text("timestamp with time zone", w -> w.writeTimestampMicros(earliest)))
        .isEqualTo("4714-11-24 00:00:00+00 BC");
  }

  @Test
  void datesAreDaysSince2000OfTheUtcDay() {
    assertThat(binary("date", w -> w.writeTimestampMicros(micros("2000-01-01T23:59:59Z")))).isEqualTo("00000004" + "00000000");
    assertThat(binary("date", w -> w.writeTimestampMicros(micros("1999-12-31T23:59:59Z")))).isEqualTo("00000004" + "ffffffff");
    // floor, not truncation, before 1970: the last hour of 1969-12-31 is still that day
    assertThat(binary("date", w -> w.writeTimestampMicros(micros("1969-12-31T23:00:00Z"))))
        .isEqualTo("00000004" + String.format("%08x", -10_958));
    assertThat(binary("date", w -> w.writeTimestampMicros(micros("2030-01-02T00:00:00Z"))))
        .isEqualTo("00000004" + String.format("%08x", 10_959));
  }

  @Test
  void uuidIsSixteenBytesMostSignificantFirst() {
    assertThat(binary("uuid", w -> w.writeUuid(0x0123456789abcdefL, 0xfedcba9876543210L)))
        .isEqualTo("00000010" + "0123456789abcdef" + "fedcba9876543210");
  }

  @Test
  void textAndJsonAreRawUtf8AndJsonbHasAVersionByte() {
    byte[] value = utf8("xé\t{");
    assertThat(binary("text", w -> w.writeText(value, 1, 3))).isEqualTo("00000003" + "c3a909");
    assertThat(binary("character varying(40)", w -> w.writeText(value, 0, 0))).isEqualTo("00000000");
    byte[] json = utf8("[{\"a\":1}]");
    assertThat(binary("json", w -> w.writeJson(json, 0, json.length))).isEqualTo("00000009" + HEX.formatHex(json));
    assertThat(binary("jsonb", w -> w.writeJson(json, 0, json.length))).isEqualTo("0000000a" + "01" + HEX.formatHex(json));
    assertThat(binary("text", w -> w.writeJson(json, 1, 7))).isEqualTo("00000007" + HEX.formatHex(utf8("{\"a\":1}")));
  }

  @Test
  void otherKindsIntoTextColumnsAreRenderedWithTheirLength() {
    assertThat(binaryText("text", w -> w.writeLong(-123))).isEqualTo("-123");
    assertThat(binaryText("text", w -> w.writeLong(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    assertThat(binaryText("character(84)", w -> w.writeDecimal(12345, 2))).isEqualTo("123.45");
    assertThat(binaryText("character varying", w -> w.writeBoolean(true))).isEqualTo("true");
    assertThat(binaryText("text", w -> w.writeBoolean(false))).isEqualTo("false");
    assertThat(binaryText("text", w -> w.writeTimestampMicros(micros("2025-03-01T12:00:00Z"))))
        .isEqualTo("2025-03-01 12:00:00+00");
    assertThat(binaryText("text", w -> w.writeUuid(0x0123456789abcdefL, 0xfedcba9876543210L)))
        .isEqualTo("01234567-89ab-cdef-fedc-ba9876543210");
  }

  @Test
  void nullIsLengthMinusOneOrBackslashN() {
    for (String type : List.of("integer", "numeric", "text", "jsonb", "uuid", "date", "boolean")) {
      assertThat(binary(type, FieldWriter::writeNull)).isEqualTo("ffffffff");
    }
    for (String type : List.of("integer", "numeric", "text", "jsonb", "uuid", "date", "boolean", "inet")) {
      assertThat(text(type, FieldWriter::writeNull)).isEqualTo("\\N");
    }
  }

  // ---- text format -------------------------------------------------------------------

  @Test
  void textAndJsonAreEscapedForCopyText() {
    byte[] value = utf8("a\tb\nc\\d\re ü");
    assertThat(text("text", w -> w.writeText(value, 0, value.length))).isEqualTo("a\\tb\\nc\\\\d\\re ü");
    byte[] json = utf8("{\"k\": \"line\\nnext\"}\n");
    assertThat(text("jsonb", w -> w.writeJson(json, 0, json.length))).isEqualTo("{\"k\": \"line\\\\nnext\"}\\n");
    assertThat(text("my_enum", w -> w.writeText(value, 0, 1))).isEqualTo("a");
    byte[] plain = utf8("nothing to escape");
    assertThat(text("text", w -> w.writeText(plain, 8, 9))).isEqualTo("to escape");
  }

  @Test
  void numbersAreRenderedAsPlainDigits() {
    assertThat(text("bigint", w -> w.writeLong(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
    assertThat(text("bigint", w -> w.writeLong(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
    assertThat(text("integer", w -> w.writeLong(0))).isEqualTo("0");
    assertThat(text("numeric(12,2)", w -> w.writeDecimal(12345, 2))).isEqualTo("123.45");
    assertThat(text("numeric", w -> w.writeDecimal(-5, 1))).isEqualTo("-0.5");
    assertThat(text("numeric", w -> w.writeDecimal(0, 2))).isEqualTo("0.00");
    assertThat(text("numeric", w -> w.writeDecimal(5, 3))).isEqualTo("0.005");
    assertThat(text("numeric", w -> w.writeDecimal(1, 18))).isEqualTo("0.000000000000000001");
    assertThat(text("numeric", w -> w.writeDecimal(7, 0))).isEqualTo("7");
    assertThat(text("real", w -> w.writeDecimal(Long.MIN_VALUE, 3))).isEqualTo("-9223372036854775.808");
    assertThat(text("double precision", w -> w.writeLong(-42))).isEqualTo("-42");
    Random random = new Random(3);
    for (int i = 0; i < 2000; i++) {
      long unscaled = random.nextLong() >> random.nextInt(64);
      int scale = random.nextInt(25);
      assertThat(text("numeric", w -> w.writeDecimal(unscaled, scale)))
          .isEqualTo(BigDecimal.valueOf(unscaled, scale).toPlainString());
      assertThat(text("bigint", w -> w.writeLong(unscaled))).isEqualTo(Long.toString(unscaled));
    }
  }

  @Test
  void booleansAreTOrFForBooleanColumnsAndWordsElsewhere() {
    assertThat(text("boolean", w -> w.writeBoolean(true))).isEqualTo("t");
    assertThat(text("boolean", w -> w.writeBoolean(false))).isEqualTo("f");
    assertThat(text("text", w -> w.writeBoolean(true))).isEqualTo("true");
    assertThat(text("my_flag_domain", w -> w.writeBoolean(false))).isEqualTo("false");
  }

  @Test
  void timestampsAreIsoInUtcWithTheFractionOnlyWhenNeeded() {
    assertThat(text("timestamp with time zone", w -> w.writeTimestampMicros(micros("2025-03-01T12:00:00Z"))))
        .isEqualTo("2025-03-01 12:00:00+00");
    assertThat(text("timestamp without time zone", w -> w.writeTimestampMicros(micros("2025-03-01T12:00:00.5Z"))))
        .isEqualTo("2025-03-01 12:00:00.5+00");
    assertThat(text("timestamp(3) with time zone", w -> w.writeTimestampMicros(micros("1969-12-31T23:59:59.000001Z"))))
        .isEqualTo("1969-12-31 23:59:59.000001+00");
    assertThat(text("text", w -> w.writeTimestampMicros(micros("2030-12-31T23:59:59.123456Z"))))
        .isEqualTo("2030-12-31 23:59:59.123456+00");
    long julius = LocalDateTime.of(-43, 3, 15, 12, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000;
    assertThat(text("timestamp with time zone", w -> w.writeTimestampMicros(julius))).isEqualTo("0044-03-15 12:00:00+00 BC");
    long farFuture = LocalDateTime.of(12345, 6, 7, 8, 9, 10).toEpochSecond(ZoneOffset.UTC) * 1_000_000;
    assertThat(text("timestamp with time zone", w -> w.writeTimestampMicros(farFuture))).isEqualTo("12345-06-07 08:09:10+00");
  }

  @Test
  void timestampsMatchJavaTimeAcrossCenturies() {
    Random random = new Random(11);
    long span = micros("2400-01-01T00:00:00Z") - micros("1600-01-01T00:00:00Z");
    for (int i = 0; i < 3000; i++) {
      long m = micros("1600-01-01T00:00:00Z") + Math.floorMod(random.nextLong(), span);
      if (i % 2 == 0) {
        m -= m % 1_000_000; // whole seconds too
      }
      LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(m, 1_000_000L),
          (int) Math.floorMod(m, 1_000_000L) * 1000, ZoneOffset.UTC);
      String fraction = t.getNano() == 0 ? "" : ("." + String.format("%06d", t.getNano() / 1000)).replaceAll("0+$", "");
      String date = String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
      String expected = date + String.format(" %02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()) + fraction + "+00";
      long value = m;
      assertThat(text("timestamp with time zone", w -> w.writeTimestampMicros(value))).isEqualTo(expected);
      assertThat(text("date", w -> w.writeTimestampMicros(value))).isEqualTo(date);
    }
  }

  @Test
  void datesAreTheUtcDayOnly() {
    assertThat(text("date", w -> w.writeTimestampMicros(micros("2025-03-01T23:59:59Z")))).isEqualTo("2025-03-01");
    assertThat(text("date", w -> w.writeTimestampMicros(micros("1969-12-31T23:00:00Z")))).isEqualTo("1969-12-31");
    assertThat(text("date", w -> w.writeTimestampMicros(micros("0001-01-01T00:00:00Z") - 1))).isEqualTo("0001-12-31 BC");
  }

  @Test
  void uuidsAreCanonicalLowercase() {
    Random random = new Random(5);
    for (int i = 0; i < 200; i++) {
      long msb = random.nextLong();
      long lsb = random.nextLong();
      assertThat(text("uuid", w -> w.writeUuid(msb, lsb))).isEqualTo(new UUID(msb, lsb).toString());
    }
  }

  // ---- the compatibility table -------------------------------------------------------

  @Test
  void binaryIsSupportedForTheKnownTypesWhateverTheirModifiers() {
    assertThat(List.of("integer", "bigint", "smallint", "numeric(12,2)", "numeric", "real", "double precision",
        "text", "character varying(40)", "character varying", "character(84)", "boolean",
        "timestamp without time zone", "timestamp with time zone", "timestamp(3) with time zone",
        "timestamp(6) without time zone", "date", "uuid", "json", "jsonb", " Numeric( 10 , 3 ) "))
        .allMatch(ColumnCodecs::binarySupported);
    assertThat(List.of("inet", "interval", "my_enum", "text[]", "character varying(40)[]", "citext", "\"char\"",
        "public.mood", "time without time zone", "time(3) with time zone", "bytea", "money", "bit(3)"))
        .noneMatch(ColumnCodecs::binarySupported);
  }

  @Test
  void acceptsFollowsTheCompatibilityTable() {
    assertThat(ColumnCodecs.acceptedKinds("smallint")).containsExactly(ValueKind.INTEGER);
    assertThat(ColumnCodecs.acceptedKinds("integer")).containsExactly(ValueKind.INTEGER);
    assertThat(ColumnCodecs.acceptedKinds("bigint")).containsExactly(ValueKind.INTEGER);
    for (String type : List.of("numeric(12,2)", "numeric", "real", "double precision")) {
      assertThat(ColumnCodecs.acceptedKinds(type)).as(type).containsExactly(ValueKind.INTEGER, ValueKind.DECIMAL);
    }
    for (String type : List.of("text", "character varying(40)", "character(84)", "inet", "my_enum", "text[]")) {
      assertThat(ColumnCodecs.acceptedKinds(type)).as(type).isEqualTo(EnumSet.allOf(ValueKind.class));
    }
    assertThat(ColumnCodecs.acceptedKinds("boolean")).containsExactly(ValueKind.BOOLEAN);
    for (String type : List.of("timestamp without time zone", "timestamp(3) with time zone", "date")) {
      assertThat(ColumnCodecs.acceptedKinds(type)).as(type).containsExactly(ValueKind.TIMESTAMP);
    }
    assertThat(ColumnCodecs.acceptedKinds("uuid")).containsExactly(ValueKind.UUID);
    assertThat(ColumnCodecs.acceptedKinds("json")).containsExactly(ValueKind.JSON);
    assertThat(ColumnCodecs.acceptedKinds("jsonb")).containsExactly(ValueKind.JSON);
    assertThat(ColumnCodecs.accepts("integer", ValueKind.DECIMAL)).isFalse();
    assertThat(ColumnCodecs.accepts("date", ValueKind.TIMESTAMP)).isTrue();
    assertThat(ColumnCodecs.accepts("jsonb", ValueKind.TEXT)).isFalse();
    assertThat(ColumnCodecs.kindsAccepted("numeric(12,2)")).isEqualTo("INTEGER, DECIMAL");
  }

  @Test
  void everyWriterAcceptsExactlyTheKindsTheTableSays() {
    List<String> types = List.of("smallint", "integer", "bigint", "numeric", "real", "double precision", "text",
        "character(5)", "boolean", "timestamp with time zone", "timestamp without time zone", "date", "uuid",
        "json", "jsonb", "inet");
    byte[] word = utf8("{}");
    for (CopyFormat format : CopyFormat.values()) {
      for (String type : types) {
        if (format == CopyFormat.BINARY && !ColumnCodecs.binarySupported(type)) {
          continue;
        }
        for (ValueKind kind : ValueKind.values()) {
          Consumer<FieldWriter> write = switch (kind) {
            case INTEGER -> w -> w.writeLong(1);
            case DECIMAL -> w -> w.writeDecimal(15, 1);
            case BOOLEAN -> w -> w.writeBoolean(true);
            case TEXT -> w -> w.writeText(word, 0, 2);
            case TIMESTAMP -> w -> w.writeTimestampMicros(0);
            case UUID -> w -> w.writeUuid(1, 2);
            case JSON -> w -> w.writeJson(word, 0, 2);
          };
          if (ColumnCodecs.accepts(type, kind)) {
            assertThat(encode(type, format, write)).as("%s %s %s", format, type, kind).isNotEmpty();
          } else {
            assertThatThrownBy(() -> encode(type, format, write)).as("%s %s %s", format, type, kind)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(type).hasMessageContaining(kind.name());
          }
        }
      }
    }
  }

  @Test
  void aTypeWithoutABinaryEncoderHasNoBinaryWriter() {
    assertThatThrownBy(() -> ColumnCodecs.writer("inet", CopyFormat.BINARY, new CopyBuffer()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inet").hasMessageContaining("TEXT");
  }

  @Test
  void wrongKindNamesTheColumnTypeAndWhatItAccepts() {
    assertThatThrownBy(() -> binary("integer", w -> w.writeText(utf8("x"), 0, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a column of type integer does not accept TEXT values; it accepts INTEGER");
  }
}
