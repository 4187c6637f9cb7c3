package dev.rehearsal.load.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every write the database acknowledged, compactly: per table, per key, the hash of each value
 * the write's RETURNING clause gave back. After the migration, {@link LedgerVerifier} reads the
 * rows back and proves that none of them was lost. The writes are kept in files in a temporary
 * directory (see {@link WriteLog}), which {@link #close} deletes.
 */
public final class WriteLedger implements AutoCloseable {

  private final Map<String, TableLedger> tables = new ConcurrentHashMap<>();
  private final AtomicInteger files = new AtomicInteger();
  private Path directory;
  private String noDirectoryBecause;

  public TableLedger table(String name) {
    return tables.computeIfAbsent(name, this::open);
  }

  private TableLedger open(String table) {
    Path dir = directory();
    // numbered files: table names may hold characters no file name can
    return new TableLedger(table, dir == null ? null : dir.resolve(files.incrementAndGet() + ".writes"),
        noDirectoryBecause);
  }

  /** Where the files are, created on first use; null when it could not be. */
  synchronized Path directory() {
    if (directory == null && noDirectoryBecause == null) {
      try {
        directory = Files.createTempDirectory("rehearsal-ledger-");
      } catch (IOException e) {
        noDirectoryBecause = "could not create a temporary directory for the write ledger (" + e.getMessage()
            + "; set -Djava.io.tmpdir to a writable directory)";
      }
    }
    return directory;
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

  /** Deletes the ledger's files; the ledger cannot be checked afterwards. */
  @Override
  public synchronized void close() {
    IOException failed = null;
    for (TableLedger t : tables.values()) {
      try {
        t.close();
      } catch (IOException e) {
        failed = e;
      }
    }
    try {
      if (directory != null) {
        Files.deleteIfExists(directory);
      }
    } catch (IOException e) {
      failed = e;
    }
    if (failed != null) {
      throw new UncheckedIOException("could not delete the write ledger's files in " + directory, failed);
    }
  }
}
