package dev.rehearsal.load;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;

/** The parameter generators a workload can use. */
public final class ParamGenerators {

  private ParamGenerators() {}

  /** An id of an existing row, uniform over 1..{@code maxId}. */
  public static ParamGenerator existingKey(long maxId) {
    return uniform(1, maxId);
  }

  /**
   * An id of an existing row in 1..{@code maxId} with a zipfian hot set: id 1 is the most
   * requested, id k about k^-skew as often (skew 1, a million rows: id 1 gets ~7% of the requests,
   * the lowest 1% of ids ~68%). Ids above {@link Integer#MAX_VALUE} are out of the sampler's
   * range; such tables have only their lowest 2^31-1 ids drawn.
   */
  public static ParamGenerator zipfianKey(long maxId, double skew) {
    int n = (int) Math.min(Integer.MAX_VALUE, maxId);
    SharedStateDiscreteSampler prototype = RejectionInversionZipfSampler.of(() -> 0L, n, skew);
    // the sampler's state is its precomputed constants; each calling thread gets its own copy
    // bound to that thread's generator, so no two threads share mutable state
    ThreadLocal<Bound> perThread = new ThreadLocal<>();
    return random -> {
      Bound bound = perThread.get();
      if (bound == null || bound.random != random) {
        UniformRandomProvider provider = random::nextLong;
        bound = new Bound(random, prototype.withUniformRandomProvider(provider));
        perThread.set(bound);
      }
      return (long) bound.sampler.sample();
    };
  }

  private record Bound(SplittableRandom random, SharedStateDiscreteSampler sampler) {}

  /**
   * Fresh ids above {@code seededMaxId}, each handed out once across all threads, so inserts
   * never collide with seeded rows or with each other.
   */
  public static ParamGenerator newKey(long seededMaxId) {
    AtomicLong next = new AtomicLong(seededMaxId);
    return random -> next.incrementAndGet();
  }

  /**
   * A key from {@code sample}: every one equally likely ({@code skew} null), or zipfian over the
   * sample's order (the first the hottest, the k-th about k^-skew as often), as {@link #zipfianKey}
   * is over ids.
   */
  public static ParamGenerator sampledKey(List<?> sample, Double skew) {
    if (sample.isEmpty()) {
      return noKeys();
    }
    Object[] keys = sample.toArray();
    if (skew == null) {
      return random -> keys[random.nextInt(keys.length)];
    }
    ParamGenerator rank = zipfianKey(keys.length, skew);
    return random -> keys[(int) ((Long) rank.next(random) - 1)];
  }

  /** For a table with no rows: every draw fails, saying why. */
  static ParamGenerator noKeys() {
    return random -> {
      throw new IllegalStateException("the table has no rows, so no existing key to draw");
    };
  }

  /**
   * Random version-4 UUIDs from the calling thread's generator: 122 random bits, so a million of
   * them collide with each other or with a hundred million seeded ones with probability ~1e-23.
   */
  public static ParamGenerator randomUuid() {
    return random -> {
      long high = (random.nextLong() & ~0xF000L) | 0x4000L;
      long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new UUID(high, low);
    };
  }

  /**
   * {@code prefix} then a counter in base 36 (1, 2, ..., z, 10, ...), each handed out once across
   * all threads. No two are equal, and none equals a key that does not begin with {@code prefix}.
   *
   * @param maxLength the column's length limit (varchar(n)), or null; a key that would be longer
   *     fails its draw, saying so, rather than being cut (a cut key could collide)
   */
  public static ParamGenerator prefixedKey(String prefix, Integer maxLength) {
    AtomicLong next = new AtomicLong();
    return random -> {
      String key = prefix + Long.toString(next.incrementAndGet(), 36);
      if (maxLength != null && key.length() > maxLength) {
        throw new IllegalStateException("new key " + key + " would be longer than the key column's "
            + maxLength + " characters: every new key of this length was used");
      }
      return key;
    };
  }

  public static ParamGenerator uniform(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
    long bound = max - min + 1;
    return random -> min + random.nextLong(bound);
  }

  /**
   * One of {@code values}, value i with probability {@code weights[i] / sum(weights)}; equal
   * chances when {@code weights} is null. The values are bound as they are (a String as text, a
   * Long as bigint, a Double as double precision).
   */
  public static ParamGenerator choice(List<?> values, double[] weights) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a choice needs at least one value");
    }
    Object[] options = values.toArray();
    if (weights == null) {
      return random -> options[random.nextInt(options.length)];
    }
    if (weights.length != options.length) {
      throw new IllegalArgumentException(options.length + " values but " + weights.length + " weights");
    }
    double[] cumulative = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] > 0 && Double.isFinite(weights[i]))) {
        throw new IllegalArgumentException("weight " + weights[i] + " is not positive");
      }
      total += weights[i];
      cumulative[i] = total;
    }
    double sum = total;
    return random -> {
      double u = random.nextDouble() * sum;
      int i = Arrays.binarySearch(cumulative, u);
      // not found: -(insertion point) - 1, the first cumulative weight above u; found (u exactly on a
      // boundary): that value's share ends there, so the next one's begins
      i = i < 0 ? -i - 1 : i + 1;
      return options[Math.min(i, options.length - 1)];
    };
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
