package dev.rehearsal.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrittenColumnsTest {

  static WrittenColumns of(String... sql) {
    return WrittenColumns.of(List.of(sql));
  }

  @Test
  void updateSetsOnlyTheColumnsItAssigns() {
    WrittenColumns w = of("UPDATE accounts SET balance = balance + ?, updated_at = now() WHERE id = ?");
    assertThat(w.columnMayChange("accounts", "balance")).isTrue();
    assertThat(w.columnMayChange("accounts", "updated_at")).isTrue();
    assertThat(w.columnMayChange("accounts", "id")).isFalse();
    assertThat(w.columnMayChange("accounts", "owner")).isFalse();
    assertThat(w.rowCountMayChange("accounts")).isFalse();
    assertThat(w.columnMayChange("other", "balance")).isFalse();
  }

  @Test
  void aliasOnlyStarAndSchemaPrefixesAreUnderstood() {
    WrittenColumns w = of(
        "UPDATE public.users AS u SET email = lower(u.email) FROM orgs o WHERE o.id = u.org_id",
        "update only audit.events e set seen = true",
        "UPDATE items * SET price = 0",
        "UPDATE app.public.things t SET x = 1");
    assertThat(w.columnMayChange("users", "email")).isTrue();
    assertThat(w.columnMayChange("users", "org_id")).isFalse();
    assertThat(w.columnMayChange("orgs", "id")).isFalse();
    assertThat(w.columnMayChange("events", "seen")).isTrue();
    assertThat(w.columnMayChange("items", "price")).isTrue();
    assertThat(w.columnMayChange("things", "x")).isTrue();
    assertThat(w.columnMayChange("public", "email")).isFalse();
  }

  @Test
  void multiColumnSetRowAndSubselectForms() {
    WrittenColumns w = of(
        "UPDATE t SET (a, b) = (1, 2), c = 3",
        "UPDATE u SET (x, y) = ROW(1, 2) WHERE z = 0",
        "UPDATE v SET (p, q) = (SELECT p, q FROM w WHERE w.id = v.id), r = DEFAULT");
    assertThat(List.of("a", "b", "c")).allMatch(c -> w.columnMayChange("t", c));
    assertThat(w.columnMayChange("u", "x")).isTrue();
    assertThat(w.columnMayChange("u", "y")).isTrue();
    assertThat(w.columnMayChange("u", "z")).isFalse();
    assertThat(List.of("p", "q", "r")).allMatch(c -> w.columnMayChange("v", c));
    assertThat(w.columnMayChange("w", "p")).isFalse();
  }

  @Test
  void commasAndClauseWordsInsideExpressionsDoNotEndTheSetList() {
    WrittenColumns w = of("""
        UPDATE t SET a = coalesce(b, 0), c = CASE WHEN d > 1 THEN 'x, y' ELSE e END,
          f = ARRAY[1, 2], g = extract(year FROM h), k = m IS DISTINCT FROM n, tags[2] = 'x',
          pos.x = 1
        WHERE id IN (1, 2) RETURNING o""");
    assertThat(List.of("a", "c", "f", "g", "k", "tags", "pos")).allMatch(c -> w.columnMayChange("t", c));
    assertThat(List.of("b", "d", "e", "h", "m", "n", "id", "o", "x")).noneMatch(c -> w.columnMayChange("t", c));
  }

  @Test
  void identifiersFoldAsPostgresFoldsThem() {
    WrittenColumns w = of(
        "UPDATE Users SET Email = ''",
        "UPDATE \"Accounts\" SET \"Balance\" = 0, Plain = 1",
        "UPDATE \"odd\"\"name\" SET \"a b\" = 1");
    assertThat(w.columnMayChange("users", "email")).isTrue();
    assertThat(w.columnMayChange("Users", "Email")).isFalse();
    assertThat(w.columnMayChange("Accounts", "Balance")).isTrue();
    assertThat(w.columnMayChange("Accounts", "plain")).isTrue();
    assertThat(w.columnMayChange("accounts", "balance")).isFalse();
    assertThat(w.columnMayChange("odd\"name", "a b")).isTrue();
  }

  @Test
  void commentsStringsAndLiteralsAreNotRead() {
    WrittenColumns w = of("""
        -- UPDATE x SET a = 1
        /* DELETE FROM y; /* nested UPDATE x SET b = 1 */ INSERT INTO y */
        SELECT 'UPDATE x SET c = 1', E'it\\'s; DELETE FROM y', "UPDATE x SET d" FROM z""");
    assertThat(w.columnMayChange("x", "a")).isFalse();
    assertThat(w.columnMayChange("x", "b")).isFalse();
    assertThat(w.columnMayChange("x", "c")).isFalse();
    assertThat(w.rowCountMayChange("y")).isFalse();
    assertThat(w.rowCountMayChange("z")).isFalse();
  }

  @Test
  void dataModifyingCtesAreWrites() {
    WrittenColumns w = of(
        "WITH u AS (UPDATE t SET a = 1 RETURNING id) SELECT * FROM u",
        "WITH d AS MATERIALIZED (DELETE FROM old WHERE x RETURNING *) INSERT INTO archive SELECT * FROM d",
        "WITH s AS (SELECT 1) UPDATE v SET b = 2 FROM s");
    assertThat(w.columnMayChange("t", "a")).isTrue();
    assertThat(w.columnMayChange("t", "id")).isFalse();
    assertThat(w.rowCountMayChange("old")).isTrue();
    assertThat(w.rowCountMayChange("archive")).isTrue();
    assertThat(w.columnMayChange("v", "b")).isTrue();
  }

  @Test
  void onConflictDoUpdateInsertsAndUpdatesTheInsertedTable() {
    WrittenColumns w = of("""
        INSERT INTO public.counters AS c (k, n) VALUES (:k, 1)
        ON CONFLICT (k) DO UPDATE SET n = c.n + excluded.n, touched = now() WHERE c.k <> 'x'""",
        "INSERT INTO seen (k) VALUES (?) ON CONFLICT DO NOTHING");
    assertThat(w.rowCountMayChange("counters")).isTrue();
    assertThat(w.columnMayChange("counters", "n")).isTrue(); // inserted rows change every column
    assertThat(w.rowCountMayChange("seen")).isTrue();
    assertThat(w.rowCountMayChange("c")).isFalse();
  }

  @Test
  void mergeWritesItsTarget() {
    WrittenColumns w = of("""
        MERGE INTO stock s USING deliveries d ON s.item = d.item
        WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty
        WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (d.item, d.qty)""");
    assertThat(w.rowCountMayChange("stock")).isTrue();
    assertThat(w.rowCountMayChange("deliveries")).isFalse();
    assertThat(w.columnMayChange("deliveries", "qty")).isFalse();
  }

  @Test
  void rowCountWritesInsertDeleteTruncateCopyFrom() {
    WrittenColumns w = of(
        "insert into a values (1)",
        "DELETE FROM ONLY b WHERE id = ?",
        "TRUNCATE TABLE c, ONLY public.d * RESTART IDENTITY CASCADE",
        "truncate e",
        "COPY f (x, y) FROM STDIN WITH (FORMAT binary)",
        "COPY g TO STDOUT",
        "COPY (SELECT * FROM h) TO STDOUT");
    assertThat(List.of("a", "b", "c", "d", "e", "f")).allMatch(w::rowCountMayChange);
    assertThat(List.of("g", "h")).noneMatch(w::rowCountMayChange);
    assertThat(w.columnMayChange("a", "anything")).isTrue();
    assertThat(w.columnMayChange("g", "x")).isFalse();
  }

  @Test
  void theWordUpdateElsewhereIsNoWrite() {
    WrittenColumns w = of(
        "SELECT * FROM t WHERE id = ? FOR UPDATE",
        "SELECT * FROM t FOR NO KEY UPDATE OF t SKIP LOCKED",
        "ALTER TABLE child ADD FOREIGN KEY (p) REFERENCES parent (id) ON UPDATE SET NULL ON DELETE CASCADE",
        "GRANT SELECT, UPDATE, TRUNCATE ON t TO app",
        "CREATE TRIGGER tr BEFORE INSERT OR UPDATE OF x OR TRUNCATE ON t FOR EACH ROW EXECUTE FUNCTION f()",
        "CREATE RULE r AS ON UPDATE TO t DO INSTEAD NOTHING");
    assertThat(w.toString()).isEqualTo("WrittenColumns[rows of [], all columns of [], columns {}]");
  }

  @Test
  void dollarQuotedBodiesAreReadAsCode() {
    WrittenColumns w = of("""
        DO $backfill$
        BEGIN
          LOOP
            UPDATE users SET email_lower = lower(email) WHERE id IN (SELECT id FROM users LIMIT 1000);
            EXIT WHEN NOT FOUND;
            COMMIT;
          END LOOP;
          IF true THEN DELETE FROM tmp; END IF;
        END
        $backfill$""",
        "CREATE RULE r AS ON INSERT TO t DO ALSO UPDATE log SET n = n + 1",
        "CREATE PROCEDURE hit() BEGIN ATOMIC UPDATE counters SET hits = hits + 1; END");
    assertThat(w.columnMayChange("users", "email_lower")).isTrue();
    assertThat(w.columnMayChange("users", "email")).isFalse();
    assertThat(w.rowCountMayChange("tmp")).isTrue();
    assertThat(w.columnMayChange("log", "n")).isTrue();
    assertThat(w.columnMayChange("counters", "hits")).isTrue();
  }

  @Test
  void anUnreadableUpdateWritesEveryColumnOfItsTable() {
    WrittenColumns w = of(
        "UPDATE t SET = 1",
        "UPDATE u SET (a, 1) = (1, 2)",
        "UPDATE v x y SET a = 1",
        "update w");
    assertThat(List.of("t", "u", "v", "w")).allMatch(table -> w.columnMayChange(table, "anything"));
    assertThat(List.of("t", "u", "v", "w")).noneMatch(w::rowCountMayChange);
  }

  @Test
  void statementsAreSeparatedWithinOneText() {
    WrittenColumns w = of("INSERT INTO a VALUES (1); UPDATE b SET c = 1; SELECT 1 FROM a");
    assertThat(w.rowCountMayChange("a")).isTrue();
    assertThat(w.rowCountMayChange("b")).isFalse();
    assertThat(w.columnMayChange("b", "c")).isTrue();
    assertThat(w.columnMayChange("b", "d")).isFalse();
  }
}
