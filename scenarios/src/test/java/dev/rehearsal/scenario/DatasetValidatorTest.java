package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The column generators of {@code dataset:}: what each takes, and the message each mistake
 * gets, position included.
 *
 * <p>Every case appends {@link #DATASET} to {@link ScenarioLoaderTest#MINIMAL} (13 lines; see
 * {@link ScenarioErrorsTest}), then the columns of table {@code orders}, indented by 8, so the
 * first column is on line 21:
 *
 * <pre>
 * 14 dataset:
 * 15   tables:
 * 16     - name: users
 * 17       rows: 100
 * 18     - name: orders
 * 19       rows: 1000
 * 20       columns:
 * 21         x: {generator: ...}
 * </pre>
 */
class DatasetValidatorTest {

  private static final String DATASET = """
      dataset:
        tables:
          - name: users
            rows: 100
          - name: orders
            rows: 1000
            columns:
      """;

  // ---------------------------------------------------------------- one positive case each

  @Test
  void sequence() {
    assertThat(column("x: {generator: sequence}")).isEqualTo(spec("sequence"));
    ColumnSpec spec = column("x: {generator: sequence, min: 1000, rowsPerValue: 3}");
    assertThat(spec.min()).isEqualTo(1000L);
    assertThat(spec.rowsPerValue()).isEqualTo(3L);
  }

  @Test
  void uniform() {
    ColumnSpec spec = column("x: {generator: uniform, min: -5, max: 100, scale: 2}");
    assertThat(spec.generator()).isEqualTo("uniform");
    assertThat(spec.min()).isEqualTo(-5L);
    assertThat(spec.max()).isEqualTo(100L);
    assertThat(spec.scale()).isEqualTo(2);
  }

  @Test
  void uniformAllowsASingleValue() {
    assertThat(column("x: {generator: uniform, min: 7, max: 7}").max()).isEqualTo(7L);
  }

  @Test
  void zipfian() {
    ColumnSpec spec = column("x: {generator: zipfian, min: 1, max: 1000, skew: 1.2, scale: 0}");
    assertThat(spec.generator()).isEqualTo("zipfian");
    assertThat(spec.min()).isEqualTo(1L);
    assertThat(spec.max()).isEqualTo(1000L);
    assertThat(spec.skew()).isEqualTo(1.2);
    assertThat(spec.scale()).isZero();
    assertThat(column("x: {generator: zipfian, min: 1, max: 9}").skew()).isNull();
  }

  @Test
  void text() {
    assertThat(column("x: {generator: text}")).isEqualTo(spec("text"));
    assertThat(column("x: {generator: text, length: 20}").length()).isEqualTo(20);
    ColumnSpec range = column("x: {generator: text, minLength: 0, maxLength: 40}");
    assertThat(range.minLength()).isZero();
    assertThat(range.maxLength()).isEqualTo(40);
    assertThat(range.length()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "email", "name", "firstName", "lastName", "company", "city", "address", "phone"})
  void datafakerPools(String generator) {
    assertThat(column("x: {generator: " + generator + "}")).isEqualTo(spec(generator));
    ColumnSpec spec = column("x: {generator: " + generator + ", pool: 500, nullFraction: 0.1}");
    assertThat(spec.generator()).isEqualTo(generator);
    assertThat(spec.pool()).isEqualTo(500);
    assertThat(spec.nullFraction()).isEqualTo(0.1);
  }

  @Test
  void faker() {
    ColumnSpec spec = column("x: {generator: faker, expression: \"#{Address.country}\", "
        + "pool: 1000000}");
    assertThat(spec.expression()).isEqualTo("#{Address.country}");
    assertThat(spec.pool()).isEqualTo(1_000_000);
  }

