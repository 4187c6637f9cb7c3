package dev.rehearsal.load.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every write the database acknowledged, compactly: per table, per key, the hash of each value
 * the write's RETURNING clause gave back. After the migration, {@link LedgerVerifier} reads the
 * rows back and proves that none of them was lost.
 */
public final class WriteLedger {

  private final Map<String, TableLedger> tables = new ConcurrentHashMap<>();

  public TableLedger table(String name) {
    return tables.computeIfAbsent(name, TableLedger::new);
  }

  public Collection<TableLedger> tables() {
    return List.copyOf(tables.values());
  }

  public long acknowledgedWrites() {
    return tables.values().stream().mapToLong(TableLedger::acknowledgedWrites).sum();
  }

  public boolean isEmpty() {
    return acknowledgedWrites() == 0;
  }
}
