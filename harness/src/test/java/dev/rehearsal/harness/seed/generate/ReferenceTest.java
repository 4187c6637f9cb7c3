package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static dev.rehearsal.harness.seed.generate.Gen.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.seed.copy.ValueKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Foreign keys: children only ever point at values their parents really get. */
class ReferenceTest {

  private static final long SEED = 5;

  private static Gen.Table users(long rows) {
    return table("users", rows)
        .column(col("id", "bigint").pk().sequenceDefault())
        .column(col("handle", "character varying(40)").unique(), spec("text").lengths(6, 20))
        .column(col("uid", "uuid").unique(), spec("uuid"));
  }

  /** Child rows per parent row, for a reference onto users.id (a sequence, so value == parent row). */
  private static long[] childrenPerParent(long parents, long children, Gen.Spec reference) {
    GeneratorFactory f = Gen.factory(SEED, users(parents),
        table("orders", children).column(col("user_id", "bigint").references("users", "id", true), reference));
    long[] counts = new long[(int) parents + 1];
    for (long v : Gen.longs(Gen.generator(f, "orders", "user_id"), children)) {
      if (v < 1 || v > parents) {
        throw new AssertionError("a child points at user " + v + ", which is not one of 1.." + parents);
      }
      counts[(int) v]++;
    }
    return counts;
  }

  private static double topShare(long[] counts, double fraction) {
    long[] sorted = Arrays.stream(counts).sorted().toArray();
    long total = Arrays.stream(counts).sum();
    int top = (int) Math.round((counts.length - 1) * fraction);
    long sum = 0;
    for (int i = 0; i < top; i++) {
      sum += sorted[sorted.length - 1 - i];
    }
    return sum / (double) total;
  }

  @Test
  void childrenOnlyPointAtValuesTheParentGenerates() {
    long parents = 2_000;
    GeneratorFactory f = Gen.factory(SEED, users(parents), table("orders", 50_000)
        .column(col("user_id", "bigint").references("users", "id", true), spec("reference").table("users"))
        .column(col("user_handle", "character varying(40)"), spec("reference").table("users").column("handle"))
        .column(col("user_uid", "uuid"), spec("reference").table("users").column("uid").skew(0.0)));
    Set<String> handles = new HashSet<>(Gen.texts(Gen.generator(f, "users", "handle"), parents));
    Set<Object> uids = new HashSet<>();
    Gen.values(Gen.generator(f, "users", "uid"), 1, parents).forEach(v -> uids.add(v.value()));
    assertThat(handles).hasSize((int) parents);

    ColumnGenerator byHandle = Gen.generator(f, "orders", "user_handle");
    assertThat(byHandle.kind()).isEqualTo(ValueKind.TEXT);
    Set<String> seenHandles = new HashSet<>();
    for (String h : Gen.texts(byHandle, 50_000)) {
      if (!handles.contains(h)) {
        throw new AssertionError("a child points at handle '" + h + "', which no parent row has");
      }
      seenHandles.add(h);
    }
    assertThat(seenHandles.size()).as("many parents are used, not a handful").isGreaterThan(500);

    ColumnGenerator byUid = Gen.generator(f, "orders", "user_uid");
    assertThat(byUid.kind()).isEqualTo(ValueKind.UUID);
    Set<Object> seenUids = new HashSet<>();
    for (CapturingWriter.Value v : Gen.values(byUid, 1, 50_000)) {
      if (!uids.contains(v.value())) {
        throw new AssertionError("a child points at uid " + v.value() + ", which no parent row has");
      }
      seenUids.add(v.value());
    }
    assertThat(seenUids).as("skew 0 over 50k children reaches all 2k parents").hasSize((int) parents);

    ColumnGenerator byId = Gen.generator(f, "orders", "user_id");
    assertThat(byId.minLong()).isEqualTo(1);
    assertThat(byId.maxLong()).isEqualTo(parents);
  }

  @Test
  void skewOneConcentratesChildrenOnAFewParentsScatteredOverTheTable() {
    long[] counts = childrenPerParent(10_000, 200_000, spec("reference").table("users").skew(1.0));
    // zipf(1) over 10,000 ranks: the top 1% hold H(100) / H(10000) = 5.187 / 9.788 = 0.53
    assertThat(topShare(counts, 0.01)).isGreaterThan(0.2).isCloseTo(0.53, within(0.03));
    // the hottest parents are spread over the table rather than being users 1..100
    long hotInFirstRows = LongStream.rangeClosed(1, 10_000)
        .boxed().sorted((a, b) -> Long.compare(counts[(int) (long) b], counts[(int) (long) a])).limit(100)
        .filter(id -> id <= 100).count();
    assertThat(hotInFirstRows).isLessThan(10);
  }

