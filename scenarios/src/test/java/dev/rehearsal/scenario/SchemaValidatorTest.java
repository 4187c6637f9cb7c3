package dev.rehearsal.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code schema:} section: inline SQL, a file, a Flyway history up to a target, a Liquibase
 * changelog up to a tag or count; the spec each form gives, and the message each mistake gets.
 *
 * <p>Every case puts its schema body (YAML at indentation 0, indented by 2 here) on line 3, keys
 * in column 3, below {@code name: s} and {@code schema:}. Scenarios are parsed with the temporary
 * directory {@link #dir} as their base directory, as if the scenario file were in it. The
 * history in it: {@code db/migration} V1, V2, V5_1, V10 (in a subdirectory), R__views;
 * {@code db/migration_data} V3, V4; {@code db/changelog.xml}.
 */
class SchemaValidatorTest {

  private static final String REST = """
      workload:
        rate: 10
        operations:
          - {name: read, weight: 1, sql: SELECT 1}
      strategies:
        - name: s
          steps: [{sql: SELECT 1}]
      """;

  @TempDir Path dir;

  @BeforeEach
  void history() throws IOException {
    write("db/migration/V1__users.sql", "CREATE TABLE users (id bigint);");
    write("db/migration/V2__status.sql", "ALTER TABLE users ADD COLUMN status text;");
    write("db/migration/V5_1__index.sql", "CREATE INDEX ON users (status);");
    write("db/migration/later/V10__more.sql", "SELECT 1;");
    write("db/migration/R__views.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;");
    write("db/migration_data/V3__data.sql", "INSERT INTO users VALUES (1);");
    write("db/migration_data/V4__more_data.sql", "INSERT INTO users VALUES (2);");
    write("db/changelog.xml", "<databaseChangeLog/>");
    write("schema.sql", "CREATE TABLE users (id bigint);");
  }

  // ---------------------------------------------------------------- valid schemas

  @Test
  void inlineSql() {
    assertThat(schema("sql: CREATE TABLE t (id int)\n")).isEqualTo(SchemaSpec.ddl("CREATE TABLE t (id int)", null));
  }

  @Test
  void sqlFile() {
    assertThat(schema("file: schema.sql\n")).isEqualTo(SchemaSpec.ddl(null, "schema.sql"));
  }

  @Test
  void flywayWithEveryKey() {
    SchemaSpec schema = schema("""
        flyway:
          locations: [db/migration, db/migration_data]
          target: 5_1
          placeholders: {schema: public, fill: 1.10}
        """);
    assertThat(schema.flyway()).isEqualTo(new FlywaySpec(List.of("db/migration", "db/migration_data"),
        "5_1", Map.of("schema", "public", "fill", "1.10")));
  }

  @Test
  void flywayLocationMayBeOneString() {
    assertThat(schema("flyway: {locations: db/migration, target: 2}\n").flyway())
        .isEqualTo(new FlywaySpec(List.of("db/migration"), "2", Map.of()));
  }

  @Test
  void flywayTargetIsComparedAsAVersion() {
    // 1.0 is version 1, 10.0 is version 10 (in a subdirectory): Flyway's semantics, not text
    assertThat(schema("flyway: {locations: db/migration, target: '1.0'}\n").flyway().target()).isEqualTo("1.0");
    assertThat(schema("flyway: {locations: db/migration, target: '010'}\n").flyway().target()).isEqualTo("010");
  }

  @Test
  void flywayWithoutTargetAppliesEveryVersion() {
    assertThat(schema("flyway: {locations: [db/migration]}\n").flyway().target()).isNull();
    assertThat(schema("flyway: {locations: [db/migration], target: latest}\n").flyway().target())
        .isEqualTo("latest");
  }

  @Test
  void flywayClasspathTargetIsLeftToFlyway() {
    assertThat(schema("flyway: {locations: ['classpath:db/migration'], target: 99}\n").flyway())
        .isEqualTo(new FlywaySpec(List.of("classpath:db/migration"), "99", Map.of()));
  }

  @Test
  void liquibaseWithEveryKey() {
    assertThat(schema("""
        liquibase:
          changelog: db/changelog.xml
          toTag: 17
          contexts: prod
          labels: "!test"
        """).liquibase()).isEqualTo(new LiquibaseSpec("db/changelog.xml", "17", null, "prod", "!test"));
    assertThat(schema("liquibase: {changelog: db/changelog.xml, count: 3}\n").liquibase())
        .isEqualTo(new LiquibaseSpec("db/changelog.xml", null, 3, null, null));
  }

  // ---------------------------------------------------------------- which kind

  @Test
  void noKind() {
    assertFails("{}\n", """
        bad.yaml:3:3: schema needs one of sql, file, flyway or liquibase, found none
          fix: %s""".formatted(HINT));
  }

  @Test
  void twoKinds() {
    assertFails("sql: SELECT 1\nflyway: {locations: db/migration}\n", """
        bad.yaml:4:3: schema has both sql and flyway; use one
          fix: %s""".formatted(HINT));
  }

  @Test
  void kindWithoutValue() {
    assertFails("flyway:\n", """
        bad.yaml:3:3: flyway needs a value
          fix: give the migrations' locations and what production has applied, e.g. \
        flyway: {locations: [db/migration], target: "17"}""");
  }

  @Test
  void schemaFileNotFound() {
    assertFails("file: nothing.sql\n", """
        bad.yaml:3:9: schema file 'nothing.sql' not found
          fix: looked for %s; paths are relative to the scenario file""".formatted(dir.resolve("nothing.sql")));
  }

  // ---------------------------------------------------------------- flyway

  @Test
  void flywayUnknownKey() {
    assertFails("flyway: {locations: db/migration, baselineVersion: 1}\n", """
        bad.yaml:3:37: unknown key 'baselineVersion' in schema.flyway
          fix: allowed keys here: locations, target, placeholders""");
  }

  @Test
  void flywayWithoutLocations() {
    assertFails("flyway: {target: 2}\n", """
        bad.yaml:3:3: missing required key 'locations'
          fix: %s""".formatted(LOCATIONS_HINT));
  }

  @Test
  void flywayEmptyLocations() {
    assertFails("flyway: {locations: []}\n", """
        bad.yaml:3:23: locations must name at least one directory
          fix: %s""".formatted(LOCATIONS_HINT));
  }

  @Test
  void flywayLocationNotText() {
    assertFails("flyway: {locations: [db/migration, {dir: x}]}\n", """
        bad.yaml:3:38: locations[1] must be a directory or a list of them, got a mapping
          fix: %s""".formatted(LOCATIONS_HINT));
  }

  @Test
  void flywayLocationNotFound() {
    assertFails("flyway: {locations: [db/migration, db/migrations_data]}\n", """
        bad.yaml:3:38: flyway directory 'db/migrations_data' not found
          fix: looked for %s; paths are relative to the scenario file"""
        .formatted(dir.resolve("db/migrations_data")));
  }

  @Test
  void flywayLocationIsAFile() {
    assertFails("flyway: {locations: schema.sql}\n", """
        bad.yaml:3:23: flyway location 'schema.sql' is a file, not a directory
          fix: Flyway applies every versioned migration in a directory; name the directory the \
        file is in""");
  }

  @Test
  void flywayLocationInABuiltInScenario() {
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml("flyway: {locations: db/migration}\n"), "bad.yaml", null))
        .hasMessage("""
            bad.yaml:3:23: flyway location 'db/migration' is a directory, but a built-in scenario has \
            no directory to resolve it against
              fix: name the migrations on the classpath, e.g. locations: classpath:db/migration""");
  }

  @Test
  void flywayTargetMatchingNoMigration() {
    assertFails("flyway: {locations: [db/migration, db/migration_data], target: '6'}\n", """
        bad.yaml:3:66: target '6' matches no versioned migration in db/migration, \
        db/migration_data; versions found: 1, 2, 3, 4, 5.1, 10
          fix: set target to the version production has applied (the last row of its \
        flyway_schema_history), one of those listed""");
  }

  @Test
  void flywayTargetThatIsNoVersion() {
    assertFails("flyway: {locations: db/migration, target: v2}\n", """
        bad.yaml:3:45: target 'v2' is not a Flyway version
          fix: %s""".formatted(TARGET_HINT));
  }

  @Test
  void flywayTargetWithoutValue() {
    assertFails("flyway:\n  locations: db/migration\n  target:\n", """
        bad.yaml:5:5: target needs a value
          fix: %s""".formatted(TARGET_HINT));
  }

  @Test
  void flywaySameVersionTwice() throws IOException {
    write("db/migration_data/V2_0__again.sql", "SELECT 1;");
    assertFails("flyway: {locations: [db/migration, db/migration_data], target: 2}\n", """
        bad.yaml:3:23: version 2.0 is in two migrations, db/migration/V2__status.sql and \
        db/migration_data/V2_0__again.sql
          fix: Flyway refuses two migrations of one version; renumber or remove one""");
  }

  @Test
  void flywayPlaceholderWithoutValue() {
    assertFails("flyway:\n  locations: db/migration\n  placeholders:\n    schema:\n", """
        bad.yaml:6:7: schema needs a value
          fix: give the text Flyway puts in place of ${schema}, e.g. placeholders: {schema: public}""");
  }

  @Test
  void flywayPlaceholderNotAValue() {
    assertFails("flyway: {locations: db/migration, placeholders: {schema: [a, b]}}\n", """
        bad.yaml:3:60: schema must be a single value, got a list
          fix: give the text Flyway puts in place of ${schema}, e.g. placeholders: {schema: public}""");
  }

  // ---------------------------------------------------------------- liquibase

  @Test
  void liquibaseUnknownKey() {
    assertFails("liquibase: {changelog: db/changelog.xml, tag: v1}\n", """
        bad.yaml:3:44: unknown key 'tag' in schema.liquibase
          fix: allowed keys here: changelog, toTag, count, contexts, labels""");
  }

  @Test
  void liquibaseWithoutChangelog() {
    assertFails("liquibase: {toTag: v1}\n", """
        bad.yaml:3:3: missing required key 'changelog'
          fix: %s""".formatted(CHANGELOG_HINT));
  }

  @Test
  void liquibaseChangelogNotFound() {
    assertFails("liquibase: {changelog: db/changelog.yaml}\n", """
        bad.yaml:3:26: changelog 'db/changelog.yaml' not found
          fix: looked for %s; paths are relative to the scenario file"""
        .formatted(dir.resolve("db/changelog.yaml")));
  }

  @Test
  void liquibaseChangelogIsADirectory() {
    assertFails("liquibase: {changelog: db}\n", """
        bad.yaml:3:26: changelog 'db' is a directory, not a changelog file
          fix: name the master changelog in it, the file that includes the others, e.g. \
        changelog: db/changelog.xml""");
  }

  @Test
  void liquibaseChangelogNotOnTheClasspath() {
    assertFails("liquibase: {changelog: 'classpath:db/nothing.xml'}\n", """
        bad.yaml:3:26: changelog 'classpath:db/nothing.xml' not found on the classpath
          fix: %s""".formatted(CHANGELOG_HINT));
  }

  @Test
  void liquibaseToTagAndCount() {
    assertFails("liquibase: {changelog: db/changelog.xml, toTag: v1, count: 2}\n", """
        bad.yaml:3:55: liquibase takes toTag or count, not both
          fix: keep toTag (every changeset up to the one that tags the database) or count (the \
        first N changesets), whichever says what production has applied""");
  }

  @Test
  void liquibaseCountBelowOne() {
    assertFails("liquibase: {changelog: db/changelog.xml, count: 0}\n", """
        bad.yaml:3:51: count must be at least 1, got 0
          fix: use 1 or more""");
  }

  @Test
  void liquibaseBlankTag() {
    assertFails("liquibase: {changelog: db/changelog.xml, toTag: ' '}\n", """
        bad.yaml:3:51: toTag must not be blank
          fix: give the tag production's database was tagged with (a tagDatabase changeset), \
        e.g. toTag: v1""".replace("v1", "v17"));
  }

  // ---------------------------------------------------------------- helpers

  private static final String HINT = "give the DDL inline with sql:, a .sql file with file:, the "
      + "team's Flyway migrations up to production's version with flyway: {locations: "
      + "[db/migration], target: \"17\"}, or its Liquibase changelog with liquibase: {changelog: "
      + "db/changelog.xml, toTag: v17}";

  private static final String LOCATIONS_HINT = "name the directories of Flyway migrations "
      + "relative to the scenario file, e.g. locations: [db/migration, db/migration_data], or "
      + "one: locations: db/migration";

  private static final String TARGET_HINT = "write the version production has applied as its "
      + "file names write it: V17__x.sql is target: \"17\", V5_1__x.sql is target: \"5.1\"; leave "
      + "target out to apply every version";

  private static final String CHANGELOG_HINT = "name the master changelog relative to the "
      + "scenario file, e.g. changelog: db/changelog.xml, or on the classpath, e.g. changelog: "
      + "classpath:db/changelog.xml";

  private static String yaml(String schemaBody) {
    return "name: s\nschema:\n" + schemaBody.indent(2) + REST;
  }

  private SchemaSpec schema(String body) {
    return ScenarioLoader.parse(yaml(body), "ok.yaml", dir).schema();
  }

  private void assertFails(String body, String expectedMessage) {
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml(body), "bad.yaml", dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(expectedMessage);
  }

  private void write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
