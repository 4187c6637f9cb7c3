package dev.rehearsal.harness.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rehearsal.harness.profile.ProfiledSchema.Category;
import dev.rehearsal.harness.profile.ProfiledSchema.Column;
import dev.rehearsal.harness.profile.ProfiledSchema.ForeignKey;
import dev.rehearsal.harness.profile.ProfiledSchema.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Normalized statements ($1, $2) bound to params drawn like the columns they are compared with. */
class QueryBinderTest {

  static Column col(String name, String type, Category category) {
    return new Column(name, type, true, "", false, null, category, List.of());
  }

  static final Table CUSTOMERS = new Table(1, "public", "customers", "customers", 1000, true,
      List.of(col("id", "bigint", Category.INTEGER), col("country", "text", Category.TEXT)), List.of("id"),
      Set.of("id"), List.of());
  static final Table ORDERS = new Table(2, "public", "orders", "orders", 5000, true,
      List.of(col("id", "bigint", Category.INTEGER), col("customer_id", "bigint", Category.INTEGER),
          col("total", "integer", Category.INTEGER), col("created_at", "timestamp with time zone", Category.TIMESTAMP)),
      List.of("id"), Set.of("id"), List.of(new ForeignKey("customer_id", "customers", "id")));
  static final ProfiledSchema SCHEMA = new ProfiledSchema(List.of(CUSTOMERS, ORDERS), "", List.of());
  static final Map<String, Map<String, ColumnPlan>> PLANS = Map.of(
      "customers", Map.of("country", new ColumnPlan(Map.of(), null, List.of("ma", "mb"), List.of(0.7, 0.3), null,
          null, 2)),
      "orders", Map.of("total", new ColumnPlan(Map.of(), null, List.of(), List.of(), "0", "50000", 0)));
  static final QueryBinder BINDER = new QueryBinder(SCHEMA, PLANS);

  @Test
  void keysForeignKeysCommonValuesAndRanges() {
    QueryBinder.Bound b = BINDER.bind("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id "
        + "WHERE c.country = $1 AND o.customer_id = $2 AND o.total > $3 LIMIT $4");
    assertThat(b.skipped()).isNull();
    assertThat(b.sql()).isEqualTo("SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id "
        + "WHERE c.country = :p1::text AND o.customer_id = :p2::bigint AND o.total > :p3::integer LIMIT :p4");
    assertThat(b.params()).containsEntry("p1", YamlMaps.of("kind", "choice", "values", List.of("ma", "mb"),
        "weights", List.of(0.7, 0.3)))
        .containsEntry("p2", Map.of("kind", "existingKey", "table", "customers"))
        .containsEntry("p3", Map.of("kind", "uniform", "min", 0L, "max", 50000L))
        .containsEntry("p4", Map.of("kind", "choice", "values", List.of(20)));
    assertThat(b.guesses()).containsExactly("$4 (LIMIT) bound to 20");
  }

  @Test
  void insertsGetNewKeysAndALedgerWhenTheyReturnTheirKey() {
    QueryBinder.Bound b = BINDER.bind("INSERT INTO orders (id, customer_id, total) VALUES ($1, $2, $3) "
        + "RETURNING id, total");
    assertThat(b.params()).containsEntry("p1", Map.of("kind", "newKey", "table", "orders"))
        .containsEntry("p2", Map.of("kind", "existingKey", "table", "customers"));
    assertThat(b.ledger()).isEqualTo("orders");
    QueryBinder.Bound update = BINDER.bind("UPDATE orders SET total = total + $1 WHERE id = $2");
    assertThat(update.sql()).isEqualTo("UPDATE orders SET total = total + :p1 WHERE id = :p2::bigint");
    assertThat(update.ledger()).isNull();
  }

  @Test
  void listsAsPostgres18SquashesThemAndBetween() {
    QueryBinder.Bound in = BINDER.bind("SELECT id FROM orders WHERE customer_id IN ($1 /*, ... */)");
    assertThat(in.skipped()).isNull();
    assertThat(in.sql()).isEqualTo("SELECT id FROM orders WHERE customer_id IN (:p1::bigint /*, ... */)");
    QueryBinder.Bound between = BINDER.bind("SELECT count(*) FROM orders WHERE total BETWEEN $1 AND $2");
    assertThat(between.skipped()).isNull();
    assertThat(between.params()).containsKeys("p1", "p2");
    assertThat(between.sql()).isEqualTo("SELECT count(*) FROM orders WHERE total BETWEEN :p1::integer AND :p2::integer");
  }

