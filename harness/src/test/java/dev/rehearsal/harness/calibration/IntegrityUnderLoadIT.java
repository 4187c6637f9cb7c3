package dev.rehearsal.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.RehearsalReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rename by expand and contract under write load: a dual-write trigger that misses UPDATEs
 * loses every update made between the backfill and the swap, and the integrity check must say
 * so; the correct trigger loses nothing. A correctness test, not calibration: whether lost writes
 * are found does not hang on timing (the broken trigger loses dozens, more than 10 are asked for).
 */
class IntegrityUnderLoadIT extends CalibrationTest {

  /** Expand, dual-write trigger firing on {@code events}, batched backfill, a settle pause, swap. */
  static String renameStrategy(String name, String events) {
    return """
          - name: %s
            steps:
              - sql: |
                  ALTER TABLE users ADD COLUMN full_name text;
                  CREATE FUNCTION copy_name() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN
                    NEW.full_name := NEW.name;
                    RETURN NEW;
                  END $$;
                  CREATE TRIGGER copy_name BEFORE %s ON users FOR EACH ROW EXECUTE FUNCTION copy_name();
              - backfill: {table: users, set: full_name = name, batchSize: 2000}
              - pause: 1s
              - sql: |
                  BEGIN;
                  DROP TRIGGER copy_name ON users;
                  ALTER TABLE users DROP COLUMN name;
                  ALTER TABLE users RENAME COLUMN full_name TO name;
                  COMMIT;
        """.formatted(name, events);
  }

  static final String STRATEGIES = renameStrategy("broken-dual-write", "INSERT")
      + renameStrategy("dual-write", "INSERT OR UPDATE");

  @Test
  void aTriggerThatMissesUpdatesLosesWritesAndTheCorrectOneDoesNot() {
    CalibrationScenario scenario = new CalibrationScenario().phases("3s", "2s").strategies(STRATEGIES);
    RehearsalReport broken = scenario.rehearse(url, "broken-dual-write", out.resolve("broken"), false);
    RehearsalReport correct = scenario.rehearse(url, "dual-write", out.resolve("correct"), false);

    log("dual write: trigger missing UPDATEs lost %d of %d acknowledged writes (e.g. %s); "
            + "correct trigger lost %d of %d", broken.integrity().lostWrites(), broken.integrity().acknowledgedWrites(),
        broken.integrity().examples().isEmpty() ? "-" : broken.integrity().examples().get(0),
        correct.integrity().lostWrites(), correct.integrity().acknowledgedWrites());
    assertThat(broken.statements()).allSatisfy(s -> assertThat(s.error()).isNull());
    assertThat(broken.statements()).anySatisfy(s -> {
      assertThat(s.kind()).isEqualTo("backfill");
      assertThat(s.rowsAffected()).isEqualTo(20_000L);
      assertThat(s.batches()).isEqualTo(10);
    });
    // about 60 writes a second for the second between backfill and swap: dozens lost
    assertThat(broken.integrity().lostWrites()).isGreaterThan(10);
    assertThat(broken.integrity().examples()).isNotEmpty();
    assertThat(broken.summary().lostWrites()).isEqualTo(broken.integrity().lostWrites());

    assertThat(correct.statements()).allSatisfy(s -> assertThat(s.error()).isNull());
    assertThat(correct.integrity().acknowledgedWrites()).isGreaterThan(200);
    assertThat(correct.integrity().lostWrites()).isZero();
    // email and login_count are written by nobody: unchanged; name was dropped and full_name renamed
    for (RehearsalReport report : List.of(broken, correct)) {
      RehearsalReport.UntouchedData untouched = report.integrity().untouchedData();
      assertThat(untouched.differences()).isEmpty();
      assertThat(untouched.columnsCompared()).isGreaterThanOrEqualTo(3); // id, email, login_count
    }
  }

  @Test
  void aRehearsedRollbackRunsTheDownStepsUnderLoadAndLosesNothing() {
    RehearsalReport report = new CalibrationScenario().phases("3s", "2s").strategies("""
          - name: add-column
            steps:
              - sql: ALTER TABLE users ADD COLUMN status text DEFAULT 'new'
            down:
              - sql: ALTER TABLE users DROP COLUMN status
        """).rehearse(url, null, out, true);

    assertThat(report.statements()).extracting(s -> s.index() + " " + s.direction())
        .containsExactly("1 up", "2 down");
    assertThat(report.statements()).allSatisfy(s -> {
      assertThat(s.error()).isNull();
      assertThat(s.locks()).contains(new RehearsalReport.Lock("users", "AccessExclusiveLock"));
    });
    assertThat(report.integrity().lostWrites()).isZero();
    assertThat(report.integrity().acknowledgedWrites()).isGreaterThan(200);
    assertThat(report.integrity().untouchedData().differences()).isEmpty();
    assertThat(report.integrity().untouchedData().columnsAdded()).isEmpty();
  }
}
