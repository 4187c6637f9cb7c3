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
      console.say("Integrity: %,d acknowledged writes, %,d rows read back, %,d lost%s", check.acknowledgedWrites(),
          check.rowsChecked(), check.lostWrites(),
          check.rowsInDoubt() > 0 ? " (" + check.rowsInDoubt() + " rows in doubt after broken connections)" : "");
      check.examples().forEach(e -> console.say("  - %s", e));
      return new RehearsalReport.Integrity(check.acknowledgedWrites(), check.rowsChecked(), check.rowsInDoubt(),
          check.lostWrites(), check.examples());
    } catch (SQLException e) {
      throw new InfrastructureException("the integrity check could not read the rows back: " + e.getMessage(), e);
    }
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
