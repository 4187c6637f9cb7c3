package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.load.DatabaseTarget;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A hot standby streaming from an embedded primary on this machine, the way a replica in
 * production follows its primary: a base backup taken with the server's own low-level backup API
 * ({@code pg_backup_start} / {@code pg_backup_stop}) while the primary runs, a physical
 * replication slot so that no WAL it needs is recycled, {@code standby.signal} and
 * {@code primary_conninfo}, then the same binaries started on the copy. The embedded bundle has no
 * {@code pg_basebackup}; the walreceiver is in the server binary. The standby carries the
 * harness's {@code cluster_name}, so {@link LeftoverServers} stops it too when a killed rehearsal
 * left it running. Closing stops it, drops the slot and deletes the copy.
 */
public final class EmbeddedStandby implements AutoCloseable {

  /** The standby's name in the primary's {@code pg_stat_replication.application_name}. */
  public static final String APPLICATION_NAME = Standbys.APPLICATION_NAME;

  /** The standby's data directory in the temporary directory: this prefix and digits (LeftoverServers removes it). */
  static final String DIRECTORY_PREFIX = "rehearsal-standby-";

  /** The standby server's own output, in its data directory (quoted when it fails to start). */
  static final String LOG = "standby.log";

  /** What a base backup leaves out (PostgreSQL's "Making a Base Backup Using the Low Level API"). */
  private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
      "standby.signal", "recovery.signal", "backup_label", "tablespace_map");
  private static final Set<String> COPIED_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
      "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

  private final EmbeddedPostgres standby;
  private final Path dataDirectory;
  private final DatabaseTarget primaryAdmin;

  private EmbeddedStandby(EmbeddedPostgres standby, Path dataDirectory, DatabaseTarget primaryAdmin) {
    this.standby = standby;
    this.dataDirectory = dataDirectory;
    this.primaryAdmin = primaryAdmin;
  }

  /**
   * Starts a standby of the embedded server {@code primaryAdmin} points at (a superuser on its
   * {@code postgres} database).
   *
   * @param settings the primary's settings: a standby needs at least its {@code max_connections}
   * @param applyDelay {@code recovery_min_apply_delay}, to model a replica that falls behind; zero for none
   */
  public static EmbeddedStandby start(int majorVersion, DatabaseTarget primaryAdmin, int primaryPort,
      Map<String, String> settings, Duration applyDelay) {
    Path copy;
    try {
      copy = Files.createTempDirectory(DIRECTORY_PREFIX);
    } catch (IOException e) {
      throw new InfrastructureException("could not create the standby's data directory: " + e.getMessage(), e);
    }
    try {
      baseBackup(primaryAdmin, copy);
      Files.writeString(copy.resolve("standby.signal"), "", StandardCharsets.UTF_8);
      // in the configuration file, not on pg_ctl's command line, which cannot carry a value with spaces
      Files.writeString(copy.resolve("postgresql.auto.conf"), "\n# the rehearsal's standby\n"
          + "primary_conninfo = 'host=localhost port=" + primaryPort + " user=" + primaryAdmin.user()
          + " application_name=" + APPLICATION_NAME + "'\n"
          + "primary_slot_name = '" + Standbys.SLOT + "'\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      PgBinaryResolver resolver = EmbeddedBinaries.forMajor(majorVersion);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setPGStartupWait(Duration.ofSeconds(30))
          .setRegisterShutdownHook(false)
          .setDataDirectory(copy)
          .setCleanDataDirectory(false)
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(copy.resolve(LOG).toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(copy.resolve(LOG).toFile()));
      if (resolver != null) {
        builder.setPgBinaryResolver(resolver);
      }
      Map<String, String> config = Standbys.settings(settings, applyDelay);
      config.put("cluster_name", LeftoverServers.CLUSTER_NAME);
      config.forEach(builder::setServerConfig);
      return new EmbeddedStandby(builder.start(), copy, primaryAdmin);
    } catch (IOException | SQLException | RuntimeException e) {
      String log = lastLines(copy.resolve(LOG), 8);
      Standbys.dropSlot(primaryAdmin);
      deleteTree(copy);
      throw new InfrastructureException("the standby did not start: " + e.getMessage()
          + (log.isEmpty() ? "" : "\n  its log ends:\n" + log), e);
    }
  }

  /** A connection target on the standby (read only: it is in recovery). */
  public DatabaseTarget target(String database) {
    return new DatabaseTarget("jdbc:postgresql://localhost:" + standby.getPort() + "/" + database, "postgres", null);
  }

  /**
   * Copies the primary's data directory while it runs, between pg_backup_start and
   * pg_backup_stop on one session, and writes the backup_label the stop returns; the WAL from the
   * backup's start on is kept by the slot and streamed when the standby starts.
   */
  private static void baseBackup(DatabaseTarget primaryAdmin, Path copy) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(primaryAdmin.jdbcUrl(), primaryAdmin.user(),
        primaryAdmin.password()); Statement st = c.createStatement()) {
      Path source;
      try (ResultSet rs = st.executeQuery("SHOW data_directory")) {
        rs.next();
        source = Path.of(rs.getString(1));
      }
      Standbys.createSlot(st);
      st.execute("SELECT pg_backup_start('rehearsal-standby', true)");
      copyDataDirectory(source, copy);
      try (ResultSet rs = st.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
        rs.next();
        Files.writeString(copy.resolve("backup_label"), rs.getString(1), StandardCharsets.UTF_8);
        String spcmap = rs.getString(2);
        if (spcmap != null && !spcmap.isEmpty()) {
          Files.writeString(copy.resolve("tablespace_map"), spcmap, StandardCharsets.UTF_8);
        }
      }
    }
  }

  private static void copyDataDirectory(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path to = target.resolve(source.relativize(dir).toString());
        Files.createDirectories(to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
        boolean emptied = !dir.equals(source) && dir.getParent().equals(source)
            && COPIED_EMPTY.contains(dir.getFileName().toString());
        if (emptied) {
          if (dir.getFileName().toString().equals("pg_wal")) {
            Files.createDirectories(to.resolve("archive_status"));
          }
          return FileVisitResult.SKIP_SUBTREE;
        }
        return dir.getFileName().toString().equals("pgsql_tmp") ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        boolean top = file.getParent().equals(source);
        if (!(top && NOT_COPIED.contains(file.getFileName().toString()))) {
          try {
            Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
          } catch (java.nio.file.NoSuchFileException gone) {
            // a file the running server removed while it was copied: the WAL replayed from the
            // backup's start recreates what matters, as with any base backup
          }
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof java.nio.file.NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
  }

  @Override
  public void close() {
    try {
      standby.close();
    } catch (IOException e) {
      throw new InfrastructureException("the standby did not stop cleanly: " + e.getMessage(), e);
    } finally {
      Standbys.dropSlot(primaryAdmin);
      deleteTree(dataDirectory);
    }
  }

  private static String lastLines(Path file, int lines) {
    try {
      java.util.List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()).stream()
          .map(l -> "    " + l).toList());
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: left for the system to clean
    }
  }
}
