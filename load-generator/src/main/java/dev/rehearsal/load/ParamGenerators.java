package dev.rehearsal.load;

import java.util.Arrays;
import java.util.List;
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
