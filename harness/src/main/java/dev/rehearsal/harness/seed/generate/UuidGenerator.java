package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/** Random version-4 UUIDs: 122 random bits, so 50 million rows collide with probability ~1e-22. */
final class UuidGenerator implements ColumnGenerator {

  private final long seed;

  UuidGenerator(long seed) {
    this.seed = seed;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.UUID;
  }

  @Override
  public void write(long row, FieldWriter out) {
    long h = Rng.at(seed, row);
    long high = (h & ~0xF000L) | 0x4000L;
    long low = (Rng.next(h) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    out.writeUuid(high, low);
  }

  @Override
  public boolean unique() {
    return true;
  }
}
