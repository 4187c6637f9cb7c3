package dev.rehearsal.load.ledger;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One table's acknowledged writes, appended to a file as they happen. A long run writes to
 * hundreds of thousands of distinct rows; kept in memory that grew the heap by some 60 KB per
 * second at 1,000 ops/s. On disk a write costs about 40 bytes of file and nothing of heap, and
 * the check reads the file back in key partitions small enough to hold one at a time.
 *
 * <p>Replaying a partition adds each key's writes in the order they were appended, which is the
 * order {@link KeyHistory#add} saw them in when the ledger was kept in memory.
 *
 * <p>A key is a Long (integer keys), a UUID or a String (text keys), as {@link #key} makes it;
 * each write's key is stored with a tag saying which.
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

  private static final byte INTEGER = 0;
  private static final byte UUID_KEY = 1;
  private static final byte TEXT = 2;

  /** The ledger's form of a key: a Long for any integer, a UUID or a String as they are. */
  static Object key(Object key) {
    if (key instanceof Long || key instanceof UUID || key instanceof String) {
      return key;
    }
    if (key instanceof Integer || key instanceof Short) {
      return ((Number) key).longValue();
    }
    throw new IllegalArgumentException("a ledger key is an integer, a uuid or text, not "
        + (key == null ? "null" : key.getClass().getSimpleName()));
  }

  synchronized void append(Object key, KeyHistory.Entry e) throws IOException {
    writeKey(key);
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

  private void writeKey(Object key) throws IOException {
    if (key instanceof Long l) {
      out.writeByte(INTEGER);
      out.writeLong(l);
    } else if (key instanceof UUID u) {
      out.writeByte(UUID_KEY);
      out.writeLong(u.getMostSignificantBits());
      out.writeLong(u.getLeastSignificantBits());
    } else {
      byte[] bytes = ((String) key).getBytes(StandardCharsets.UTF_8);
      out.writeByte(TEXT);
      out.writeInt(bytes.length);
      out.write(bytes);
    }
  }

  private static Object readKey(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case INTEGER:
        return in.readLong();
      case UUID_KEY:
        return new UUID(in.readLong(), in.readLong());
      case TEXT:
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
      default:
        throw new IOException("unknown key tag " + tag + ": the write ledger is damaged");
    }
  }

  /** How many passes the check needs: one per {@link #KEYS_PER_PASS} writes (keys are fewer). */
  synchronized int passes() {
    return (int) Math.max(1, (writes + KEYS_PER_PASS - 1) / KEYS_PER_PASS);
  }

  /** The histories of the keys in partition {@code pass} of {@code passes}. */
  synchronized Map<Object, KeyHistory> read(int pass, int passes) throws IOException {
    out.flush();
    Map<Object, KeyHistory> rows = new HashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
      for (long n = 0; n < writes; n++) {
        Object key = readKey(in);
        long start = in.readLong();
        long end = in.readLong();
        boolean delete = in.readBoolean();
        int[] columns = new int[in.readUnsignedByte()];
        long[] hashes = new long[columns.length];
        for (int i = 0; i < columns.length; i++) {
          columns[i] = in.readUnsignedByte();
          hashes[i] = in.readLong();
        }
        if (Math.floorMod(key.hashCode() * 0x9E3779B9, passes) == pass) {
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
