package dev.rehearsal.load.ledger;

/**
 * A 64-bit FNV-1a hash of a column value's text form. The ledger keeps hashes, not values, so a
 * long run stays small; the integrity check hashes what it reads back the same way. Values are
 * compared as text (what {@code ResultSet.getString} gives), so a migration that widens a type
 * (int to bigint, varchar(n) to text) does not look like a changed value.
 */
public final class ValueHash {

  private static final long OFFSET = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;
  /** NULL hashes apart from every string, the empty one included. */
  static final long NULL = 0x6e756c6c6e756c6cL;

  private ValueHash() {}

  public static long of(String value) {
    if (value == null) {
      return NULL;
    }
    long h = OFFSET;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      h = (h ^ (c & 0xff)) * PRIME;
      h = (h ^ (c >>> 8)) * PRIME;
    }
    return h;
  }
}
