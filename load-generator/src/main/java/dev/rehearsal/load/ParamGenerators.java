package dev.rehearsal.load;

import java.util.SplittableRandom;
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
