package dev.rehearsal.harness.profile;

import dev.rehearsal.harness.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which tables to profile: the ones {@code --tables} names, or every ordinary table of the
 * non-system schemas. Refused before anything is written (exit 2): no table at all, a name that
 * is not there, a table the role may not SELECT (pg_stats hides its columns' statistics).
 * Partitioned tables and their partitions are left out and said so.
 */
final class TableSelection {

  /** A candidate table: its oid, schema and name (raw), name as the DDL writes it, and what it is. */
  record Candidate(long oid, String schema, String relname, String name, char relkind, boolean partition,
      boolean canSelect) {}

  private static final String CANDIDATES = """
      SELECT c.oid, n.nspname, c.relname,
             CASE WHEN n.nspname = 'public' THEN quote_ident(c.relname)
                  ELSE quote_ident(n.nspname) || '.' || quote_ident(c.relname) END,
             c.relkind::text, c.relispartition, has_table_privilege(c.oid, 'SELECT')
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                        AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname""";

  private TableSelection() {}

  /** The tables to profile; {@code notes} receives what was left out and why. */
  static List<Candidate> choose(SourceDatabase db, List<String> requested, String user, List<String> notes) {
    List<Candidate> all = db.query(CANDIDATES, rs -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5).charAt(0), rs.getBoolean(6), rs.getBoolean(7)));
    List<Candidate> chosen = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      chosen.addAll(all);
    } else {
      Set<String> missing = new LinkedHashSet<>();
      for (String name : requested) {
        all.stream().filter(c -> c.name().equals(name) || c.relname().equals(name)
            || (c.schema() + "." + c.relname()).equals(name)).findFirst()
            .ifPresentOrElse(chosen::add, () -> missing.add(name));
      }
      if (!missing.isEmpty()) {
        throw new BadInputException(db.where() + ": --tables names " + String.join(", ", missing)
            + ", not an ordinary table of this database\n  fix: use names from: "
            + String.join(", ", all.stream().map(Candidate::name).limit(40).toList()));
      }
    }
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : chosen) {
      if (c.relkind() == 'p' || c.partition()) {
        notes.add("partitioning: " + c.name() + (c.partition() ? " is a partition" : " is partitioned")
            + "; left out (declare partitions by hand)");
      } else {
        kept.add(c);
      }
    }
    if (kept.isEmpty()) {
      throw new BadInputException(db.where() + ": no table to profile (no ordinary table in a non-system schema"
          + (requested == null || requested.isEmpty() ? "" : " among --tables") + ")\n"
          + "  fix: point the URL at the application's database (its path is the database name), or name tables "
          + "with --tables");
    }
    List<String> denied = kept.stream().filter(c -> !c.canSelect()).map(Candidate::name).toList();
    if (!denied.isEmpty()) {
      throw new BadInputException(db.where() + ": role " + user + " may not SELECT " + String.join(", ", denied)
          + " (pg_stats shows no statistics of a table its reader cannot SELECT); nothing was written\n"
          + "  fix: GRANT SELECT ON " + String.join(", ", denied) + " TO " + user
          + "; (or leave them out with --tables; profile reads statistics only, never rows)");
    }
    return kept;
  }
}
