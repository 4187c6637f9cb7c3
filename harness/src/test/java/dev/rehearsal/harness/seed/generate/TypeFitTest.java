package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.seed.copy.ColumnCodecs;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** A generator whose values cannot go into the column is refused before a row is loaded. */
class TypeFitTest {

  private static final long SEED = 11;

  private static ColumnGenerator build(String type, Gen.Spec spec) {
    return build(1_000, type, spec);
  }

  private static ColumnGenerator build(long rows, String type, Gen.Spec spec) {
    return Gen.single(SEED, rows, col("c", type), spec);
  }

  private static AbstractThrowableAssert<?, ?> rejected(String type, Gen.Spec spec) {
    return rejected(1_000, type, spec);
  }

  private static AbstractThrowableAssert<?, ?> rejected(long rows, String type, Gen.Spec spec) {
    return assertThatThrownBy(() -> build(rows, type, spec)).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("dataset table t, column c (" + type + "): ").hasMessageContaining("\n  fix: ");
  }

  // ---- kinds -------------------------------------------------------------------------------

  @Test
  void textIntoAnIntegerColumnIsRejected() {
    rejected("integer", spec("text").length(5)).hasMessageContaining("text values, which do not fit integer");
    rejected("bigint", spec("name").pool(10)).hasMessageContaining("do not fit bigint");
  }

  @Test
  void theFactoryAcceptsExactlyTheKindsColumnCodecsAccepts() {
    // one generator per value kind, each of them well within every type's limits
    Map<ValueKind, Gen.Spec> byKind = new LinkedHashMap<>();
    byKind.put(ValueKind.INTEGER, spec("uniform").range(0, 9));
    byKind.put(ValueKind.DECIMAL, spec("uniform").range(0, 9).scale(1));
    byKind.put(ValueKind.BOOLEAN, spec("boolean"));
    byKind.put(ValueKind.TEXT, spec("text").length(3));
    byKind.put(ValueKind.TIMESTAMP, spec("timestamp"));
    byKind.put(ValueKind.UUID, spec("uuid"));
    byKind.put(ValueKind.JSON, spec("json").template(Map.of("a", 1)));
    List<String> types = List.of("smallint", "integer", "bigint", "numeric(12,2)", "numeric", "real",
        "double precision", "text", "character varying", "boolean", "timestamp without time zone",
        "timestamp with time zone", "timestamp(3) with time zone", "date", "uuid", "json", "jsonb", "inet",
        "interval", "text[]", "public.mood");
    for (String type : types) {
      for (var e : byKind.entrySet()) {
        boolean accepts = ColumnCodecs.accepts(type, e.getKey());
        String what = e.getKey() + " into " + type;
        if (accepts) {
          assertThatCode(() -> build(type, e.getValue())).as(what).doesNotThrowAnyException();
          assertThat(build(type, e.getValue()).kind()).as(what).isEqualTo(e.getKey());
        } else {
          assertThatThrownBy(() -> build(type, e.getValue())).as(what).isInstanceOf(BadInputException.class)
              .hasMessageContaining("values, which do not fit " + type);
        }
      }
    }
    // the semantics this relies on: text takes every kind, other types only their own
    assertThat(ColumnCodecs.acceptedKinds("text")).containsExactlyInAnyOrder(ValueKind.values());
    assertThat(ColumnCodecs.acceptedKinds("inet")).containsExactlyInAnyOrder(ValueKind.values());
    assertThat(ColumnCodecs.acceptedKinds("integer")).containsExactly(ValueKind.INTEGER);
    assertThat(ColumnCodecs.acceptedKinds("numeric(12,2)")).containsExactlyInAnyOrder(ValueKind.INTEGER, ValueKind.DECIMAL);
  }

  @Test
  void jsonIntoATextColumnIsWrittenAsJson() {
    ColumnGenerator g = build("text", spec("json").template(Map.of("k", "v")));
    assertThat(Gen.values(g, 1, 3)).allSatisfy(v -> {
      assertThat(v.kind()).isEqualTo(CapturingWriter.Kind.JSON);
      assertThat(v.asText()).isEqualTo("{\"k\":\"v\"}");
    });
  }

  // ---- integer ranges ----------------------------------------------------------------------

