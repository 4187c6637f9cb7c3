package dev.rehearsal.harness.seed;

import dev.rehearsal.load.ApplicationNames;
import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.harness.seed.catalog.SchemaCatalog;
import dev.rehearsal.harness.seed.catalog.TableColumn;
import dev.rehearsal.harness.seed.generate.GeneratorFactory;
import dev.rehearsal.harness.seed.generate.GeneratorFactory.TablePlan;
import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.DatasetSpec;
import dev.rehearsal.scenario.TableSpec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Seeds a dataset into a database whose schema already exists, the way pg_restore restores one:
 * check everything first (generators against column types, uniqueness, foreign keys, disk
 * space), set indexes and constraints aside, load the data through parallel binary COPY, VACUUM
 * (FREEZE, ANALYZE) so the tables look settled like production's (visibility map set, statistics
 * present), then build the indexes side by side and restore the constraints. Vacuuming before the
 * index builds lets them read frozen, hinted tuples: ~10% faster on the pgbench dataset.
 */
public final class Seeder {

  private final DatabaseTarget target;
  private final long seed;
  private final int streams;
  private final SeedProgress progress;
  private int copies = 1;

  /**
   * @param streams COPY sessions per table; {@link #defaultStreams()} suits most machines
   */
  public Seeder(DatabaseTarget target, long seed, int streams, SeedProgress progress) {
    this.target = target;
    this.seed = seed;
    this.streams = Math.max(1, streams);
    this.progress = progress;
  }

  /**
   * One COPY FREEZE session per table, fed by one encoder thread per core: on a few cores the
   * server's one COPY backend keeps pace with the encoders (the data phase as fast as three
   * parallel sessions on 2 cores), and the rows go in frozen and all-visible, so the VACUUM
   * (FREEZE) that parallel sessions need afterwards — a second pass over every page — has
   * nothing to do. Several sessions remain a choice ({@code --streams N}) for a server with
   * many cores to spare.
   */
  public static int defaultStreams() {
    return 1;
  }

  /**
   * How many databases will hold this data at once on the server's disk, for the disk check before
   * loading: 2 when it seeds a seed-cache template that a rehearsal then runs on a clone of.
   */
  public Seeder copies(int databases) {
    this.copies = Math.max(1, databases);
    return this;
  }

