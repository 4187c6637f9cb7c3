package dev.rehearsal.harness.migrate;

import dev.rehearsal.scenario.Placeholders;
import java.util.List;

/** What a migration statement is, as far as transactions are concerned, read from its words. */
final class StatementKinds {

  private StatementKinds() {}

  static boolean begins(String sql) {
    List<String> w = Placeholders.words(sql);
    return first(w, "begin") || (first(w, "start") && at(w, 1, "transaction"));
  }

  static boolean commits(String sql) {
    List<String> w = Placeholders.words(sql);
    // COMMIT PREPARED 'gid' finishes a two-phase transaction from outside it: not a block's end
    return w.size() <= 2 && (first(w, "commit") || first(w, "end")) && !w.contains("prepared");
  }

  static boolean rollsBack(String sql) {
    List<String> w = Placeholders.words(sql);
    // ROLLBACK TO SAVEPOINT stays inside the transaction
    return (first(w, "rollback") && !w.contains("to") && !w.contains("prepared")) || first(w, "abort");
  }

  /**
   * Statements PostgreSQL refuses inside a transaction block ("cannot run inside a transaction
   * block"): they must be sent on their own in autocommit.
   */
  static boolean refusesTransactionBlock(String sql) {
    List<String> w = Placeholders.words(sql);
    if (w.isEmpty()) {
      return false;
    }
    String verb = w.get(0);
    return switch (verb) {
      case "vacuum" -> true;
      case "create", "drop" -> (w.contains("index") && w.contains("concurrently"))
          || at(w, 1, "database") || at(w, 1, "tablespace")
          || (at(w, 1, "subscription") && verb.equals("create"));
      // the object type may follow an option list: REINDEX (VERBOSE) DATABASE app
      case "reindex" -> w.contains("concurrently") || w.contains("system") || w.contains("database")
          || w.contains("schema");
      case "alter" -> at(w, 1, "system") || (at(w, 1, "table") && w.contains("detach") && w.contains("concurrently"));
      case "commit", "rollback" -> w.contains("prepared");
      case "cluster" -> w.size() == 1 || (w.size() == 2 && w.get(1).equals("verbose"));
      default -> false;
    };
  }

  private static boolean first(List<String> words, String word) {
    return at(words, 0, word);
  }

  private static boolean at(List<String> words, int index, String word) {
    return words.size() > index && words.get(index).equals(word);
  }
}