  @Test
  void whatCannotBeBoundIsSkippedWithTheReason() {
    assertThat(BINDER.bind("BEGIN").skipped()).contains("not a query");
    assertThat(BINDER.bind("SELECT * FROM pg_stat_activity WHERE pid = $1").skipped()).contains("system catalogs");
    assertThat(BINDER.bind("SELECT 1 FROM invoices WHERE id = $1").skipped()).contains("no profiled table");
    assertThat(BINDER.bind("SELECT coalesce($1, id) FROM orders").skipped()).contains("cannot tell which column");
  }

  @Test
  void anExistingKeyComparedWithASkewedColumnIsZipfianWithTheFittedSkew() {
    // orders.customer_id: the hottest customer has 5.7 % of the orders, of 5,000 customers seeded
    Map<String, Map<String, ColumnPlan>> plans = Map.of("orders", Map.of(
        "customer_id", new ColumnPlan(Map.of("generator", "histogram"), null, List.of("1", "2", "3"),
            List.of(0.057, 0.016, 0.01), "1", "5000", 0),
        "id", new ColumnPlan(Map.of("generator", "sequence"), null, List.of(), List.of(), "1", "30000", 0)));
    QueryBinder binder = new QueryBinder(SCHEMA, plans, Map.of("customers", 5000L, "orders", 30000L));
    Map<String, Object> params = binder.bind("SELECT id FROM orders WHERE customer_id = $1 AND id = $2").params();
    @SuppressWarnings("unchecked")
    Map<String, Object> p1 = (Map<String, Object>) params.get("p1");
    assertThat(p1).containsEntry("kind", "existingKey").containsEntry("table", "customers")
        .containsEntry("distribution", "zipfian");
    assertThat((Double) p1.get("skew")).isCloseTo(ZipfFit.skew(5000, 0.057), within(0.001)).isBetween(0.8, 0.9);
    // the table's own key is unique: no common value, uniform
    assertThat(params).containsEntry("p2", Map.of("kind", "existingKey", "table", "orders"));
  }

  @Test
  void anExistingKeyComparedWithANearlyUniformColumnStaysUniform() {
    // 6 orders a customer on average; the hottest has 16 of 30,000 (chance, not skew): fitted about 0.12
    Map<String, Map<String, ColumnPlan>> plans = Map.of("orders", Map.of("customer_id", new ColumnPlan(
        Map.of("generator", "histogram"), null, List.of("17", "4012"), List.of(0.00053, 0.0005), "1", "5000", 0)));
    QueryBinder binder = new QueryBinder(SCHEMA, plans, Map.of("customers", 5000L, "orders", 30000L));
    assertThat(QueryBinder.measuredSkew(plans.get("orders").get("customer_id"), 5000)).isBetween(0.05, 0.2);
    assertThat(binder.bind("SELECT id FROM orders WHERE customer_id = $1").params())
        .containsEntry("p1", Map.of("kind", "existingKey", "table", "customers"));
    // no statistics at all (the default binder's plans have none for customer_id): uniform
    assertThat(BINDER.bind("SELECT id FROM orders WHERE customer_id = $1").params())
        .containsEntry("p1", Map.of("kind", "existingKey", "table", "customers"));
  }

  @Test
  void aReferenceColumnsFittedSkewIsTakenAsItIs() {
    Map<String, Map<String, ColumnPlan>> plans = Map.of("orders", Map.of("customer_id", new ColumnPlan(
        Map.of("generator", "reference", "table", "customers", "skew", 1.2), null, List.of(), List.of(), null, null,
        0)));
    QueryBinder binder = new QueryBinder(SCHEMA, plans);
    assertThat(binder.bind("SELECT id FROM orders WHERE customer_id = $1").params()).containsEntry("p1",
        Map.of("kind", "existingKey", "table", "customers", "distribution", "zipfian", "skew", 1.2));
    // an INSERT's own key is still a new key
    assertThat(binder.bind("INSERT INTO orders (id, customer_id) VALUES ($1, $2)").params())
        .containsEntry("p1", Map.of("kind", "newKey", "table", "orders"))
        .containsEntry("p2", Map.of("kind", "existingKey", "table", "customers", "distribution", "zipfian",
            "skew", 1.2));
  }
}