  @Test
  void integersOutsideTheColumnTypesRangeAreRejected() {
    rejected("smallint", spec("uniform").range(0, 100_000))
        .hasMessageContaining("values from 0 to 100000 do not fit smallint (-32768 to 32767)");
    rejected("smallint", spec("uniform").range(-32_769, 0)).hasMessageContaining("do not fit smallint");
    rejected("integer", spec("uniform").range(0, 2_147_483_648L)).hasMessageContaining("do not fit integer");
    rejected("integer", spec("zipfian").range(-2_147_483_649L, -2_147_483_000L)).hasMessageContaining("do not fit integer");
    rejected("smallint", spec("choice").values("1", "40000")).hasMessageContaining("do not fit smallint");
    assertThat(build("smallint", spec("uniform").range(-32_768, 32_767)).maxLong()).isEqualTo(32_767);
    assertThat(build("integer", spec("uniform").range(Integer.MIN_VALUE, Integer.MAX_VALUE)).minLong())
        .isEqualTo(Integer.MIN_VALUE);
  }

  @Test
  void aSequenceMustFitForEveryRowOfTheTable() {
    assertThat(build(32_767, "smallint", spec("sequence")).maxLong()).isEqualTo(32_767);
    rejected(32_768, "smallint", spec("sequence")).hasMessageContaining("values from 1 to 32768 do not fit smallint");
    // repeated values count: 3,276,700 rows at 100 rows per value end at 32,767
    assertThat(build(3_276_700, "smallint", spec("sequence").rowsPerValue(100)).maxLong()).isEqualTo(32_767);
    rejected(3_276_701, "smallint", spec("sequence").rowsPerValue(100)).hasMessageContaining("32768");
  }

  @Test
  void numericPrecisionLimitsTheIntegerDigits() {
    // numeric(5,2) holds up to 999.99
    assertThat(build("numeric(5,2)", spec("uniform").range(0, 999).scale(2)).maxLong()).isEqualTo(99_900);
    rejected("numeric(5,2)", spec("uniform").range(0, 1000).scale(2))
        .hasMessageContaining("values up to 1000 need more than the 3 integer digits of numeric(5,2)");
    rejected("numeric(5,2)", spec("uniform").range(-1000, 0)).hasMessageContaining("integer digits");
    assertThatCode(() -> build("numeric(5,2)", spec("uniform").range(-999, 999))).doesNotThrowAnyException();
    // an unconstrained numeric takes anything
    assertThatCode(() -> build("numeric", spec("uniform").range(0, 1_000_000_000_000L).scale(3)))
        .doesNotThrowAnyException();
  }

  @Test
  void decimalChoicesThatFitANumericColumnAreAccepted() {
    ColumnGenerator g = build("numeric(4,2)", spec("choice").values("19.99", "5.00"));
    assertThat(Gen.values(g, 1, 200)).extracting(CapturingWriter.Value::value)
        .containsOnly(new BigDecimal("19.99"), new BigDecimal("5.00"));
    assertThatCode(() -> build("numeric(3,1)", spec("constant").value("12.5"))).doesNotThrowAnyException();
  }

  @Test
  void decimalChoicesBeyondTheNumericPrecisionAreRejected() {
    rejected("numeric(4,2)", spec("choice").values("123.45")).hasMessageContaining("integer digits");
  }

  @Test
  void uniformOverAHugeRangeStaysInsideIt() {
    long min = -5_000_000_000_000_000_000L;
    long max = 5_000_000_000_000_000_000L;
    long[] values = Gen.longs(build("bigint", spec("uniform").range(min, max)), 10_000);
    assertThat(Arrays.stream(values).min().orElseThrow()).isGreaterThanOrEqualTo(min);
    assertThat(Arrays.stream(values).max().orElseThrow()).isLessThanOrEqualTo(max);
  }

  @Test
  void uniformOverTheWholeLongRangeIsAllowed() {
    long[] values = Gen.longs(build("bigint", spec("uniform").range(Long.MIN_VALUE, Long.MAX_VALUE)), 10_000);
    assertThat(Arrays.stream(values).filter(v -> v < 0).count()).isBetween(4_500L, 5_500L);
  }

  @Test
  void aDecimalRangeTooLargeForItsScaleIsBadInput() {
    rejected("numeric", spec("uniform").range(0, 100_000_000_000_000_000L).scale(2));
    rejected("numeric", spec("zipfian").range(0, 10).scale(18));
  }

  // ---- text lengths ------------------------------------------------------------------------

  @Test
  void textLongerThanTheColumnIsRejected() {
    rejected("character varying(20)", spec("text").length(50))
        .hasMessageContaining("values up to 50 characters do not fit character varying(20)");
    rejected("character varying(20)", spec("text").lengths(5, 21)).hasMessageContaining("21 characters");
    rejected("character(2)", spec("text").length(3)).hasMessageContaining("do not fit character(2)");
    rejected("character varying(5)", spec("choice").values("short", "longer")).hasMessageContaining("6 characters");
    assertThat(build("character varying(20)", spec("text").lengths(5, 20)).maxTextLength()).isEqualTo(20);
    assertThatCode(() -> build("text", spec("text").length(10_000))).doesNotThrowAnyException();
  }

