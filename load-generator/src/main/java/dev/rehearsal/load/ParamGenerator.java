package dev.rehearsal.load;

import java.util.SplittableRandom;

/** Produces one statement parameter per call. Called from many worker threads at once. */
@FunctionalInterface
public interface ParamGenerator {

  /**
   * @param random the calling thread's own generator (not shared, so no contention)
   * @return a value for {@code PreparedStatement.setObject}
   */
  Object next(SplittableRandom random);
}
