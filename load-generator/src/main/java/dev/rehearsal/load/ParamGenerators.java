package dev.rehearsal.load;

import java.util.concurrent.atomic.AtomicLong;

/** The parameter generators a workload can use. */
public final class ParamGenerators {

  private ParamGenerators() {}

  /** An id of an existing row, uniform over 1..{@code maxId}. */
  public static ParamGenerator existingKey(long maxId) {
    return uniform(1, maxId);
  }

  /**
   * Fresh ids above {@code seededMaxId}, each handed out once across all threads, so inserts
   * never collide with seeded rows or with each other.
   */
  public static ParamGenerator newKey(long seededMaxId) {
    AtomicLong next = new AtomicLong(seededMaxId);
    return random -> next.incrementAndGet();
  }

  public static ParamGenerator uniform(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    long bound = max - min + 1;
    return random -> min + random.nextLong(bound);
  }

  /** Random lower-case letters. */
  public static ParamGenerator text(int length) {
    return random -> {
      char[] chars = new char[length];
      for (int i = 0; i < length; i++) {
        chars[i] = (char) ('a' + random.nextInt(26));
      }
      return new String(chars);
    };
  }
}