  @Test
  void textLimitsCountCharactersNotBytes() {
    // 7 characters, 11 UTF-8 bytes
    ColumnGenerator g = build("character varying(7)", spec("choice").values("ünïcødé", "plain"));
    assertThat(g.maxTextLength()).isEqualTo(7);
    assertThat(Gen.texts(g, 100)).contains("ünïcødé", "plain");
    rejected("character varying(6)", spec("constant").value("ünïcødé")).hasMessageContaining("7 characters");
  }

  @Test
  void anEmailMustFitItsColumn() {
    ColumnGenerator g = build(1_000_000, "character varying(200)", spec("email").pool(100));
    int longest = Gen.texts(g, 20_000).stream().mapToInt(String::length).max().orElseThrow();
    assertThat(g.maxTextLength()).isGreaterThanOrEqualTo(longest);
    rejected(1_000_000, "character varying(10)", spec("email").pool(100)).hasMessageContaining("characters do not fit");
  }

  @Test
  void aUuidIntoAShortVarcharIsRejected() {
    rejected("character varying(10)", spec("uuid")).hasMessageContaining("do not fit character varying(10)");
  }

  // ---- literals, NULLs, unknown generators -------------------------------------------------

  @Test
  void literalsAreParsedAsTheColumnsType() {
    rejected("integer", spec("constant").value("abc")).hasMessageContaining("'abc' is not a whole number");
    rejected("integer", spec("constant").value("12.5")).hasMessageContaining("is not a whole number");
    rejected("boolean", spec("choice").values("yes", "maybe")).hasMessageContaining("'maybe' is not true or false");
    rejected("date", spec("constant").value("31/01/2025")).hasMessageContaining("is not a date or timestamp");
    rejected("uuid", spec("constant").value("not-a-uuid")).hasMessageContaining("not-a-uuid");

    assertThat(Gen.values(build("integer", spec("constant").value(" 42 ")), 1, 1))
        .containsExactly(new CapturingWriter.Value(CapturingWriter.Kind.LONG, 42L));
    assertThat(Gen.values(build("numeric(6,2)", spec("constant").value("12.50")), 1, 1))
        .containsExactly(new CapturingWriter.Value(CapturingWriter.Kind.DECIMAL, new BigDecimal("12.50")));
    assertThat(Gen.values(build("boolean", spec("choice").values("yes")), 1, 1))
        .containsExactly(new CapturingWriter.Value(CapturingWriter.Kind.BOOLEAN, true));
    assertThat(Gen.values(build("date", spec("constant").value("2025-01-31")), 1, 1))
        .containsExactly(new CapturingWriter.Value(CapturingWriter.Kind.TIMESTAMP, 1_738_281_600_000_000L));
    assertThat(Gen.values(build("timestamp with time zone", spec("constant").value("2025-01-31T10:00:00+02:00")), 1, 1))
        .containsExactly(new CapturingWriter.Value(CapturingWriter.Kind.TIMESTAMP, 1_738_310_400_000_000L));
    assertThat(Gen.values(build("uuid", spec("constant").value("123e4567-e89b-12d3-a456-426614174000")), 1, 1))
        .containsExactly(new CapturingWriter.Value(CapturingWriter.Kind.UUID,
            java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000")));
    // a literal into a text column is the text, spaces kept
    assertThat(Gen.texts(build("text", spec("constant").value(" 0 ")), 1)).containsExactly(" 0 ");
    // into an unknown type it is text for the server to parse
    assertThat(Gen.texts(build("inet", spec("constant").value("10.0.0.1")), 1)).containsExactly("10.0.0.1");
  }

  @Test
  void aBadUuidLiteralSaysWhatWasExpected() {
    rejected("uuid", spec("constant").value("not-a-uuid")).hasMessageContaining("'not-a-uuid' is not a UUID");
  }

  @Test
  void nullFractionOnANotNullColumnIsRejected() {
    rejected("integer", spec("uniform").range(1, 10).nullFraction(0.1))
        .hasMessageContaining("nullFraction 0.1 on a NOT NULL column");
    rejected("text", spec("constant").nullFraction(1)).hasMessageContaining("NOT NULL");
  }

  @Test
  void unknownGeneratorsAndFakerExpressionsAreBadInput() {
    rejected("text", spec("bogus")).hasMessageContaining("unknown generator 'bogus'");
    rejected("text", spec("faker").expression("#{NoSuchProvider.nothing}").pool(5))
        .hasMessageContaining("NoSuchProvider");
  }
}
