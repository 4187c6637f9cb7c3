package dev.rehearsal.harness.check;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.Console;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.load.ledger.LedgerCheck;
import dev.rehearsal.load.ledger.LedgerVerifier;
import dev.rehearsal.load.ledger.WriteLedger;
import dev.rehearsal.report.RehearsalReport;
import java.sql.Connection;
import java.sql.SQLException;

/** After the load: every acknowledged write in the ledger is read back and checked. */
public final class IntegrityCheck {

  private IntegrityCheck() {}

  /** @return null when no operation kept a ledger (lost writes are then "not measured") */
  public static RehearsalReport.Integrity run(WriteLedger ledger, DatabaseTarget target, Console console) {
    if (ledger.tables().isEmpty()) {
      return null;
    }
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.ADMIN)) {
      LedgerCheck check = LedgerVerifier.verify(ledger, c);
      console.say("%s", line(check.acknowledgedWrites(), check.rowsChecked(), check.rowsInDoubt(), check.lostWrites()));
      check.examples().forEach(e -> console.say("  - %s", e));
      return new RehearsalReport.Integrity(check.acknowledgedWrites(), check.rowsChecked(), check.rowsInDoubt(),
          check.lostWrites(), check.examples());
    } catch (SQLException e) {
      throw new InfrastructureException("the integrity check could not read the rows back: " + e.getMessage(), e);
    }
  }

  /**
   * "Integrity: 1,901 acknowledged writes on 1,898 rows (3 writes went to a row written before), all read back,
   * 0 lost": what a gap between writes and rows means is said, not left to guess.
   */
  public static String line(long acknowledgedWrites, long rowsChecked, long rowsInDoubt, long lostWrites) {
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "Integrity: %,d acknowledged writes on %,d rows",
        acknowledgedWrites, rowsChecked));
    long gap = acknowledgedWrites - rowsChecked;
    if (gap > 0) {
      b.append(String.format(java.util.Locale.ROOT, " (%,d write%s went to a row written before)", gap, gap == 1 ? "" : "s"));
    } else if (gap < 0) {
      b.append(String.format(java.util.Locale.ROOT, " (%,d rows more than writes: rows of writes whose outcome is unknown)",
          -gap));
    }
    if (lostWrites == 0) {
      b.append(rowsChecked == 0 ? ", nothing to read back" : ", all read back as last acknowledged, 0 lost");
    } else {
      b.append(String.format(java.util.Locale.ROOT, ", %,d lost (row%s missing or not as last acknowledged)",
          lostWrites, lostWrites == 1 ? "" : "s"));
    }
    if (rowsInDoubt > 0) {
      b.append(String.format(java.util.Locale.ROOT, "; %,d row%s in doubt after broken connections, not counted as lost",
          rowsInDoubt, rowsInDoubt == 1 ? "" : "s"));
    }
    return b.toString();
  }

  /** The ledger's check (null when nothing was ledgered) with the untouched-data check beside it. */
  public static RehearsalReport.Integrity withUntouched(RehearsalReport.Integrity ledger,
      RehearsalReport.UntouchedData untouched) {
    if (ledger == null) {
      return new RehearsalReport.Integrity(0, 0, 0, 0, java.util.List.of(), untouched);
    }
    return new RehearsalReport.Integrity(ledger.acknowledgedWrites(), ledger.rowsChecked(), ledger.rowsInDoubt(),
        ledger.lostWrites(), ledger.examples(), untouched);
  }
}
