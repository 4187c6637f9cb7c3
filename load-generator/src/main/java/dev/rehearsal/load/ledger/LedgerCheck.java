package dev.rehearsal.load.ledger;

import java.util.List;

/**
 * What the integrity check found.
 *
 * @param acknowledgedWrites rows the database acknowledged writing (a write returning 3 rows
 *     counts 3)
 * @param rowsChecked distinct rows read back
 * @param rowsInDoubt rows excused because a write that may have touched them has an unknown
 *     outcome (its connection broke)
 * @param lostWrites rows whose acknowledged writes are not all there
 * @param examples up to a handful of them, described ("users id=42: row missing")
 */
public record LedgerCheck(long acknowledgedWrites, long rowsChecked, long rowsInDoubt, long lostWrites,
    List<String> examples) {

  public LedgerCheck {
    examples = List.copyOf(examples);
  }
}
