package dev.rehearsal.harness.seed.generate;

import dev.rehearsal.harness.seed.copy.FieldWriter;
import dev.rehearsal.harness.seed.copy.ValueKind;

/**
 * Lowercase words of about 2-9 letters (the last one cut to fit) separated by spaces, {@code minLength..maxLength} characters
 * (uniform length). Words rather than a letter soup so that compression and TOAST behave like
 * real text. The unique form ends in the row number spelled in base-26 letters.
 */
final class TextGenerator implements ColumnGenerator {

  private final int minLength;
  private final int maxLength;
  private final long seed;
  private final int uniqueSuffix;
  private final byte[] scratch;

  private TextGenerator(int minLength, int maxLength, long seed, int uniqueSuffix) {
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.seed = seed;
    this.uniqueSuffix = uniqueSuffix;
    this.scratch = new byte[Math.max(maxLength, 1)];
  }

  static TextGenerator of(int minLength, int maxLength, long seed) {
    return new TextGenerator(minLength, maxLength, seed, 0);
  }

  /** Letters needed to spell every row number up to {@code rows} in base 26. */
  static int suffixLetters(long rows) {
    int letters = 1;
    for (long capacity = 26; capacity < rows; capacity *= 26) {
      letters++;
    }
    return letters;
  }

  /** Distinct by its suffix; the caller has checked minLength >= suffixLetters(rows). */
  static TextGenerator unique(int minLength, int maxLength, long rows, long seed) {
    return new TextGenerator(minLength, maxLength, seed, suffixLetters(rows));
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TEXT;
  }

  @Override
  public void write(long row, FieldWriter out) {
    long h = Rng.at(seed, row);
    int length = minLength + (int) Rng.below(h, maxLength - minLength + 1L);
    int words = length - uniqueSuffix;
    int wordLeft = 0;
    int bitsLeft = 0;
    for (int i = 0; i < words; i++) {
      if (bitsLeft < 16) {
        h = Rng.next(h);
        bitsLeft = 64;
      }
      int draw = (int) (h & 0xFFFF);
      h >>>= 16;
      bitsLeft -= 16;
      if (wordLeft == 0 && i > 0 && i < words - 1) {
        scratch[i] = ' ';
        wordLeft = 2 + draw % 8;
        continue;
      }
      if (wordLeft == 0) {
        wordLeft = 2 + draw % 8;
      }
      scratch[i] = (byte) ('a' + ((draw * 26) >>> 16));
      wordLeft--;
    }
    long n = row - 1;
    for (int i = length - 1; i >= words; i--) {
      scratch[i] = (byte) ('a' + n % 26);
      n /= 26;
    }
    out.writeText(scratch, 0, length);
  }

  @Override
  public boolean unique() {
    return uniqueSuffix > 0;
  }

  @Override
  public int maxTextLength() {
    return maxLength;
  }
}
