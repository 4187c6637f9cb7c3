package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/** NULL in every row, declared as the kind the column takes (pgbench's filler of branches and tellers). */
final class NullGenerator implements ColumnGenerator {

  private final ValueKind kind;

  NullGenerator(ValueKind kind) {
    this.kind = kind;
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public void write(long row, FieldWriter out) {
    out.writeNull();
  }

  @Override
  public boolean unique() {
    return true; // NULLs never conflict in a unique index
  }
}
