package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static dev.rehearsal.harness.seed.generate.Gen.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.harness.BadInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Composite keys: one row per (parent, other key value), each parent with the same fan-out, the
 * other column distinct within a parent — as functions of the row, like every other generator.
 */
class CompositeKeyTest {

  private static final long SEED = 11;
  private static final String[] LANGUAGES = {"en", "de", "fr", "es", "it", "nl", "pl"};

  private static Gen.Table products(long rows) {
    return table("products", rows).column(col("id", "bigint").pk());
  }

  private static Gen.Table translations(long rows, Gen.Spec language) {
    Gen.Table t = table("translations", rows)
        .column(col("product_id", "bigint").references("products", "id", true));
    t = language == null ? t.column(col("language", "text")) : t.column(col("language", "text"), language);
    return t.column(col("body", "text")).key("product_id", "language");
  }

  /** The (product_id, language) pairs of every row, in row order. */
  private static List<String> pairs(GeneratorFactory f, String table, String parent, String other, long rows) {
    ColumnGenerator p = Gen.generator(f, table, parent);
    ColumnGenerator o = Gen.generator(f, table, other);
    CapturingWriter w = new CapturingWriter();
    List<String> pairs = new ArrayList<>();
    for (long r = 1; r <= rows; r++) {
      pairs.add(w.capture(p, r).asLong() + "/" + w.capture(o, r).value());
    }
    return pairs;
  }

  private static Map<Long, Integer> perParent(List<String> pairs) {
    Map<Long, Integer> counts = new HashMap<>();
    pairs.forEach(pair -> counts.merge(Long.parseLong(pair.substring(0, pair.indexOf('/'))), 1, Integer::sum));
    return counts;
  }

  @Test
  void eachParentGetsFanoutRowsWithDistinctLanguages() {
    GeneratorFactory f = Gen.factory(SEED, products(1_000), translations(3_000, spec("choice").values(LANGUAGES)));
    List<String> pairs = pairs(f, "translations", "product_id", "language", 3_000);

    assertThat(new HashSet<>(pairs)).hasSize(3_000); // no key violation
    Map<Long, Integer> counts = perParent(pairs);
    assertThat(counts).hasSize(1_000); // every product has translations...
    assertThat(new HashSet<>(counts.values())).containsExactly(3); // ...exactly fan-out = 3000 / 1000 of them
    assertThat(counts.keySet()).allMatch(id -> id >= 1 && id <= 1_000); // only real products
    Set<String> languages = new HashSet<>();
    pairs.forEach(pair -> languages.add(pair.substring(pair.indexOf('/') + 1)));
    assertThat(languages).hasSize(3).isSubsetOf(List.of(LANGUAGES));
  }

  @Test
  void fanoutIsRoundedUpAndTheLastGroupIsShort() {
    GeneratorFactory f = Gen.factory(SEED, products(1_000), translations(2_500, spec("choice").values(LANGUAGES)));
    List<String> pairs = pairs(f, "translations", "product_id", "language", 2_500);

    assertThat(new HashSet<>(pairs)).hasSize(2_500);
    Map<Long, Integer> counts = perParent(pairs);
    // fan-out ceil(2500 / 1000) = 3: 833 products with 3, one with the last row, 166 with none
    assertThat(counts.values().stream().filter(n -> n == 3).count()).isEqualTo(833);
    assertThat(counts.values().stream().filter(n -> n == 1).count()).isEqualTo(1);
    assertThat(counts).hasSize(834);
  }

  @Test
  void anIntegerKeyColumnWithoutAGeneratorIsThePositionInTheGroup() {
    GeneratorFactory f = Gen.factory(SEED, products(100), table("lines", 400)
        .column(col("product_id", "bigint").references("products", "id", true))
        .column(col("line_no", "integer").pk())
        .key("product_id", "line_no"));
    long[] lineNumbers = Gen.longs(Gen.generator(f, "lines", "line_no"), 400);
    for (int i = 0; i < 400; i++) {
      assertThat(lineNumbers[i]).isEqualTo(i % 4 + 1);
    }
    assertThat(new HashSet<>(pairs(f, "lines", "product_id", "line_no", 400))).hasSize(400);
  }

