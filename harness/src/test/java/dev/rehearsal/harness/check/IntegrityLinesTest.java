package dev.rehearsal.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntegrityLinesTest {

  @Test
  void aGapBetweenWritesAndRowsIsExplained() {
    assertThat(IntegrityCheck.line(1_901, 1_898, 0, 0)).isEqualTo(
        "Integrity: 1,901 acknowledged writes on 1,898 rows (3 writes went to a row written before),"
            + " all read back as last acknowledged, 0 lost");
    assertThat(IntegrityCheck.line(308, 308, 0, 0))
        .isEqualTo("Integrity: 308 acknowledged writes on 308 rows, all read back as last acknowledged, 0 lost");
  }

  @Test
  void lostAndInDoubtRowsSayWhatTheyAre() {
    assertThat(IntegrityCheck.line(500, 499, 2, 1)).isEqualTo(
        "Integrity: 500 acknowledged writes on 499 rows (1 write went to a row written before),"
            + " 1 lost (row missing or not as last acknowledged); 2 rows in doubt after broken connections,"
            + " not counted as lost");
  }

  @Test
  void noColumnComparedSaysNotComparedAndWhyRatherThanUnchanged() {
    SnapshotComparison.Result none = new SnapshotComparison.Result(0, 0, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
    assertThat(UntouchedDataCheck.line(none, 2)).isEqualTo(
        "Untouched data: not compared (the workload or the migration may write every column of the 2 seeded tables)");
    assertThat(UntouchedDataCheck.line(none, 0)).isEqualTo("Untouched data: not compared (no seeded table to compare)");
    SnapshotComparison.Result some = new SnapshotComparison.Result(3, 12, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
    assertThat(UntouchedDataCheck.line(some, 3)).isEqualTo("Untouched data: 3 tables, 12 columns compared, unchanged");
    SnapshotComparison.Result sampled = new SnapshotComparison.Result(1, 4, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of("users: 128,000 of ~50,000,000 rows, in 64 ranges of id"));
    assertThat(UntouchedDataCheck.line(sampled, 1))
        .isEqualTo("Untouched data: 1 table, 4 columns compared, unchanged (1 on a sample of key ranges)");
  }
}
