package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * {@code first.last<row>@domain}: realistic local parts from name pools, unique by the row
 * number, on reserved example domains (RFC 2606) so a seeded address can never reach anyone.
 */
final class EmailGenerator implements ColumnGenerator {

  private static final byte[][] DOMAINS = Utf8.all(java.util.List.of(
      "example.com", "example.org", "example.net", "mail.example.com", "corp.example"));

  private final byte[][] firstNames;
  private final byte[][] lastNames;
  private final long seed;
  private final byte[] scratch;
  private final int maxLength;

  EmailGenerator(byte[][] firstNames, byte[][] lastNames, long rows, long seed) {
    this.firstNames = firstNames;
    this.lastNames = lastNames;
    this.seed = seed;
    int longest = 2 + Utf8.digitCount(Math.max(rows, 1)) + longest(firstNames) + longest(lastNames) + longest(DOMAINS);
    this.maxLength = longest;
    this.scratch = new byte[longest];
  }

  private static int longest(byte[][] values) {
    int n = 0;
    for (byte[] v : values) {
      n = Math.max(n, v.length);
    }
    return n;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TEXT;
  }

  @Override
  public void write(long row, FieldWriter out) {
    long h = Rng.at(seed, row);
    int n = append(firstNames[(int) Rng.below(h, firstNames.length)], 0);
    scratch[n++] = '.';
    h = Rng.next(h);
    n = append(lastNames[(int) Rng.below(h, lastNames.length)], n);
    int digits = Utf8.digitCount(row);
    Utf8.digitsBackwards(row, scratch, n + digits);
    n += digits;
    scratch[n++] = '@';
    h = Rng.next(h);
    n = append(DOMAINS[(int) Rng.below(h, DOMAINS.length)], n);
    out.writeText(scratch, 0, n);
  }

  private int append(byte[] part, int at) {
    System.arraycopy(part, 0, scratch, at, part.length);
    return at + part.length;
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
