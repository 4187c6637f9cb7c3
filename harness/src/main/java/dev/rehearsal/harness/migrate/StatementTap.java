package dev.rehearsal.harness.migrate;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sees every statement a migration tool (Flyway, Liquibase) sends, on the connections it opens
 * itself, without changing what it sends: the tool keeps its own parser, placeholders,
 * transactions and history table, and the harness times each statement as it goes by. The tap
 * adds no round trip: it is a JDBC proxy that calls the listener before and after each call it
 * passes through.
 */
final class StatementTap {

  /** Told about each statement and transaction boundary, on the tool's thread. */
  interface Listener {

    /**
     * @param prepared sent as a prepared statement: tools use those for their own bookkeeping,
     *     and plain statements for the migration's SQL
     */
    void beforeStatement(Connection connection, String sql, boolean prepared);

    /** @param updateCount rows affected, or -1 when the statement returned rows or counts none */
    void afterStatement(Connection connection, String sql, boolean prepared, long updateCount, SQLException failure);

    /** The tool turned autocommit off: a transaction begins with the next statement. */
    void transactionBegins(Connection connection);

    /** About to COMMIT or ROLLBACK. */
    void transactionEnding(Connection connection);

    /** After COMMIT or ROLLBACK returned (or failed). */
    void transactionEnded(Connection connection, boolean committed);
  }

  private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
      "executeLargeUpdate", "executeBatch", "executeLargeBatch");

  private StatementTap() {}

  /** A data source whose connections are tapped. */
  static DataSource wrap(DataSource dataSource, Listener listener) {
    return new TappedDataSource(dataSource, listener);
  }

  static Connection wrap(Connection connection, Listener listener) {
    return (Connection) Proxy.newProxyInstance(StatementTap.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new ConnectionHandler(connection, listener));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final class ConnectionHandler implements InvocationHandler {

    private final Connection real;
    private final Listener listener;
    private Connection proxy;

    ConnectionHandler(Connection real, Listener listener) {
      this.real = real;
      this.listener = listener;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      proxy = (Connection) self;
      switch (method.getName()) {
        case "createStatement" -> {
          return statement(StatementTap.invoke(real, method, args), Statement.class, null);
        }
        case "prepareStatement" -> {
          return statement(StatementTap.invoke(real, method, args), PreparedStatement.class, (String) args[0]);
        }
        case "prepareCall" -> {
          return statement(StatementTap.invoke(real, method, args), CallableStatement.class, (String) args[0]);
        }
        case "setAutoCommit" -> {
          boolean was = real.getAutoCommit();
          boolean on = (Boolean) args[0];
          if (!was && on) { // JDBC commits the open transaction
            return ending(method, args, true);
          }
          Object result = StatementTap.invoke(real, method, args);
          if (was && !on) {
            listener.transactionBegins(real);
          }
          return result;
        }
        case "commit", "rollback" -> {
          if (args != null && args.length > 0) { // rollback to a savepoint: the transaction goes on
            return StatementTap.invoke(real, method, args);
          }
          Object result = ending(method, args, method.getName().equals("commit"));
          if (!real.getAutoCommit()) { // still off: the next statement opens a transaction (Liquibase's way)
            listener.transactionBegins(real);
          }
          return result;
        }
        default -> {
          return StatementTap.invoke(real, method, args);
        }
      }
    }

    /** A call that ends the open transaction, COMMIT or ROLLBACK, told before and after. */
    private Object ending(Method method, Object[] args, boolean commits) throws Throwable {
      listener.transactionEnding(real);
      boolean ended = false;
      try {
        Object result = StatementTap.invoke(real, method, args);
        ended = commits;
        return result;
      } finally {
        listener.transactionEnded(real, ended);
      }
    }

    private Object statement(Object real, Class<?> type, String sql) {
      return Proxy.newProxyInstance(StatementTap.class.getClassLoader(), new Class<?>[] {type},
          new StatementHandler(real, sql, this));
    }
  }

  private static final class StatementHandler implements InvocationHandler {

    private final Object real;
    private final String preparedSql;
    private final ConnectionHandler connection;
    private final StringBuilder batch = new StringBuilder();

    StatementHandler(Object real, String preparedSql, ConnectionHandler connection) {
      this.real = real;
      this.preparedSql = preparedSql;
      this.connection = connection;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("getConnection")) {
        return connection.proxy;
      }
      if (name.equals("addBatch") && args != null && args.length == 1 && args[0] instanceof String sql) {
        batch.append(batch.isEmpty() ? "" : ";\n").append(sql);
      }
      if (!EXECUTING.contains(name)) {
        return StatementTap.invoke(real, method, args);
      }
      boolean prepared = preparedSql != null;
      String sql = args != null && args.length > 0 && args[0] instanceof String text ? text
          : prepared ? preparedSql : batch.toString();
      Listener listener = connection.listener;
      listener.beforeStatement(connection.real, sql, prepared);
      Object result;
      try {
        result = StatementTap.invoke(real, method, args);
      } catch (SQLException e) {
        listener.afterStatement(connection.real, sql, prepared, -1, e);
        throw e;
      }
      listener.afterStatement(connection.real, sql, prepared, updateCount(name, result), null);
      if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        batch.setLength(0);
      }
      return result;
    }

    /** What the call says about rows affected, without another call on the statement. */
    private long updateCount(String method, Object result) throws SQLException {
      if (result instanceof Integer n) {
        return n;
      } else if (result instanceof Long n) {
        return n;
      } else if (method.equals("execute") && Boolean.FALSE.equals(result)) {
        return ((Statement) real).getUpdateCount(); // answered by the driver from the reply already read
      }
      return -1;
    }
  }

  /** Hands out tapped connections; everything else as the data source does. */
  private record TappedDataSource(DataSource real, Listener listener) implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      return wrap(real.getConnection(), listener);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return wrap(real.getConnection(user, password), listener);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return real.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return real.isWrapperFor(type);
    }
  }
}