  @Test
  void timestamp() {
    assertThat(column("x: {generator: timestamp, days: 30}").days()).isEqualTo(30);
    ColumnSpec dates = column("x: {generator: timestamp, from: 2025-01-01, to: 2025-01-31}");
    assertThat(dates.from()).isEqualTo("2025-01-01");
    assertThat(dates.to()).isEqualTo("2025-01-31");
    ColumnSpec instants = column("x: {generator: timestamp, from: \"2025-01-31T10:00:00Z\", "
        + "to: 2025-02-01}");
    assertThat(instants.from()).isEqualTo("2025-01-31T10:00:00Z");
    assertThat(instants.to()).isEqualTo("2025-02-01");
  }

  @Test
  void choice() {
    ColumnSpec spec =
        column("x: {generator: choice, values: [free, pro, 3], weights: [8, 1.5, 0.5]}");
    assertThat(spec.values()).containsExactly("free", "pro", "3");
    assertThat(spec.weights()).containsExactly(8.0, 1.5, 0.5);
    assertThatThrownBy(() -> spec.values().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(column("x: {generator: choice, values: [a]}").weights()).isNull();
  }

  @Test
  void constant() {
    assertThat(column("x: {generator: constant, value: 0}").value()).isEqualTo("0");
    assertThat(column("x: {generator: constant, value: \"\"}").value()).isEmpty();
  }

  @Test
  void constantThatIsAlwaysNullNeedsNoValue() {
    ColumnSpec spec = column("x: {generator: constant, nullFraction: 1}");
    assertThat(spec.value()).isNull();
    assertThat(spec.nullFraction()).isEqualTo(1.0);
  }

  @Test
  void uuid() {
    assertThat(column("x: {generator: uuid}")).isEqualTo(spec("uuid"));
  }

  @Test
  void booleanGenerator() {
    assertThat(column("x: {generator: boolean, trueFraction: 0.9}").trueFraction())
        .isEqualTo(0.9);
    assertThat(column("x: {generator: boolean, trueFraction: 0}").trueFraction()).isZero();
  }

  @Test
  void reference() {
    ColumnSpec spec = column("x: {generator: reference, table: users, column: id, skew: 0}");
    assertThat(spec.table()).isEqualTo("users");
    assertThat(spec.column()).isEqualTo("id");
    assertThat(spec.skew()).isZero();
  }

  @Test
  void referenceToATableListedLater() {
    Scenario scenario = parse(ScenarioLoaderTest.MINIMAL + """
        dataset:
          tables:
            - name: orders
              rows: 10
              columns:
                user_id: {generator: reference, table: users}
            - name: users
              rows: 5
        """);
    assertThat(scenario.dataset().tables().get(0).columns().get("user_id").table())
        .isEqualTo("users");
  }

  @Test
  void jsonTemplateBecomesTypedSpecs() {
    ColumnSpec spec = column("""
        payload:
          generator: json
          template:
            source: {generator: choice, values: [web, app]}
            version: 2
            draft: false
            note: null
            tags: [fixed, {generator: text, length: 5}]
            meta:
              at: {generator: timestamp, days: 7, nullFraction: 0.5}
        """, "payload");

    assertThat(spec.generator()).isEqualTo("json");
    @SuppressWarnings("unchecked")
    Map<String, Object> template = (Map<String, Object>) spec.template();
    assertThat(template).containsExactly(
        entry("source", new ColumnSpec("choice", null, null, null, null, null, null, null, null,
            null, null, null, List.of("web", "app"), null, null, null, null, null, null, null,
            null, null)),
        entry("version", 2),
        entry("draft", false),
        entry("note", null),
        entry("tags", List.of("fixed", withLength(spec("text"), 5))),
        entry("meta", Map.of("at", new ColumnSpec("timestamp", null, null, null, null, null,
            null, null, null, 7, null, null, null, null, null, null, null, null, null, null,
            null, 0.5))));
    assertThatThrownBy(() -> template.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((List<?>) template.get("tags")).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void jsonTemplateMayBeAList() {
    ColumnSpec spec = column("x: {generator: json, template: [1, {generator: uuid}]}");
    assertThat(spec.template()).isEqualTo(List.of(1, spec("uuid")));
  }

  @Test
  void pgbenchBuiltInIsPgbenchScaleOne() {
    Scenario pgbench = ScenarioLoader.builtin("pgbench");

    assertThat(pgbench.name()).isEqualTo("pgbench");
    assertThat(pgbench.description()).contains("apples-to-apples", "pgbench -S");
    assertThat(pgbench.schema().sql())
        .contains("create table pgbench_history(tid int,bid int,aid int,delta int,"
            + "mtime timestamp,filler char(22));\n")
        .contains("create table pgbench_accounts(aid int not null,bid int,abalance int,"
            + "filler char(84)) with (fillfactor=100);\n")
        .contains("alter table pgbench_accounts add primary key (aid);")
        .doesNotContainIgnoringCase("foreign key");
    assertThat(pgbench.dataset().tables()).extracting(TableSpec::name, TableSpec::rows)
        .containsExactly(
            tuple("pgbench_branches", 1L),
            tuple("pgbench_tellers", 10L),
            tuple("pgbench_accounts", 100_000L));

    Map<String, ColumnSpec> branches = pgbench.dataset().tables().get(0).columns();
    assertThat(branches.get("bid")).isEqualTo(spec("sequence"));
    assertThat(branches.get("bbalance")).isEqualTo(constant("0", null));
    assertThat(branches.get("filler")).isEqualTo(constant(null, 1.0));

    Map<String, ColumnSpec> tellers = pgbench.dataset().tables().get(1).columns();
    assertThat(tellers.get("tid")).isEqualTo(spec("sequence"));
    assertThat(tellers.get("bid").rowsPerValue()).isEqualTo(10L);
    assertThat(tellers.get("tbalance")).isEqualTo(constant("0", null));
    assertThat(tellers.get("filler")).isEqualTo(constant(null, 1.0));

    Map<String, ColumnSpec> accounts = pgbench.dataset().tables().get(2).columns();
    assertThat(accounts).containsOnlyKeys("aid", "bid", "abalance", "filler");
    assertThat(accounts.get("aid")).isEqualTo(spec("sequence"));
    assertThat(accounts.get("bid").generator()).isEqualTo("sequence");
    assertThat(accounts.get("bid").rowsPerValue()).isEqualTo(100_000L);
    assertThat(accounts.get("abalance")).isEqualTo(constant("0", null));
    assertThat(accounts.get("filler")).isEqualTo(constant("", null));

    assertThat(pgbench.scaledRows(50).dataset().tables()).extracting(TableSpec::rows)
        .containsExactly(50L, 500L, 5_000_000L);

    assertThat(pgbench.workload().ratePerSecond()).isEqualTo(1000.0);
    assertThat(pgbench.workload().pool().maximumPoolSize()).isEqualTo(8);
    assertThat(pgbench.workload().operations()).singleElement().satisfies(operation -> {
      assertThat(operation.name()).isEqualTo("select-only");
      assertThat(operation.statements()).containsExactly(new StatementSpec(
          "SELECT abalance FROM pgbench_accounts WHERE aid = ?", List.of("aid")));
      assertThat(operation.params()).containsExactly(entry("aid",
          new ParamSpec("existingKey", "pgbench_accounts", null, null, null, "uniform", null)));
    });
    assertThat(pgbench.strategies()).extracting(StrategySpec::name)
        .containsExactly("add-nullable-column");
  }

  // ---------------------------------------------------------------- keys a generator takes

  @Test
  void keyTheGeneratorDoesNotTake() {
    assertFails("x: {generator: uniform, min: 1, max: 2, length: 5}", """
        bad.yaml:21:49: generator uniform does not take 'length'
          fix: remove 'length'; uniform takes: min, max, scale, nullFraction""");
  }

  @Test
  void keyForAGeneratorThatTakesNone() {
    assertFails("x: {generator: uuid, pool: 10}", """
        bad.yaml:21:30: generator uuid does not take 'pool'
          fix: remove 'pool'; uuid takes: nullFraction""");
  }

  @Test
  void scaleOnlyForUniformAndZipfian() {
    assertFails("x: {generator: sequence, scale: 2}", """
        bad.yaml:21:34: generator sequence does not take 'scale'
          fix: remove 'scale'; sequence takes: min, rowsPerValue, nullFraction""");
  }

  @Test
  void rowsPerValueOnlyForSequence() {
    assertFails("x: {generator: uniform, min: 1, max: 2, rowsPerValue: 2}", """
        bad.yaml:21:49: generator uniform does not take 'rowsPerValue'
          fix: remove 'rowsPerValue'; uniform takes: min, max, scale, nullFraction""");
  }

  @Test
  void keyWrittenEmptyIsNotGiven() {
    assertThat(column("x: {generator: uuid, pool: }")).isEqualTo(spec("uuid"));
  }

  // ---------------------------------------------------------------- required keys and ranges

  @Test
  void zipfianMinAboveMax() {
    assertFails("x: {generator: zipfian, min: 10, max: 5}", """
        bad.yaml:21:47: max must not be less than min (10), got 5
          fix: swap min and max, or raise max to at least 10""");
  }

  @Test
  void zipfianWithoutMax() {
    assertFails("x: {generator: zipfian, min: 1}", """
        bad.yaml:21:9: missing required key 'max'
          fix: zipfian draws whole numbers from min to max, min most often, \
        e.g. {generator: zipfian, min: 1, max: 1000, skew: 1.1}""");
  }

  @Test
  void negativeSkew() {
    assertFails("x: {generator: zipfian, min: 1, max: 5, skew: -1}", """
        bad.yaml:21:55: skew must be 0 or more, got -1
          fix: 0 is uniform; the larger the skew, the more the first values dominate \
        (1.0 is the default)""");
  }

  @Test
  void scaleTooLarge() {
    assertFails("x: {generator: uniform, min: 1, max: 5, scale: 19}", """
        bad.yaml:21:56: scale must be between 0 and 18, got 19
          fix: scale is the number of decimal places, e.g. scale: 2 for amounts like 12.34""");
  }

  @Test
  void zeroLength() {
    assertFails("x: {generator: text, length: 0}", """
        bad.yaml:21:38: length must be at least 1, got 0
          fix: use 1 or more""");
  }

  @Test
  void lengthAndMinLength() {
    assertFails("x: {generator: text, length: 5, minLength: 1, maxLength: 9}", """
        bad.yaml:21:41: text takes length or minLength and maxLength, not both
          fix: give either length: N, or minLength: A and maxLength: B""");
  }

  @Test
  void minLengthWithoutMaxLength() {
    assertFails("x: {generator: text, minLength: 3}", """
        bad.yaml:21:9: missing required key 'maxLength'
          fix: give either length: N, or minLength: A and maxLength: B""");
  }

  @Test
  void maxLengthBelowMinLength() {
    assertFails("x: {generator: text, minLength: 5, maxLength: 2}", """
        bad.yaml:21:55: maxLength must not be less than minLength (5), got 2
          fix: raise maxLength to at least 5, or lower minLength""");
  }

  @Test
  void negativeMinLength() {
    assertFails("x: {generator: text, minLength: -1, maxLength: 2}", """
        bad.yaml:21:41: minLength must be at least 0, got -1
          fix: use 0 or more""");
  }

  @Test
  void poolTooLarge() {
    assertFails("x: {generator: city, pool: 1000001}", """
        bad.yaml:21:36: pool must be between 1 and 1000000, got 1000001
          fix: pool is how many distinct values are pre-built and drawn from \
        (default 10000)""");
  }

  @Test
  void fakerExpressionMustBeAnExpression() {
    assertFails("x: {generator: faker, expression: Address.country}", """
        bad.yaml:21:43: expression must be a Datafaker expression starting with '#{', \
        got 'Address.country'
          fix: give a Datafaker expression, e.g. expression: "#{Address.country}" \
        (quoted: YAML reads an unquoted # as a comment)""");
  }

  @Test
  void zeroDays() {
    assertFails("x: {generator: timestamp, days: 0}", """
        bad.yaml:21:41: days must be at least 1, got 0
          fix: use 1 or more""");
  }

  @Test
  void daysAndFrom() {
    assertFails("x: {generator: timestamp, days: 3, from: 2025-01-01, to: 2025-02-01}", """
        bad.yaml:21:44: timestamp takes days or from and to, not both
          fix: give either days: N (the N days before 2026-01-01), or from: and to: as dates \
        like 2025-01-31 or instants like 2025-01-31T10:00:00Z""");
  }

  @Test
  void fromWithoutTo() {
    assertFails("x: {generator: timestamp, from: 2025-01-01}", """
        bad.yaml:21:9: missing required key 'to'
          fix: give either days: N (the N days before 2026-01-01), or from: and to: as dates \
        like 2025-01-31 or instants like 2025-01-31T10:00:00Z""");
  }

  @Test
  void unparsableFrom() {
    assertFails("x: {generator: timestamp, from: 31/01/2025, to: 2025-02-01}", """
        bad.yaml:21:41: from must be a date like 2025-01-31 or an instant like \
        2025-01-31T10:00:00Z, got '31/01/2025'
          fix: give either days: N (the N days before 2026-01-01), or from: and to: as dates \
        like 2025-01-31 or instants like 2025-01-31T10:00:00Z""");
  }

  @Test
  void toNotAfterFrom() {
    assertFails("x: {generator: timestamp, from: 2025-02-01, to: \"2025-02-01T00:00:00Z\"}", """
        bad.yaml:21:57: to must be later than from (2025-02-01), got '2025-02-01T00:00:00Z'
          fix: give either days: N (the N days before 2026-01-01), or from: and to: as dates \
        like 2025-01-31 or instants like 2025-01-31T10:00:00Z""");
  }

  @Test
  void histogram() {
    ColumnSpec spec = column("x: {generator: histogram, values: ['7', '3'], weights: [0.5, 0.25], distinct: 900, "
        + "bounds: ['10', '20', '90'], ordered: true, nullFraction: 0.2}");
    assertThat(spec.values()).containsExactly("7", "3");
    assertThat(spec.bounds()).containsExactly("10", "20", "90");
    assertThat(spec.distinct()).isEqualTo(900L);
    assertThat(spec.ordered()).isTrue();
    // common values covering every row need no other values
    assertThat(column("x: {generator: histogram, values: [a, b], weights: [0.6, 0.4]}").distinct()).isNull();
  }

  @Test
  void histogramSettingsThatCannotWork() {
    assertThatThrownBy(() -> parse(withColumns("x: {generator: histogram, values: [a], weights: [0.5]}")))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("histogram needs distinct");
    assertThatThrownBy(() -> parse(withColumns(
        "x: {generator: histogram, values: [a, b], weights: [0.7, 0.6], distinct: 3}")))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("must add up to at most 1");
    assertThatThrownBy(() -> parse(withColumns("x: {generator: histogram, distinct: 3, bounds: ['1']}")))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("at least two");
    assertThatThrownBy(() -> parse(withColumns(
        "x: {generator: histogram, distinct: 3, bounds: ['1', '2'], minLength: 3, maxLength: 5}")))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("not both");
    assertThatThrownBy(() -> parse(withColumns("x: {generator: histogram, distinct: 3, length: 5}")))
        .isInstanceOf(ScenarioException.class).hasMessageContaining("does not take 'length'");
  }

  @Test
  void weightsOfTheWrongSize() {
    assertFails("x: {generator: choice, values: [a, b, c], weights: [1, 2]}", """
        bad.yaml:21:60: choice has 3 values but 2 weights
          fix: give one weight per value, in the same order, e.g. values: [free, pro] with \
        weights: [9, 1]; leave weights out for equal chances""");
  }

  @Test
  void zeroWeight() {
    assertFails("x: {generator: choice, values: [a, b], weights: [1, 0]}", """
        bad.yaml:21:61: weight must be greater than 0, got 0
          fix: give one weight per value, in the same order, e.g. values: [free, pro] with \
        weights: [9, 1]; leave weights out for equal chances""");
  }

  @Test
  void emptyChoice() {
    assertFails("x: {generator: choice, values: []}", """
        bad.yaml:21:40: choice needs at least one value
          fix: list the values to choose from, e.g. values: [free, pro, team]""");
  }

  @Test
  void constantWithoutValue() {
    assertFails("x: {generator: constant, nullFraction: 0.5}", """
        bad.yaml:21:9: missing required key 'value'
          fix: give the value every row gets, e.g. {generator: constant, value: active}; \
        for a column that is always NULL use {generator: constant, nullFraction: 1}""");
  }

  @Test
  void trueFractionAboveOne() {
    assertFails("x: {generator: boolean, trueFraction: 1.5}", """
        bad.yaml:21:47: trueFraction must be between 0 and 1, got 1.5
          fix: it is the share of rows that get true, e.g. 0.9 for 90%""");
  }

  @Test
  void zeroRowsPerValue() {
    assertFails("x: {generator: sequence, rowsPerValue: 0}", """
        bad.yaml:21:48: rowsPerValue must be at least 1, got 0
          fix: use 1 or more""");
  }

  @Test
  void nullFractionAboveOne() {
    assertFails("x: {generator: uuid, nullFraction: 2}", """
        bad.yaml:21:44: nullFraction must be between 0 and 1, got 2
          fix: it is the share of rows that get NULL, e.g. 0.3 for 30%""");
  }

  // ---------------------------------------------------------------- reference

  @Test
  void referenceToAMissingTable() {
    assertFails("x: {generator: reference, table: Users}", """
        bad.yaml:21:42: foreign key to a missing table: Users is not in the dataset
          fix: reference draws values of existing rows of a seeded table (names are \
        case-sensitive, as written); dataset tables: users, orders""");
  }

  @Test
  void referenceToItself() {
    assertFails("parent_id: {generator: reference, table: orders}", """
        bad.yaml:21:50: table orders cannot reference itself
          fix: its rows do not exist yet while it is seeded; leave the column NULL with \
        nullFraction: 1, or give it another generator""");
  }

  @Test
  void referenceWithoutTable() {
    assertFails("x: {generator: reference, column: id}", """
        bad.yaml:21:9: missing required key 'table'
          fix: name the parent table, e.g. {generator: reference, table: users}; \
        dataset tables: users, orders""");
  }

  // ---------------------------------------------------------------- json

  @Test
  void jsonWithoutTemplate() {
    assertFails("x: {generator: json}", """
        bad.yaml:21:9: missing required key 'template'
          fix: give a mapping whose leaves are literals or generators, e.g. \
        template: {source: {generator: choice, values: [web, app]}, version: 2}""");
  }

  @Test
  void jsonTemplateThatIsAScalar() {
    assertFails("x: {generator: json, template: hello}", """
        bad.yaml:21:40: template must be a mapping or a list, got 'hello'
          fix: give a mapping whose leaves are literals or generators, e.g. \
        template: {source: {generator: choice, values: [web, app]}, version: 2}""");
  }

  @Test
  void jsonTemplateThatIsASingleGenerator() {
    assertFails("x: {generator: json, template: {generator: uuid}}", """
        bad.yaml:21:41: template must be a document, not a single generator
          fix: wrap it, e.g. template: {id: {generator: uuid}}; for a plain value give the \
        column that generator directly""");
  }

  /** The error is placed at the nested value, lines below the column's own key. */
  @Test
  void errorInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template:
            version: 2
            source:
              generator: uniform
              min: 10
              max: 1
        """, """
        bad.yaml:28:20: max must not be less than min (10), got 1
          fix: swap min and max, or raise max to at least 10""");
  }

  @Test
  void unknownKeyInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template:
            items:
              - {generator: text, size: 3}
        """, """
        bad.yaml:25:35: unknown key 'size' in dataset.tables[1].columns.payload.template.items[0]
          fix: allowed keys here: generator, min, max, rowsPerValue, scale, skew, length, \
        minLength, maxLength, days, from, to, values, weights, value, expression, pool, \
        trueFraction, table, column, template, nullFraction, bounds, distinct, ordered""");
  }

  @Test
  void keyTheGeneratorDoesNotTakeInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template: {source: {generator: email, length: 3}}
        """, """
        bad.yaml:23:49: generator email does not take 'length'
          fix: remove 'length'; email takes: pool, nullFraction""");
  }

  @Test
  void wrongTypeInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template: {n: {generator: uniform, min: low, max: 3}}
        """, """
        bad.yaml:23:51: min must be a whole number, got 'low'
          fix: write digits only, with no quotes, unit or decimal point, e.g. 1000""");
  }

  @Test
  void outOfRangeInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template: [{generator: text, length: 99999999999}]
        """, """
        bad.yaml:23:48: length is out of range, got 99999999999
          fix: use a number of at most 2,147,483,647""");
  }

  @Test
  void fractionForAWholeNumberInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template: [{generator: text, length: 1.5}]
        """, """
        bad.yaml:23:48: length must be a whole number, got 1.5
          fix: write digits only, with no quotes, unit or decimal point, e.g. 1000""");
  }

  @Test
  void jsonInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template: {inner: {generator: json, template: {a: 1}}}
        """, """
        bad.yaml:23:41: a json template cannot contain generator json
          fix: nest the mapping or list itself in the template; it becomes part of the \
        document""");
  }

  @Test
  void referenceInsideAJsonTemplate() {
    assertFails("""
        payload:
          generator: json
          template: {user: {generator: reference, table: users}}
        """, """
        bad.yaml:23:40: a json template cannot contain generator reference
          fix: references are for columns with a foreign key; inside a document use another \
        generator, e.g. {generator: uniform, min: 1, max: 1000}""");
  }

  // ---------------------------------------------------------------- helpers

  private static ColumnSpec spec(String generator) {
    return new ColumnSpec(generator, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null);
  }

  private static ColumnSpec withLength(ColumnSpec spec, int length) {
    return new ColumnSpec(spec.generator(), null, null, null, null, null, length, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static ColumnSpec constant(String value, Double nullFraction) {
    return new ColumnSpec("constant", null, null, null, null, null, null, null, null, null, null,
        null, null, null, value, null, null, null, null, null, null, nullFraction);
  }

  /** The scenario with {@code columns} (YAML at indentation 0) as the columns of orders. */
  private static String withColumns(String columns) {
    return ScenarioLoaderTest.MINIMAL + DATASET + columns.indent(8);
  }

  /** The spec of the first column of orders, given as one {@code x: {...}} line. */
  private static ColumnSpec column(String yaml) {
    return column(yaml, "x");
  }

  private static ColumnSpec column(String yaml, String name) {
    return parse(withColumns(yaml)).dataset().tables().get(1).columns().get(name);
  }

  private static Scenario parse(String yaml) {
    return ScenarioLoader.parse(yaml, "ok.yaml", null);
  }

  private static void assertFails(String columns, String expectedMessage) {
    String yaml = withColumns(columns);
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml", null))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(expectedMessage);
  }
}
