package dev.rehearsal.harness.profile;

import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.ExternalProvider;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.harness.provision.ScratchDatabase;
import dev.rehearsal.load.DatabaseTarget;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The profiled database, opened read-only: the session sets {@code default_transaction_read_only =
 * on} before anything else (so a bug here cannot write), a UTC ISO date style (statistics render
 * as parseable text) and a statement timeout. Nothing here writes, and nothing runs ANALYZE.
 */
final class SourceDatabase implements AutoCloseable {

  static final String APPLICATION_NAME = "rehearsal-profile";

  private final Connection connection;
  private final String where;

  private SourceDatabase(Connection connection, String where) {
    this.connection = connection;
    this.where = where;
  }

  /** Connects to {@code jdbcUrl}; a server that cannot be reached or refuses us is bad input (exit 2). */
  static SourceDatabase open(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new dev.rehearsal.harness.BadInputException(JdbcUrls.redact(jdbcUrl) + ": not a PostgreSQL JDBC URL\n"
          + "  fix: jdbc:postgresql://HOST[:PORT]/DATABASE?user=NAME, the password in PGPASSWORD or ~/.pgpass");
    }
    DatabaseTarget target = new ExternalProvider(jdbcUrl).start(java.util.Map.of()).adminTarget();
    Connection c;
    try {
      c = ScratchDatabase.connect(target, APPLICATION_NAME);
    } catch (SQLException e) {
      throw ScratchDatabase.connectionFailure(target, e);
    }
    try (Statement st = c.createStatement()) {
      st.execute("SET default_transaction_read_only = on");
      st.execute("SET TimeZone = 'UTC'");
      st.execute("SET DateStyle = 'ISO, YMD'");
      st.execute("SET extra_float_digits = 0");
      st.execute("SET statement_timeout = '60s'");
      c.setAutoCommit(true);
      c.setReadOnly(true);
    } catch (SQLException e) {
      close(c);
      throw new InfrastructureException(JdbcUrls.redact(jdbcUrl) + ": could not set up a read-only session: "
          + e.getMessage(), e);
    }
    return new SourceDatabase(c, JdbcUrls.redact(target.jdbcUrl()));
  }

  String where() {
    return where;
  }

  Connection connection() {
    return connection;
  }

  /** The rows of {@code sql} with {@code args}, each row mapped by {@code mapper}. */
  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new InfrastructureException(where + ": reading the catalog failed: " + e.getMessage()
          + "\n  query: " + sql.strip().replaceAll("\\s+", " "), e);
    }
  }

  /** The first column of the single row of {@code sql}. */
  <T> T scalar(String sql, Class<T> type, Object... args) {
    List<T> rows = query(sql, rs -> rs.getObject(1, type), args);
    return rows.isEmpty() ? null : rows.get(0);
  }

  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  @Override
  public void close() {
    close(connection);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing a read-only session: nothing to lose
    }
  }
}