  @Test
  void aTextKeyColumnWithoutAGeneratorIsDistinctWithinItsParent() {
    GeneratorFactory f = Gen.factory(SEED, products(50), translations(1_000, null));
    List<String> pairs = pairs(f, "translations", "product_id", "language", 1_000);
    assertThat(new HashSet<>(pairs)).hasSize(1_000);
    assertThat(new HashSet<>(perParent(pairs).values())).containsExactly(20);
  }

  @Test
  void valuesAreFunctionsOfTheRowWhateverTheOrderTheyAreMadeIn() {
    GeneratorFactory f = Gen.factory(SEED, products(300), translations(1_000, spec("choice").values(LANGUAGES)));
    for (String column : List.of("product_id", "language")) {
      ColumnGenerator g = Gen.generator(f, "translations", column);
      assertThat(Gen.valuesReversed(g, 1_000)).isEqualTo(Gen.values(Gen.generator(f, "translations", column), 1, 1_000));
    }
    GeneratorFactory again = Gen.factory(SEED, products(300), translations(1_000, spec("choice").values(LANGUAGES)));
    assertThat(pairs(again, "translations", "product_id", "language", 1_000))
        .isEqualTo(pairs(f, "translations", "product_id", "language", 1_000));
  }

  @Test
  void tooFewValuesForTheFanoutIsRefusedWithTheFanoutAndTheFix() {
    GeneratorFactory f = Gen.factory(SEED, products(1_000), translations(5_000, spec("choice").values("en", "de")));
    assertThatThrownBy(() -> f.forTable("translations"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("dataset table translations, column language (text)")
        .hasMessageContaining("the key (product_id, language) gives each products row 5 rows here (fan-out: 5,000"
            + " rows / 1,000 parent rows, rounded up), so language needs 5 distinct values")
        .hasMessageContaining("fix: give language at least 5 distinct values under");
  }

  @Test
  void aKeyUniqueByADeclaredGeneratorIsLeftAlone() {
    GeneratorFactory f = Gen.factory(SEED, products(100), table("events", 1_000)
        .column(col("product_id", "bigint").references("products", "id", true))
        .column(col("event_id", "uuid"), spec("uuid"))
        .key("product_id", "event_id"));
    // product_id keeps its skewed reference: a few products are busy, not 10 each
    Map<Long, Integer> counts = new HashMap<>();
    for (long id : Gen.longs(Gen.generator(f, "events", "product_id"), 1_000)) {
      counts.merge(id, 1, Integer::sum);
    }
    assertThat(counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow()).isGreaterThan(10);
  }

  @Test
  void aKeyWithoutAParentHasItsLastColumnMadeUnique() {
    GeneratorFactory f = Gen.factory(SEED, table("slugs", 2_000)
        .column(col("tenant", "integer"), spec("uniform").range(1, 5))
        .column(col("slug", "text"), spec("text").lengths(8, 12))
        .key("tenant", "slug"));
    assertThat(new HashSet<>(Gen.texts(Gen.generator(f, "slugs", "slug"), 2_000))).hasSize(2_000);
  }

  @Test
  void aMultiColumnUniqueConstraintBesideThePrimaryKeyIsArrangedLikeOne() {
    GeneratorFactory f = Gen.factory(SEED, products(200), table("variants", 800)
        .column(col("id", "bigint").pk())
        .column(col("product_id", "bigint").references("products", "id", true))
        .column(col("sku_suffix", "text"), spec("choice").values("s", "m", "l", "xl", "xxl"))
        .key("product_id", "sku_suffix"));
    List<String> pairs = pairs(f, "variants", "product_id", "sku_suffix", 800);
    assertThat(new HashSet<>(pairs)).hasSize(800);
    assertThat(new HashSet<>(perParent(pairs).values())).containsExactly(4);
    // the single-column key keeps counting over the whole table
    assertThat(new HashSet<>(Gen.texts(Gen.generator(f, "variants", "sku_suffix"), 4))).hasSize(4);
    assertThat(Gen.longs(Gen.generator(f, "variants", "id"), 800)[799]).isEqualTo(800);
  }
}