  @Test
  void skewIsOneByDefault() {
    long[] counts = childrenPerParent(10_000, 200_000, spec("reference").table("users"));
    assertThat(topShare(counts, 0.01)).isCloseTo(0.53, within(0.03));
  }

  @Test
  void skewZeroSpreadsChildrenEvenly() {
    long[] counts = childrenPerParent(10_000, 200_000, spec("reference").table("users").skew(0.0));
    // 20 children per parent on average: the top 1% hold little more than 1%
    assertThat(topShare(counts, 0.01)).isLessThan(0.025);
    assertThat(Arrays.stream(counts).skip(1).filter(c -> c == 0).count()).as("parents without children")
        .isLessThan(5);
    assertThat(Arrays.stream(counts).skip(1).max().orElseThrow()).isLessThan(50);
  }

  @Test
  void aForeignKeyToASeededTableGetsAReferenceWithoutASpec() {
    long parents = 1_000;
    GeneratorFactory f = Gen.factory(SEED, users(parents), table("orders", 20_000)
        .column(col("id", "bigint").pk())
        .column(col("user_id", "bigint").references("users", "id", true))
        .column(col("user_handle", "text").references("users", "handle", true)));
    long[] ids = Gen.longs(Gen.generator(f, "orders", "user_id"), 20_000);
    assertThat(Arrays.stream(ids).min().orElseThrow()).isGreaterThanOrEqualTo(1);
    assertThat(Arrays.stream(ids).max().orElseThrow()).isLessThanOrEqualTo(parents);
    // skewed like production by default, not a uniform draw and not a constant
    Map<Long, Integer> counts = new HashMap<>();
    Arrays.stream(ids).forEach(v -> counts.merge(v, 1, Integer::sum));
    assertThat(counts.size()).isGreaterThan(300);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow())
        .as("the hottest parent").isGreaterThan(1_000);

