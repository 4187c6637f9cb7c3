package dev.rehearsal.load;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One kind of request the application makes: a statement with {@code ?} placeholders, run in
 * autocommit through the application's pool.
 *
 * @param weight share of the open-loop rate (relative to the other operations' weights)
 */
public record Operation(String name, String sql, int weight, List<ParamGenerator> params) {

  public Operation {
    if (weight < 1) {
      throw new IllegalArgumentException("weight of " + name + " must be >= 1");
    }
    params = List.copyOf(params);
  }

  Object[] nextParams(SplittableRandom random) {
    Object[] values = new Object[params.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = params.get(i).next(random);
    }
    return values;
  }
}
