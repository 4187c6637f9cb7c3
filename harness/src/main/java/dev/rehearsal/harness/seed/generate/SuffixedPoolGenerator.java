package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/** A pool value followed by {@code -<row>}: how a Datafaker column under a UNIQUE constraint stays unique. */
final class SuffixedPoolGenerator implements ColumnGenerator {

  private final PoolGenerator pool;
  private final byte[] scratch;
  private final int maxLength;
  private int length;

  private final FieldWriter capture = new TextCapture() {
    @Override
    public void writeText(byte[] utf8, int offset, int len) {
      System.arraycopy(utf8, offset, scratch, 0, len);
      length = len;
    }
  };

  SuffixedPoolGenerator(PoolGenerator pool, long rows) {
    this.pool = pool;
    int suffix = 1 + Utf8.digitCount(Math.max(rows, 1));
    this.maxLength = pool.maxTextLength() + suffix;
    this.scratch = new byte[pool.maxTextLength() * 4 + suffix];
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TEXT;
  }

  @Override
  public void write(long row, FieldWriter out) {
    pool.write(row, capture);
    int n = length;
    scratch[n++] = '-';
    int digits = Utf8.digitCount(row);
    Utf8.digitsBackwards(row, scratch, n + digits);
    out.writeText(scratch, 0, n + digits);
  }

  @Override
  public boolean unique() {
    return true;
  }

  @Override
  public int maxTextLength() {
    return maxLength;
  }
}
