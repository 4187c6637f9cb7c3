package dev.rehearsal.load.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The write ledger of one table: the columns seen, keys in doubt, and the acknowledged writes
 * themselves in a {@link WriteLog} on disk.
 */
public final class TableLedger implements Closeable {

  /** A column bit mask is a long; the key is not one of them. */
  static final int MAX_COLUMNS = 63;

  private final String table;
  private volatile String keyColumn;
  /** The SQL type the keys are read back as: bigint, uuid or text; null before the first write. */
  private volatile String keyType;
  private final List<String> columns = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> columnIndex = new ConcurrentHashMap<>();
  private final WriteLog log;
  private final Set<Object> inDoubtValues = ConcurrentHashMap.newKeySet();
  private final AtomicLong acknowledgedWrites = new AtomicLong();
  private volatile String disabledBecause;

  /** @param logFile where the acknowledged writes go; null keeps no ledger (why: {@code noLogBecause}) */
  TableLedger(String table, Path logFile, String noLogBecause) {
    this.table = table;
    WriteLog opened = null;
    if (logFile != null) {
      try {
        opened = new WriteLog(logFile);
      } catch (IOException e) {
        noLogBecause = "could not create " + logFile + " (" + e.getMessage() + ")";
      }
    }
    this.log = opened;
    if (opened == null) {
      disable(noLogBecause);
    }
  }

  public String table() {
    return table;
  }

  /**
   * Stops keeping this table's ledger (e.g. its RETURNING key is not an integer, text or uuid): the integrity
   * check then says it could not check the table instead of counting the writes as failures.
   */
  public void disable(String reason) {
    if (disabledBecause == null) {
      disabledBecause = reason;
      LoggerFactory.getLogger(TableLedger.class).warn("write ledger of {} not kept: {}", table, reason);
    }
  }

  public boolean disabled() {
    return disabledBecause != null;
  }

  /** Why the ledger was not kept, or null. */
  public String disabledBecause() {
    return disabledBecause;
  }

  /** Null until the first write was recorded. */
  public String keyColumn() {
    return keyColumn;
  }

  /** bigint, uuid or text: how the keys are read back; null until the first write was recorded. */
  public String keyType() {
    return keyType;
  }

  /** Columns other than the key that some write returned, in first-seen order. */
  public List<String> columns() {
    synchronized (columns) {
      return List.copyOf(columns);
    }
  }

  /**
   * Resolves a RETURNING column list once per statement: the first column is the key, the rest
   * are indexes into {@link #columns()}.
   */
  public synchronized int[] shape(List<String> returned) {
    if (returned.isEmpty()) {
      throw new IllegalArgumentException("a ledger write must return at least its key");
    }
    String key = returned.get(0);
    if (keyColumn == null) {
      keyColumn = key;
    } else if (!keyColumn.equals(key)) {
      throw new IllegalArgumentException("ledger of " + table + ": one operation returns " + keyColumn
          + " first and another " + key + "; the first RETURNING column must always be the table's key");
    }
    int[] indexes = new int[returned.size() - 1];
    for (int i = 1; i < returned.size(); i++) {
      String column = returned.get(i);
      Integer index = columnIndex.get(column);
      if (index == null) {
        if (columns.size() == MAX_COLUMNS) {
          throw new IllegalArgumentException("ledger of " + table + ": more than " + MAX_COLUMNS + " columns returned");
        }
        index = columns.size();
        columns.add(column);
        columnIndex.put(column, index);
      }
      indexes[i - 1] = index;
    }
    return indexes;
  }

  /**
   * Records one row a committed write returned.
   *
   * @param key an integer (any width), a UUID or a String (a text key)
   */
  public void record(Object key, int[] columns, long[] hashes, boolean delete, long startNanos, long endNanos) {
    acknowledgedWrites.incrementAndGet();
    if (disabled()) {
      return;
    }
    Object normalized = WriteLog.key(key);
    String type = normalized instanceof Long ? "bigint" : normalized instanceof String ? "text" : "uuid";
    if (keyType == null) {
      keyType = type;
    } else if (!keyType.equals(type)) {
      disable("one write returned a " + keyType + " key and another a " + type + " key");
      return;
    }
    try {
      log.append(normalized, new KeyHistory.Entry(startNanos, endNanos, delete, columns, hashes));
    } catch (IOException e) {
      disable("could not append to the write ledger's file (" + e.getMessage() + ")");
    }
  }

  /**
   * A write whose outcome is unknown (the connection broke around its commit): any key it may
   * have touched is excused from the check. Its parameters are the best guess of those keys.
   */
  public void inDoubt(Object[] params) {
    for (Object p : params) {
      if (p instanceof Long || p instanceof Integer || p instanceof Short || p instanceof String
          || p instanceof java.util.UUID) {
        inDoubtValues.add(WriteLog.key(p));
      }
    }
  }

  public long acknowledgedWrites() {
    return acknowledgedWrites.get();
  }

  /** How many partitions {@link #rows} must be read in to bound the memory the check takes. */
  int passes() {
    return log.passes();
  }

  /** The row histories of the keys in partition {@code pass} of {@code passes}. */
  Map<Object, KeyHistory> rows(int pass, int passes) throws IOException {
    return log.read(pass, passes);
  }

  boolean inDoubt(Object key) {
    return inDoubtValues.contains(key);
  }

  /** Deletes the file. */
  @Override
  public void close() throws IOException {
    if (log != null) {
      log.close();
    }
  }
}
