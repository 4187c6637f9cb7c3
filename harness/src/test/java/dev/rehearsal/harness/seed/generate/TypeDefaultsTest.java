package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Columns the dataset does not list get a generator from their type and constraints. */
class TypeDefaultsTest {

  private static final long SEED = 3;
  private static final int ROWS = 20_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ColumnGenerator byDefault(Gen.Col column) {
    return Gen.single(SEED, ROWS, column);
  }

  private static ColumnGenerator byDefault(String type) {
    return byDefault(col("c", type));
  }

  @Test
  void integerKeysCountUpFromOne() {
    for (Gen.Col key : List.of(col("id", "bigint").pk(), col("id", "integer").sequenceDefault(),
        col("id", "smallint").unique(), col("id", "bigint").pk().sequenceDefault())) {
      ColumnGenerator g = Gen.single(SEED, 5_000, key);
      assertThat(g.unique()).isTrue();
      assertThat(Gen.longs(g, 5_000)).isEqualTo(LongStream.rangeClosed(1, 5_000).toArray());
    }
  }

  @Test
  void otherIntegersAreUniformInAPlausibleRange() {
    ColumnGenerator g = byDefault("integer");
    assertThat(g.kind()).isEqualTo(ValueKind.INTEGER);
    assertThat(g.minLong()).isZero();
    assertThat(g.maxLong()).isEqualTo(1_000_000);
    long[] v = Gen.longs(g, ROWS);
    assertThat(Arrays.stream(v).allMatch(x -> x >= 0 && x <= 1_000_000)).isTrue();
    assertThat(Arrays.stream(v).distinct().count()).isGreaterThan(ROWS * 9L / 10);
    assertThat(Arrays.stream(v).average().orElseThrow()).isCloseTo(500_000, within(10_000.0));

    long[] small = Gen.longs(byDefault("smallint"), ROWS);
    assertThat(Arrays.stream(small).allMatch(x -> x >= 0 && x <= 1_000)).isTrue();
    assertThat(Arrays.stream(small).distinct().count()).isEqualTo(1_001);
  }

  @Test
  void numericGetsDecimalsWithItsScaleThatFit() {
    ColumnGenerator g = byDefault("numeric(10,2)");
    assertThat(g.kind()).isEqualTo(ValueKind.DECIMAL);
    assertThat(g.scale()).isEqualTo(2);
    List<BigDecimal> values = Gen.values(g, 1, ROWS).stream().map(CapturingWriter.Value::asDecimal).toList();
    assertThat(values).allMatch(d -> d.scale() == 2 && d.signum() >= 0 && d.compareTo(new BigDecimal("10000.00")) <= 0);
    assertThat(new HashSet<>(values).size()).isGreaterThan(ROWS * 9 / 10);

    // a small precision lowers the maximum: numeric(4,2) holds up to 99.99
    List<BigDecimal> small = Gen.values(byDefault("numeric(4,2)"), 1, ROWS).stream()
        .map(CapturingWriter.Value::asDecimal).toList();
    assertThat(small).allMatch(d -> d.scale() == 2 && d.compareTo(new BigDecimal("99.99")) <= 0);
    // numeric(6,3): three decimal places
    assertThat(Gen.values(byDefault("numeric(6,3)"), 1, 100))
        .allMatch(v -> v.asDecimal().scale() == 3 && v.asDecimal().compareTo(new BigDecimal("999.999")) <= 0);
    // unconstrained numeric, real and double precision: two places
    for (String type : List.of("numeric", "real", "double precision")) {
      ColumnGenerator d = byDefault(type);
      assertThat(d.kind()).as(type).isEqualTo(ValueKind.DECIMAL);
      assertThat(d.scale()).as(type).isEqualTo(2);
    }
  }

  @Test
  void numericNineteenGetsVariedValues() {
    for (String type : List.of("numeric(19,0)", "numeric(20,0)", "numeric(30,2)")) {
      long distinct = Gen.values(byDefault(type), 1, 1_000).stream()
          .map(v -> new BigDecimal(v.value().toString())).distinct().count(); // scale 0: INTEGER kind
      assertThat(distinct).as(type).isGreaterThan(500);
    }
  }

  @Test
  void numericWithALargeScaleGetsADefaultThatFits() {
    for (String type : List.of("numeric(25,20)", "numeric(18,16)")) {
      ColumnGenerator g = byDefault(type);
      assertThat(Gen.values(g, 1, 100)).as(type).allMatch(v -> v.kind() == CapturingWriter.Kind.DECIMAL);
    }
  }

  @Test
  void textTypesGetWordsThatFit() {
    record Case(String type, int min, int max) {}
    for (Case c : List.of(new Case("character varying(8)", 5, 8), new Case("character varying(3)", 3, 3),
        new Case("character varying", 5, 20), new Case("text", 5, 20), new Case("character varying(100)", 5, 20),
        new Case("character(4)", 4, 4), new Case("character", 1, 1))) {
      ColumnGenerator g = byDefault(c.type());
      assertThat(g.kind()).as(c.type()).isEqualTo(ValueKind.TEXT);
      assertThat(g.maxTextLength()).as(c.type()).isEqualTo(c.max());
      int shortest = Integer.MAX_VALUE;
      int longest = 0;
      for (String s : Gen.texts(g, 5_000)) {
        shortest = Math.min(shortest, s.length());
        longest = Math.max(longest, s.length());
        if (!s.matches("[a-z]([a-z ]*[a-z])?")) {
          throw new AssertionError(c.type() + ": not lowercase words: '" + s + "'");
        }
      }
      assertThat(shortest).as(c.type()).isEqualTo(c.min());
      assertThat(longest).as(c.type()).isEqualTo(c.max());
    }
  }

