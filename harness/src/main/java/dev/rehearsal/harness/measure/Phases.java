package dev.rehearsal.harness.measure;

/**
 * When each phase happened, in seconds since load start.
 *
 * @param baselineFromSecond first whole second counted in the baseline (the very first second
 *     carries pool and JIT warm-up, not the application's steady state)
 * @param migrationStartSecond the first migration statement was sent
 * @param migrationEndSecond the last one finished
 */
public record Phases(int baselineFromSecond, double migrationStartSecond, double migrationEndSecond, double endSecond) {

  public String phaseOf(int second) {
    if (second + 1 <= migrationStartSecond) {
      return "warmup";
    }
    if (second < migrationEndSecond) {
      return "migration";
    }
    return "cooldown";
  }

  /** Whole seconds entirely before the migration started. */
  public boolean inBaseline(int second) {
    return second >= baselineFromSecond && second + 1 <= migrationStartSecond;
  }
}
