package dev.rehearsal.harness.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearsal.scenario.DatasetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Seeded databases kept across runs of the embedded provider, so a nightly rehearsal does not
 * seed unchanged data again. The cache is one PostgreSQL data directory per major version
 * ({@code <root>/pg<N>/data}) holding template databases named {@code rehearsal_tpl_<key>}; the
 * key covers everything the data depends on — schema DDL, dataset, seed, exact server version
 * and the seeder's own format — and {@code templates.json} records the completed ones (a template
 * database not listed there was interrupted while seeding and is dropped). At most
 * {@value #MAX_TEMPLATES} templates are kept, least recently used evicted first.
 */
public final class SeedCache {

  public static final int MAX_TEMPLATES = 3;

  /** Bump when generated values or their encoding change, so old templates are not reused. */
  static final String FORMAT = "seeder-2";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path directory;

  /** A completed template: its database, and the seed result recorded when it was made. */
  public record Entry(String key, String template, long createdAtMillis, long lastUsedAtMillis, SeedResult seed) {}

  record Index(List<Entry> templates) {}

  public SeedCache(Path root, int majorVersion) {
    this.directory = root.resolve("pg" + majorVersion);
  }

  /** Environment variable naming the cache's root directory. */
  public static final String DIR_ENV = "REHEARSAL_CACHE_DIR";

  /** {@code $REHEARSAL_CACHE_DIR}, else {@code ~/.cache/rehearsal}. */
  public static Path defaultRoot() {
    String env = System.getenv(DIR_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "rehearsal");
  }

  public Path dataDirectory() {
    return directory.resolve("data");
  }

  public static String key(String schemaDdl, DatasetSpec dataset, long seed, String serverVersion) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(FORMAT, schemaDdl, JSON.writeValueAsString(dataset), Long.toString(seed), serverVersion)) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException("cannot compute the seed cache key", e);
    }
  }

  public static String templateName(String key) {
    return "rehearsal_tpl_" + key;
  }

  /** The completed template for {@code key}, if its database still exists; marks it used. */
  public synchronized Optional<Entry> lookup(Connection admin, String key) throws SQLException, IOException {
    List<Entry> entries = new ArrayList<>(read().templates());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.key().equals(key) && databaseExists(admin, e.template())) {
        Entry used = new Entry(e.key(), e.template(), e.createdAtMillis(), System.currentTimeMillis(), e.seed());
        entries.set(i, used);
        write(new Index(entries));
        return Optional.of(used);
      }
    }
    return Optional.empty();
  }

  /** Records a completed template, then drops templates beyond the limit and any interrupted ones. */
  public synchronized void store(Connection admin, String key, String template, SeedResult seed)
      throws SQLException, IOException {
    List<Entry> entries = new ArrayList<>(read().templates());
    entries.removeIf(e -> e.key().equals(key));
    long now = System.currentTimeMillis();
    entries.add(new Entry(key, template, now, now, seed));
    entries.sort(Comparator.comparingLong(Entry::lastUsedAtMillis).reversed());
    List<Entry> kept = new ArrayList<>(entries.subList(0, Math.min(MAX_TEMPLATES, entries.size())));
    write(new Index(kept));
    dropUnlisted(admin, kept);
  }

  /**
   * Drops every rehearsal database in the cache's cluster that is not a listed template: the
   * clones and half-seeded templates of runs that were killed. The cluster is the cache's own,
   * so nothing else lives there.
   */
  public synchronized void dropUnlisted(Connection admin) throws SQLException, IOException {
    dropUnlisted(admin, read().templates());
  }

  private static void dropUnlisted(Connection admin, List<Entry> kept) throws SQLException {
    List<String> keep = kept.stream().map(Entry::template).toList();
    List<String> drop = new ArrayList<>();
    try (Statement st = admin.createStatement();
        ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal\\_%'")) {
      while (rs.next()) {
        if (!keep.contains(rs.getString(1))) {
          drop.add(rs.getString(1));
        }
      }
    }
    try (Statement st = admin.createStatement()) {
      for (String db : drop) {
        st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  private static boolean databaseExists(Connection admin, String name) throws SQLException {
    try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private Index read() throws IOException {
    Path file = directory.resolve("templates.json");
    if (!Files.exists(file)) {
      return new Index(List.of());
    }
    try {
      Index index = JSON.readValue(file.toFile(), Index.class);
      return index.templates() == null ? new Index(List.of()) : index;
    } catch (IOException e) {
      return new Index(List.of()); // unreadable: start over; unlisted templates get dropped
    }
  }

  private void write(Index index) throws IOException {
    Files.createDirectories(directory);
    Path tmp = directory.resolve("templates.json.tmp");
    JSON.writeValue(tmp.toFile(), index);
    Files.move(tmp, directory.resolve("templates.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