  @Test
  void uniqueTextColumnsGetUniqueText() {
    ColumnGenerator g = byDefault(col("c", "character varying(8)").unique());
    assertThat(g.unique()).isTrue();
    assertThat(new HashSet<>(Gen.texts(g, ROWS))).hasSize(ROWS);
  }

  @Test
  void booleansTimestampsAndUuids() {
    long trues = Gen.values(byDefault("boolean"), 1, ROWS).stream().filter(v -> (Boolean) v.value()).count();
    assertThat(trues / (double) ROWS).isCloseTo(0.5, within(0.02));

    long to = GeneratorFactory.ANCHOR.getEpochSecond() * 1_000_000L;
    long from = to - 365 * 86_400_000_000L;
    for (String type : List.of("timestamp with time zone", "timestamp without time zone", "date",
        "timestamp(3) with time zone")) {
      ColumnGenerator g = byDefault(type);
      assertThat(g.kind()).as(type).isEqualTo(ValueKind.TIMESTAMP);
      long[] t = Gen.longs(g, ROWS);
      assertThat(Arrays.stream(t).allMatch(x -> x >= from && x <= to)).as(type + " within the year before 2026").isTrue();
    }

    ColumnGenerator uuid = byDefault("uuid");
    Set<UUID> uuids = new HashSet<>();
    for (CapturingWriter.Value v : Gen.values(uuid, 1, ROWS)) {
      UUID u = (UUID) v.value();
      assertThat(u.version()).isEqualTo(4);
      uuids.add(u);
    }
    assertThat(uuids).hasSize(ROWS);
  }

  @Test
  void jsonColumnsGetASmallValidDocument() throws Exception {
    for (String type : List.of("jsonb", "json")) {
      ColumnGenerator g = byDefault(type);
      assertThat(g.kind()).isEqualTo(ValueKind.JSON);
      Set<String> tags = new HashSet<>();
      for (CapturingWriter.Value v : Gen.values(g, 1, 2_000)) {
        assertThat(v.kind()).isEqualTo(CapturingWriter.Kind.JSON);
        JsonNode doc = JSON.readTree(v.asText());
        assertThat(doc.isObject()).isTrue();
        assertThat(doc.properties()).hasSize(2);
        assertThat(doc.get("n").isIntegralNumber()).isTrue();
        assertThat(doc.get("n").asLong()).isBetween(0L, 1000L);
        tags.add(doc.get("tag").textValue());
      }
      assertThat(tags).containsExactlyInAnyOrder("red", "green", "blue");
    }
  }

  @Test
  void unknownTypesAreNullWhenNullable() {
    GeneratorFactory f = Gen.factory(SEED, table("t", 100)
        .column(col("id", "bigint").pk())
        .column(col("addr", "inet").nullable())
        .column(col("mood", "public.mood").nullable()));
    GeneratorFactory.TableGenerators g = f.forTable("t");
    assertThat(g.columns()).extracting(TableColumn::name).containsExactly("id", "addr", "mood");
    assertThat(Gen.values(g.generators().get(1), 1, 100)).allMatch(CapturingWriter.Value::isNull);
    assertThat(Gen.values(g.generators().get(2), 1, 100)).allMatch(CapturingWriter.Value::isNull);
  }

  @Test
  void unknownNotNullTypesWithoutADefaultAreRejectedWithAFix() {
    GeneratorFactory f = Gen.factory(SEED, table("hosts", 100).column(col("addr", "inet")));
    assertThatThrownBy(() -> f.forTable("hosts")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("dataset table hosts, column addr (inet)")
        .hasMessageContaining("NOT NULL, no default, and no generator for this type")
        .hasMessageContaining("fix: declare one under dataset.tables[hosts].columns.addr")
        .hasMessageContaining("{generator: constant, value: ...}");
  }

  @Test
  void unknownTypesWithAServerDefaultAreLeftToTheServer() {
    GeneratorFactory f = Gen.factory(SEED, table("t", 100)
        .column(col("id", "bigint").pk())
        .column(col("addr", "inet").otherDefault())
        .column(col("span", "interval").nullable().otherDefault())
        .column(col("note", "text")));
    GeneratorFactory.TableGenerators g = f.forTable("t");
    assertThat(g.columns()).extracting(TableColumn::name).containsExactly("id", "note");
    assertThat(g.generators()).hasSize(2);
  }

  @Test
  void aSpecOverridesTheDefault() {
    GeneratorFactory f = Gen.factory(SEED, table("t", 100)
        .column(col("addr", "inet"), Gen.spec("choice").values("10.0.0.1", "10.0.0.2"))
        .column(col("n", "integer"), Gen.spec("constant").value("7")));
    assertThat(Gen.texts(Gen.generator(f, "t", "addr"), 100)).containsOnly("10.0.0.1", "10.0.0.2");
    assertThat(Gen.longs(Gen.generator(f, "t", "n"), 100)).containsOnly(7L);
  }
}
