package dev.rehearsal.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The keys of one table as the load draws them: which exist (for {@code existingKey}) and how
 * new ones are made (for {@code newKey}) so that they collide with none of them.
 *
 * <ul>
 *   <li>{@link Dense}: integer keys, every one of {@code min..max} present (what
 *       {@code generator: sequence} seeds): drawn from the range, new keys from {@code max + 1}.
 *   <li>{@link Sampled}: any other key (text, uuid, integers with gaps): drawn from a sample of
 *       the keys read from the table before the load, new keys made by {@link NewKeys}.
 * </ul>
 */
public sealed interface KeySpace {

  /** A generator of existing keys: {@code uniform}, or {@code zipfian} with {@code skew}. */
  ParamGenerator existing(String distribution, double skew);

  /** A generator of new keys; one per table, shared by every param that inserts into it. */
  ParamGenerator fresh();

  /** For the console: "ids 1..100,000", "a sample of 5,000 of 5,000 text keys". */
  String describe();

  /** Integer keys {@code min..max}, all present. */
  record Dense(long min, long max) implements KeySpace {

    @Override
    public ParamGenerator existing(String distribution, double skew) {
      if (max < min) {
        return ParamGenerators.noKeys();
      }
      if ("zipfian".equals(distribution)) {
        ParamGenerator rank = ParamGenerators.zipfianKey(max - min + 1, skew);
        return min == 1 ? rank : random -> min - 1 + (Long) rank.next(random);
      }
      return ParamGenerators.uniform(min, max);
    }

    @Override
    public ParamGenerator fresh() {
      return ParamGenerators.newKey(Math.max(max, min - 1));
    }

    @Override
    public String describe() {
      return max < min ? "no keys" : String.format(Locale.ROOT, "ids %,d..%,d", min, max);
    }
  }

  /**
   * A sample of the table's keys, in key order (so that zipfian's hot keys are the lowest, as with
   * integer ids), and how new keys are made.
   *
   * @param sample keys as the driver reads them: Long, String or UUID
   * @param type what the keys are, for the console: "text", "uuid", "integer"
   * @param tableRows how many rows the table has (the sample is at most that many)
   * @param newKeys how new keys are made; null when no param makes any
   */
  record Sampled(List<Object> sample, String type, long tableRows, NewKeys newKeys) implements KeySpace {

    public Sampled {
      sample = List.copyOf(sample);
    }

    @Override
    public ParamGenerator existing(String distribution, double skew) {
      return ParamGenerators.sampledKey(sample, "zipfian".equals(distribution) ? skew : null);
    }

    @Override
    public ParamGenerator fresh() {
      if (newKeys == null) {
        throw new IllegalStateException("no new keys were prepared for this table");
      }
      return newKeys.generator();
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "a sample of %,d of %,d %s keys", sample.size(), tableRows, type);
    }
  }

  /** How new keys of a {@link Sampled} table are made. */
  sealed interface NewKeys {

    ParamGenerator generator();

    /** Integers above every existing one. */
    record After(long max) implements NewKeys {
      @Override
      public ParamGenerator generator() {
        return ParamGenerators.newKey(max);
      }
    }

    /** Random version-4 UUIDs: 122 random bits. */
    record RandomUuids() implements NewKeys {
      @Override
      public ParamGenerator generator() {
        return ParamGenerators.randomUuid();
      }
    }

    /**
     * {@code prefix} followed by a counter in base 36, no longer than {@code maxLength}
     * characters (null: unbounded). The prefix must begin no existing key: then no new key can
     * equal one, nor another new key.
     */
    record Prefixed(String prefix, Integer maxLength) implements NewKeys {

      /** Room a prefix must leave for the counter: 3 base-36 digits, 46,655 new keys. */
      static final int MIN_COUNTER_CHARS = 3;

      @Override
      public ParamGenerator generator() {
        return ParamGenerators.prefixedKey(prefix, maxLength);
      }

      /**
       * The first candidate prefix that leaves room for a counter under {@code maxLength} and that
       * {@code free} says begins no existing key; null when none does.
       */
      public static Prefixed choose(Integer maxLength, Predicate<String> free) {
        for (String prefix : candidates()) {
          if (maxLength != null && maxLength - prefix.length() < MIN_COUNTER_CHARS) {
            continue;
          }
          if (free.test(prefix)) {
            return new Prefixed(prefix, maxLength);
          }
        }
        return null;
      }

      /** Short ones first, so that a varchar(8) still has room; then "rh0-", "rh1-", ... */
      static List<String> candidates() {
        List<String> candidates = new ArrayList<>(List.of("rh-", "rh~", "~", "_", "rh_"));
        for (int i = 0; i < 36 * 36; i++) {
          candidates.add("rh" + Integer.toString(i, 36) + "-");
        }
        return candidates;
      }
    }
  }
}
