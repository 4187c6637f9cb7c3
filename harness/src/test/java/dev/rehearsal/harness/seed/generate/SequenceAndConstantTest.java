package dev.rehearsal.harness.seed.generate;

import static dev.rehearsal.harness.seed.generate.Gen.col;
import static dev.rehearsal.harness.seed.generate.Gen.spec;
import static dev.rehearsal.harness.seed.generate.Gen.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.harness.seed.copy.ValueKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed generators pgbench's schema needs: sequences, repeated sequences and constants. */
class SequenceAndConstantTest {

  @Test
  void rowsPerValueGivesPgbenchsBranchId() {
    long rows = 1_000_000;
    ColumnGenerator bid = Gen.single(1, rows, col("bid", "integer"), spec("sequence").rowsPerValue(100_000));
    assertThat(bid.unique()).isFalse();
    assertThat(bid.minLong()).isEqualTo(1);
    assertThat(bid.maxLong()).isEqualTo(10);
    CapturingWriter w = new CapturingWriter();
    for (long aid = 1; aid <= rows; aid += 997) {
      assertThat(w.capture(bid, aid).asLong()).as("aid " + aid).isEqualTo((aid - 1) / 100_000 + 1);
    }
    for (long aid : new long[] {1, 100_000, 100_001, 200_000, 200_001, 999_999, 1_000_000}) {
      assertThat(w.capture(bid, aid).asLong()).as("aid " + aid).isEqualTo((aid - 1) / 100_000 + 1);
    }
  }

  @Test
  void sequenceStartsAtMin() {
    ColumnGenerator g = Gen.single(1, 10, col("n", "bigint"), spec("sequence").min(-3));
    assertThat(Gen.longs(g, 10)).containsExactly(-3, -2, -1, 0, 1, 2, 3, 4, 5, 6);
    assertThat(g.maxLong()).isEqualTo(6);
    ColumnGenerator byTwo = Gen.single(1, 10, col("n", "bigint"), spec("sequence").min(5).rowsPerValue(2));
    assertThat(Gen.longs(byTwo, 10)).containsExactly(5, 5, 6, 6, 7, 7, 8, 8, 9, 9);
  }

  @Test
  void aConstantWithoutValueAndNullFractionOneWritesNull() {
    GeneratorFactory f = Gen.factory(1, table("pgbench_branches", 100)
        .column(col("bid", "integer").pk())
        .column(col("bbalance", "integer"), spec("constant").value("0"))
        .column(col("filler", "character(88)").nullable(), spec("constant").nullFraction(1)));
    GeneratorFactory.TableGenerators g = f.forTable("pgbench_branches");
    assertThat(g.columns()).extracting(c -> c.name()).containsExactly("bid", "bbalance", "filler");
    ColumnGenerator filler = g.generators().get(2);
    assertThat(filler.kind()).as("the kind the column takes").isEqualTo(ValueKind.TEXT);
    assertThat(Gen.values(filler, 1, 100)).allMatch(CapturingWriter.Value::isNull);
    assertThat(Gen.longs(g.generators().get(1), 100)).containsOnly(0L);
  }

  @Test
  void aConstantIsTheSameInEveryRow() {
    List<String> texts = Gen.texts(Gen.single(1, 1000, col("status", "text"), spec("constant").value("active")), 1000);
    assertThat(texts).containsOnly("active");
    ColumnGenerator half = Gen.single(1, 100_000, col("status", "text").nullable(),
        spec("constant").value("active").nullFraction(0.5));
    long nulls = Gen.values(half, 1, 100_000).stream().filter(CapturingWriter.Value::isNull).count();
    assertThat(nulls / 100_000.0).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.01));
  }
}
