package dev.rehearsal.load.ledger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One table's acknowledged writes, appended to a file as they happen. A long run writes to
 * hundreds of thousands of distinct rows; kept in memory that grew the heap by some 60 KB per
 * second at 1,000 ops/s. On disk a write costs about 40 bytes of file and nothing of heap, and
 * the check reads the file back in key partitions small enough to hold one at a time.
 *
 * <p>Replaying a partition adds each key's writes in the order they were appended, which is the
 * order {@link KeyHistory#add} saw them in when the ledger was kept in memory.
 */
final class WriteLog implements Closeable {

  /** Keys held in memory at once while checking: about 200 bytes each, so ~40 MB. */
  static final long KEYS_PER_PASS = 200_000;

  private final Path file;
  private final DataOutputStream out;
  private long writes;

  WriteLog(Path file) throws IOException {
    this.file = file;
    this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 16 * 1024));
  }

  synchronized void append(long key, KeyHistory.Entry e) throws IOException {
    out.writeLong(key);
    out.writeLong(e.startNanos);
    out.writeLong(e.endNanos);
    out.writeBoolean(e.delete);
    out.writeByte(e.columns.length);
    for (int i = 0; i < e.columns.length; i++) {
      out.writeByte(e.columns[i]);
      out.writeLong(e.hashes[i]);
    }
    writes++;
  }

  /** How many passes the check needs: one per {@link #KEYS_PER_PASS} writes (keys are fewer). */
  synchronized int passes() {
    return (int) Math.max(1, (writes + KEYS_PER_PASS - 1) / KEYS_PER_PASS);
  }

  /** The histories of the keys in partition {@code pass} of {@code passes}. */
  synchronized Map<Long, KeyHistory> read(int pass, int passes) throws IOException {
    out.flush();
    Map<Long, KeyHistory> rows = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
      for (long n = 0; n < writes; n++) {
        long key = in.readLong();
        long start = in.readLong();
        long end = in.readLong();
        boolean delete = in.readBoolean();
        int[] columns = new int[in.readUnsignedByte()];
        long[] hashes = new long[columns.length];
        for (int i = 0; i < columns.length; i++) {
          columns[i] = in.readUnsignedByte();
          hashes[i] = in.readLong();
        }
        if (Math.floorMod(Long.hashCode(key) * 0x9E3779B9, passes) == pass) {
          rows.computeIfAbsent(key, k -> new KeyHistory()).add(new KeyHistory.Entry(start, end, delete, columns, hashes));
        }
      }
    } catch (EOFException e) {
      throw new IOException(file + " ends early: the write ledger is incomplete", e);
    }
    return rows;
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      out.close();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
