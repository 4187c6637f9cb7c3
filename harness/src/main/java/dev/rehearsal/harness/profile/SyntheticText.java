package dev.rehearsal.harness.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * The privacy rule: a text value read from the source's statistics never reaches the scenario
 * unless {@code --keep-values}. The i-th most common value of a column becomes {@code m} and i in
 * letters, padded with letters to the original's length in characters (longer only when the
 * length cannot hold the index): frequencies and lengths are kept, content is not. Other values
 * the seeder makes start with {@code r}, so the two never collide.
 */
final class SyntheticText {

  private SyntheticText() {}

  /** The scenario's stand-ins for {@code values} (in order), or the values themselves when kept. */
  static List<String> commonValues(List<String> values, boolean keepValues) {
    return commonValues(values, keepValues, null);
  }

  /**
   * The same for a column of at most {@code maxCharacters} characters (null: no limit): a stand-in
   * that would not fit is the index in upper-case letters instead, padded with {@code M}, which no
   * other stand-in or generated value (lower case) can equal.
   */
  static List<String> commonValues(List<String> values, boolean keepValues, Integer maxCharacters) {
    if (keepValues) {
      return List.copyOf(values);
    }
    List<String> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      int length = v == null ? 0 : v.codePointCount(0, v.length());
      String standIn = common(i, length);
      if (maxCharacters != null && standIn.length() > maxCharacters) {
        StringBuilder upper = new StringBuilder(letters(i).toUpperCase(java.util.Locale.ROOT));
        while (upper.length() < length) {
          upper.append('M');
        }
        standIn = upper.toString();
      }
      out.add(standIn);
    }
    return out;
  }

  /** Stand-in number {@code index} of {@code length} characters. */
  static String common(int index, int length) {
    String letters = letters(index);
    StringBuilder s = new StringBuilder("m").append(letters);
    long h = 0x9E3779B97F4A7C15L * (index + 1);
    while (s.length() < length) {
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      s.append((char) ('a' + Math.floorMod(h >>> 33, 26)));
    }
    return s.toString();
  }

  /** 0 is a, 25 z, 26 ba, ...: base 26 in letters. */
  static String letters(long n) {
    StringBuilder s = new StringBuilder();
    long k = n;
    do {
      s.append((char) ('a' + k % 26));
      k /= 26;
    } while (k > 0);
    return s.reverse().toString();
  }
}