    Set<String> handles = new HashSet<>(Gen.texts(Gen.generator(f, "users", "handle"), parents));
    assertThat(handles).containsAll(Gen.texts(Gen.generator(f, "orders", "user_handle"), 20_000));
  }

  @Test
  void aUniqueForeignKeyIsOneToOne() {
    GeneratorFactory f = Gen.factory(SEED, users(3_000),
        table("profiles", 3_000).column(col("user_id", "bigint").unique().references("users", "id", true)));
    ColumnGenerator g = Gen.generator(f, "profiles", "user_id");
    assertThat(g.unique()).isTrue();
    long[] ids = Gen.longs(g, 3_000);
    long[] sorted = ids.clone();
    Arrays.sort(sorted);
    assertThat(sorted).isEqualTo(LongStream.rangeClosed(1, 3_000).toArray());
    assertThat(ids).isNotEqualTo(sorted); // shuffled

    // fewer children than parents: still distinct
    GeneratorFactory fewer = Gen.factory(SEED, users(3_000), table("profiles", 1_000)
        .column(col("user_id", "bigint").unique(), spec("reference").table("users")));
    assertThat(Arrays.stream(Gen.longs(Gen.generator(fewer, "profiles", "user_id"), 1_000)).distinct().count())
        .isEqualTo(1_000);
  }

  @Test
  void aOneToOneWithMoreChildrenThanParentsIsRejected() {
    GeneratorFactory f = Gen.factory(SEED, users(100),
        table("profiles", 101).column(col("user_id", "bigint").unique(), spec("reference").table("users")));
    assertThatThrownBy(() -> f.forTable("profiles")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("can yield only 100 distinct values for 101 rows").hasMessageContaining("one-to-one");
  }

  @Test
  void aOneToOneOntoANonUniqueParentColumnIsRejected() {
    GeneratorFactory f = Gen.factory(SEED,
        table("users", 100).column(col("id", "bigint").pk()).column(col("team", "integer"), spec("uniform").range(1, 5)),
        table("profiles", 10).column(col("team", "integer").unique(), spec("reference").table("users").column("team")));
    assertThatThrownBy(() -> f.forTable("profiles")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("a unique parent column");
  }

  @Test
  void aReferenceToATableOutsideTheDatasetIsRejected() {
    GeneratorFactory f = Gen.factory(SEED, users(10),
        table("orders", 10).column(col("user_id", "bigint"), spec("reference").table("ghosts")));
    assertThatThrownBy(() -> f.forTable("orders")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("missing table").hasMessageContaining("ghosts").hasMessageContaining("users")
        .hasMessageContaining("fix:");
    // also when the catalog says the parent is seeded but the plans lack it
    GeneratorFactory auto = Gen.factory(SEED,
        table("orders", 10).column(col("user_id", "bigint").references("users", "id", true)));
    assertThatThrownBy(() -> auto.forTable("orders")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("missing table");
  }

  @Test
  void aReferenceToAMissingColumnOrToATableWithoutASingleKeyIsRejected() {
    GeneratorFactory noColumn = Gen.factory(SEED, users(10),
        table("orders", 10).column(col("user_id", "bigint"), spec("reference").table("users").column("nope")));
    assertThatThrownBy(() -> noColumn.forTable("orders")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("users has no column nope");
    GeneratorFactory noKey = Gen.factory(SEED,
        table("events", 10).column(col("n", "bigint"), spec("sequence")),
        table("orders", 10).column(col("event", "bigint"), spec("reference").table("events")));
    assertThatThrownBy(() -> noKey.forTable("orders")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("no single-column primary key");
  }

  @Test
  void aReferenceToAColumnTheServerFillsIsRejected() {
    GeneratorFactory f = Gen.factory(SEED,
        table("hosts", 10).column(col("id", "bigint").pk()).column(col("addr", "inet").unique().otherDefault()),
        table("pings", 10).column(col("addr", "inet"), spec("reference").table("hosts").column("addr")));
    assertThatThrownBy(() -> f.forTable("pings")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("filled by the server's DEFAULT");
  }

  @Test
  void referencesInACycleAreRejectedNotLoopedForever() {
    GeneratorFactory f = Gen.factory(SEED,
        table("a", 10).column(col("id", "bigint").pk().references("b", "id", true)),
        table("b", 10).column(col("id", "bigint").pk().references("a", "id", true)));
    assertThatThrownBy(() -> f.forTable("a")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void aReferenceIntoAColumnOfTheWrongTypeIsRejected() {
    GeneratorFactory f = Gen.factory(SEED, users(10),
        table("orders", 10).column(col("user_id", "integer"), spec("reference").table("users").column("uid")));
    assertThatThrownBy(() -> f.forTable("orders")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("UUID values, which do not fit integer");
  }

  @Test
  void aNullableReferenceGetsNullsAtItsNullFraction() {
    GeneratorFactory f = Gen.factory(SEED, users(100), table("orders", 100_000)
        .column(col("user_id", "bigint").nullable(), spec("reference").table("users").nullFraction(0.25)));
    List<CapturingWriter.Value> values = Gen.values(Gen.generator(f, "orders", "user_id"), 1, 100_000);
    long nulls = values.stream().filter(CapturingWriter.Value::isNull).count();
    assertThat(nulls / 100_000.0).isCloseTo(0.25, within(0.01));
    assertThat(values.stream().filter(v -> !v.isNull()).mapToLong(CapturingWriter.Value::asLong))
        .allMatch(v -> v >= 1 && v <= 100);
  }

  @Test
  void aNullableForeignKeyToAnUnseededTableOfUnknownTypeIsNull() {
    GeneratorFactory f = Gen.factory(SEED, table("pings", 100)
        .column(col("addr", "inet").nullable().references("hosts", "addr", false)));
    assertThat(Gen.values(Gen.generator(f, "pings", "addr"), 1, 100)).allMatch(CapturingWriter.Value::isNull);
  }

  @Test
  void aNotNullForeignKeyToAnUnseededTableOfUnknownTypeIsRejected() {
    GeneratorFactory f = Gen.factory(SEED, table("pings", 100)
        .column(col("addr", "inet").references("hosts", "addr", false)));
    assertThatThrownBy(() -> f.forTable("pings")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("foreign key to a missing table").hasMessageContaining("hosts")
        .hasMessageContaining("fix:");
  }

  @Test
  /** A known type must not fall back to its type default: random keys would break the FK when it is re-added. */
  void aNotNullBigintForeignKeyToAnUnseededTableIsRejectedBeforeLoading() {
    GeneratorFactory f = Gen.factory(SEED, table("orders", 100)
        .column(col("user_id", "bigint").references("users", "id", false)));
    assertThatThrownBy(() -> f.forTable("orders")).isInstanceOf(BadInputException.class)
        .hasMessageContaining("foreign key to a missing table").hasMessageContaining("users");
  }

  @Test
  void aNullableBigintForeignKeyToAnUnseededTableIsNull() {
    GeneratorFactory f = Gen.factory(SEED, table("orders", 100)
        .column(col("user_id", "bigint").nullable().references("users", "id", false)));
    assertThat(Gen.values(Gen.generator(f, "orders", "user_id"), 1, 100)).allMatch(CapturingWriter.Value::isNull);
  }
}
