package dev.rehearsal.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks {@code schema:} and builds its {@link SchemaSpec}: exactly one of inline {@code sql},
 * a {@code file}, the team's {@code flyway} history or its {@code liquibase} changelog. Files and
 * directories it names must exist now rather than fail after the server has started.
 */
final class SchemaValidator {

  private static final String PATH = "/schema";

  /** The keys of which exactly one is given, in the order messages list them. */
  private static final List<String> KINDS = List.of("sql", "file", "flyway", "liquibase");

  private static final String HINT = "give the DDL inline with sql:, a .sql file with file:, "
      + "the team's Flyway migrations up to production's version with "
      + FlywaySpecValidator.EXAMPLE + ", or its Liquibase changelog with "
      + LiquibaseSpecValidator.EXAMPLE;

  private final ErrorReporter errors;
  private final Path baseDirectory;

  SchemaValidator(ErrorReporter errors, Path baseDirectory) {
    this.errors = errors;
    this.baseDirectory = baseDirectory;
  }

  SchemaSpec validate(ScenarioDocument.Schema schema) {
    errors.require(schema, PATH, HINT);
    String kind = kind(schema);
    String path = YamlPath.child(PATH, kind);
    return switch (kind) {
      case "sql" -> SchemaSpec.ddl(errors.requireText(schema.sql(), path, HINT), null);
      case "file" -> SchemaSpec.ddl(null, file(schema.file(), path));
      case "flyway" -> new SchemaSpec(null, null,
          new FlywaySpecValidator(errors, baseDirectory).validate(schema.flyway(), path), null);
      default -> new SchemaSpec(null, null, null,
          new LiquibaseSpecValidator(errors, baseDirectory).validate(schema.liquibase(), path));
    };
  }

  /** The one key given; a key written without a value counts, so that it is reported as empty. */
  private String kind(ScenarioDocument.Schema schema) {
    Object[] values = {schema.sql(), schema.file(), schema.flyway(), schema.liquibase()};
    List<String> given = new ArrayList<>();
    for (int i = 0; i < KINDS.size(); i++) {
      if (values[i] != null || errors.present(YamlPath.child(PATH, KINDS.get(i)))) {
        given.add(KINDS.get(i));
      }
    }
    if (given.isEmpty()) {
      throw errors.at(PATH, "schema needs one of sql, file, flyway or liquibase, found none", HINT);
    }
    if (given.size() > 1) {
      throw errors.atKey(YamlPath.child(PATH, given.get(1)), "schema has both " + given.get(0)
          + " and " + given.get(1) + "; use one", HINT);
    }
    return given.get(0);
  }

  /** A .sql file relative to the scenario (a classpath resource for built-ins) that exists. */
  private String file(String file, String path) {
    errors.requireText(file, path, HINT);
    if (!ScenarioFiles.exists(baseDirectory, file)) {
      throw errors.at(path, "schema file '" + file + "' not found",
          "looked for " + ScenarioFiles.whereToLook(baseDirectory, file)
              + "; paths are relative to the scenario file");
    }
    return file;
  }
}
