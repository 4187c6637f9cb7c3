package dev.rehearsal.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs one statement and reads its whole result, as an application would. */
final class Statements {

  private Statements() {}

  static void run(Connection connection, String sql, Object[] params) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      drain(ps, ps.execute());
    }
  }

  /** Reads every result of an executed statement. */
  static void drain(Statement st, boolean firstIsResultSet) throws SQLException {
    boolean hasResult = firstIsResultSet;
    while (true) {
      if (hasResult) {
        try (ResultSet rs = st.getResultSet()) {
          while (rs.next()) {
            // the application reads every row; so do we, so that the transfer time counts
          }
        }
      } else if (st.getUpdateCount() == -1) {
        break;
      }
      hasResult = st.getMoreResults();
    }
  }
}
