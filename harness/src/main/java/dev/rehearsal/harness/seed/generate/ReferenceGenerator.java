package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * A foreign key: the referenced column's value for a parent row, computed with the parent's own
 * generator (values are functions of the row, so nothing is stored). Parents are chosen by
 * zipfian rank and the ranks scattered over the parent rows by a permutation, so a few parents
 * have many children and they are not simply the first rows. The unique form (a one-to-one
 * relation) gives each child a different parent.
 */
final class ReferenceGenerator implements ColumnGenerator {

  private final ColumnGenerator parent;
  private final Permutation scatter;
  private final ZipfRanks ranks;

  private ReferenceGenerator(ColumnGenerator parent, Permutation scatter, ZipfRanks ranks) {
    this.parent = parent;
    this.scatter = scatter;
    this.ranks = ranks;
  }

  static ReferenceGenerator skewed(ColumnGenerator parent, long parentRows, double skew, long seed) {
    return new ReferenceGenerator(parent, new Permutation(parentRows, seed), new ZipfRanks(parentRows, skew, Rng.next(seed)));
  }

  static ReferenceGenerator oneToOne(ColumnGenerator parent, long parentRows, long seed) {
    return new ReferenceGenerator(parent, new Permutation(parentRows, seed), null);
  }

  @Override
  public ValueKind kind() {
    return parent.kind();
  }

  @Override
  public void write(long row, FieldWriter out) {
    long rank = ranks == null ? row : ranks.rank(row);
    parent.write(1 + scatter.apply(rank - 1), out);
  }

  @Override
  public boolean unique() {
    return ranks == null && parent.unique();
  }

  @Override
  public int maxTextLength() {
    return parent.maxTextLength();
  }

  @Override
  public long minLong() {
    return parent.minLong();
  }

  @Override
  public long maxLong() {
    return parent.maxLong();
  }

  @Override
  public int scale() {
    return parent.scale();
  }
}