  public SeedResult seed(DatasetSpec dataset) {
    long startNanos = System.nanoTime();
    Map<String, TablePlan> plans;
    Map<String, Long> oids;
    DeferredConstraints deferred;
    GeneratorFactory factory;
    List<TableSpec> order;
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.SEED)) {
      oids = SchemaCatalog.tableOids(c, dataset.tables().stream().map(TableSpec::name).toList());
      plans = new LinkedHashMap<>();
      Map<String, Set<String>> parents = new HashMap<>();
      for (TableSpec table : dataset.tables()) {
        List<TableColumn> columns = SchemaCatalog.columns(c, table.name(), oids);
        checkDeclaredColumns(table, columns);
        plans.put(table.name(), new TablePlan(table, columns, SchemaCatalog.compositeKeys(c, table.name())));
        Set<String> p = new LinkedHashSet<>(LoadOrder.declaredParents(table));
        columns.stream().filter(col -> col.references() != null && col.references().seeded())
            .forEach(col -> p.add(col.references().table()));
        parents.put(table.name(), p);
      }
      factory = new GeneratorFactory(seed, plans);
      order = LoadOrder.of(dataset.tables(), parents);
      for (TableSpec table : order) {
        factory.forTable(table.name()); // every generator checked before any row is loaded
      }
      deferred = DeferredConstraints.capture(c, oids.values());
      checkDisk(c, factory, order, deferred);
      c.setAutoCommit(false);
      deferred.drop(c);
      c.commit();
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(target, e);
    }

    TableLoader loader = new TableLoader(target, factory, streams, progress);
    List<SeedResult.SeededTable> tables = new ArrayList<>();
    String synchronousCommit = null;
    long dataStart = System.nanoTime();
    for (TableSpec table : order) {
      TableLoader.Loaded loaded = loader.load(table.name(), table.rows());
      synchronousCommit = loaded.synchronousCommit();
      tables.add(new SeedResult.SeededTable(table.name(), table.rows(), loaded.millis(),
          loaded.format().name().toLowerCase(Locale.ROOT), Fingerprint.hex(loaded.checksum())));
    }
    long dataMillis = millisSince(dataStart);

    int sessions = Math.max(2, Runtime.getRuntime().availableProcessors());
    long vacuumStart = System.nanoTime();
    // The loading sessions committed asynchronously; until those commit records are flushed,
    // VACUUM may not set hint bits and leaves pages not all-visible. One synchronous commit
    // flushes the WAL up to here (synchronous in this session whatever the server's default).
    List<String> vacuums = new ArrayList<>(List.of("SELECT txid_current()"));
    order.forEach(t -> vacuums.add("VACUUM (FREEZE, ANALYZE) " + t.name()));
    runRestoring(() -> ParallelSql.run(target, vacuums.subList(0, 1), 1, List.of("SET synchronous_commit = on")));
    runRestoring(() -> ParallelSql.run(target, vacuums.subList(1, vacuums.size()), sessions, List.of()));
    long vacuumMillis = millisSince(vacuumStart);
    progress.say(String.format(Locale.ROOT, "  vacuumed and analyzed in %.1f s", vacuumMillis / 1000.0));

    long indexStart = System.nanoTime();
    List<String> indexSettings = indexSessionSettings();
    if (!deferred.indexBuilds().isEmpty()) {
      progress.say(String.format(Locale.ROOT, "  building %d index(es), up to %d side by side",
          deferred.indexBuilds().size(), Math.min(sessions, deferred.indexBuilds().size())));
    }
    long indexMillis;
    long constraintStart;
    try (IndexBuildProgress watch = deferred.isEmpty() ? null : IndexBuildProgress.start(target, progress)) {
      runRestoring(() -> ParallelSql.run(target, deferred.indexBuilds(), sessions, indexSettings));
      indexMillis = millisSince(indexStart);
      constraintStart = System.nanoTime();
      runRestoring(() -> ParallelSql.run(target, deferred.constraintsOnIndexes(), 1, indexSettings));
    }
    runRestoring(() -> ParallelSql.run(target, deferred.foreignKeys(), 1, indexSettings));
    advanceSequences(plans);
    long constraintMillis = millisSince(constraintStart);
    if (indexMillis + constraintMillis > 0 && !deferred.isEmpty()) {
      progress.say(String.format(Locale.ROOT, "  indexes in %.1f s, constraints in %.1f s",
          indexMillis / 1000.0, constraintMillis / 1000.0));
    }

    String fingerprint = fingerprint(tables);
    List<String> settings = new ArrayList<>(TableLoader.SESSION_SETTINGS);
    settings.addAll(indexSettings);
    return new SeedResult(List.copyOf(tables), dataMillis, indexMillis, constraintMillis, vacuumMillis,
        millisSince(startNanos), fingerprint, List.copyOf(settings), synchronousCommit);
  }

  /**
   * Sort memory and parallel workers for index builds, in these sessions only. 64 MB, not more:
   * a text index sorted under a libc collation compares full strings (no abbreviated keys), and
   * sorts runs that fit the CPU's cache, then merges them, faster than it sorts everything in
   * memory at once. Measured on 2 cores (32 MiB L3), the unique email index of 10M demo users,
   * one worker, twice each: 16 MB 31.7/32.7 s, 32 MB 30.4/37.0 s, 64 MB 19.6/22.8 s, 128 MB
   * 24.2/25.7 s, 512 MB 24.6 s; both users indexes side by side, 64 MB 20.6/25.3 s against
   * 512 MB 30.6/35.4 s (benchmarks/README.md, "Index builds").
   */
  static List<String> indexSessionSettings() {
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return List.of("SET maintenance_work_mem = '" + INDEX_SORT_MEMORY + "'",
        "SET max_parallel_maintenance_workers = " + workers);
  }

  static final String INDEX_SORT_MEMORY = "64MB";

  private void checkDeclaredColumns(TableSpec table, List<TableColumn> columns) {
    for (String declared : table.columns().keySet()) {
      if (columns.stream().noneMatch(c -> c.name().equals(declared))) {
        throw new BadInputException("dataset table " + table.name() + " declares column " + declared
            + ", which the schema does not have\n  fix: columns of " + table.name() + " are "
            + String.join(", ", columns.stream().map(TableColumn::name).toList()));
      }
    }
  }

  private void checkDisk(Connection c, GeneratorFactory factory, List<TableSpec> order, DeferredConstraints deferred) {
    Optional<Path> dataDirectory = DiskSpace.localDataDirectory(c);
    if (dataDirectory.isEmpty()) {
      return;
    }
    long needed = 0;
    for (TableSpec table : order) {
      String unqualified = table.name().contains(".") ? table.name().substring(table.name().lastIndexOf('.') + 1) : table.name();
      int indexes = (int) deferred.indexBuilds().stream()
          .filter(sql -> sql.contains(" ON " + unqualified + " ") || sql.contains("." + unqualified + " ")).count();
      needed += DiskSpace.estimateBytes(factory, table.name(), table.rows(), indexes, copies);
    }
    DiskSpace.check(needed, dataDirectory.get());
  }

  private static void runRestoring(Runnable step) {
    try {
      step.run();
    } catch (ParallelSql.StatementFailure f) {
      SQLException e = f.sqlException();
      if ("23505".equals(e.getSQLState())) {
        throw new BadInputException("restoring a unique index after loading failed: " + e.getMessage()
            + "\n  statement: " + f.sql + "\n  fix: the seeder keeps unique columns and composite keys unique (docs/"
            + "datasets.md); a unique index on expressions or a partial one it does not: give one of its columns a"
            + " unique generator (sequence, uuid, email)", e);
      }
      if ("23503".equals(e.getSQLState())) {
        throw new BadInputException("restoring a foreign key after loading failed: " + e.getMessage()
            + "\n  statement: " + f.sql + "\n  fix: give the column {generator: reference, table: <parent>} "
            + "or leave it without a generator so it references the parent automatically", e);
      }
      throw TableLoader.failure("the dataset", e);
    }
  }

  /** serial/identity columns would otherwise hand out ids the seed already used. */
  private void advanceSequences(Map<String, TablePlan> plans) {
    try (Connection c = ScratchDatabase.connect(target, ApplicationNames.SEED)) {
      for (TablePlan plan : plans.values()) {
        for (TableColumn column : plan.columns()) {
          if (!column.hasSequenceDefault()) {
            continue;
          }
          try (PreparedStatement ps = c.prepareStatement(
              "SELECT setval(pg_get_serial_sequence(?, ?), (SELECT coalesce(max("
                  + TableLoader.quoteIdent(column.name()) + "), 0) + 1 FROM " + plan.spec().name() + "), false)")) {
            ps.setString(1, plan.spec().name());
            ps.setString(2, column.name());
            ps.execute();
          }
        }
      }
    } catch (SQLException e) {
      throw new InfrastructureException("could not advance the sequences of the seeded tables: " + e.getMessage(), e);
    }
  }

  private static String fingerprint(List<SeedResult.SeededTable> tables) {
    long h = 0;
    for (SeedResult.SeededTable t : tables) {
      h = Fingerprint.chunkHash(h ^ t.name().hashCode() ^ Long.parseUnsignedLong(t.checksum(), 16), t.rows());
    }
    return Fingerprint.hex(h);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

}
