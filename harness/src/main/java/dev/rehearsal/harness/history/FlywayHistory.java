package dev.rehearsal.harness.history;

import dev.rehearsal.load.DatabaseTarget;
import dev.rehearsal.scenario.FlywaySpec;
import dev.rehearsal.scenario.Scenario;
import dev.rehearsal.scenario.ScenarioFiles;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A team's Flyway history as a scenario names it, configured for Flyway's own API: the schema
 * history table is Flyway's, versions are ordered and checksummed as Flyway does.
 */
public final class FlywayHistory {

  private static final String CLASSPATH = "classpath:";

  private FlywayHistory() {}

  /**
   * Flyway configured for {@code spec}: filesystem locations made absolute {@code filesystem:}
   * paths relative to the scenario file's directory ({@code classpath:} kept), placeholders set,
   * the target set when there is one. No baseline: the history starts from an empty database, as
   * production's did. Flyway logs through SLF4J, which logback keeps off the console
   * (logback.xml), so the harness alone speaks to the user.
   */
  public static FluentConfiguration configure(Scenario scenario, FlywaySpec spec, DataSource ds) {
    FluentConfiguration config = Flyway.configure()
        .loggers("slf4j")
        .dataSource(ds)
        .locations(spec.locations().stream()
            .map(location -> ScenarioFiles.flywayLocation(scenario, location))
            .toArray(String[]::new))
        .placeholders(spec.placeholders());
    if (spec.target() != null) {
      config.target(spec.target());
    }
    return config;
  }

  /**
   * A data source for Flyway on {@code target}; sessions carry {@code applicationName}, which is
   * how the lock observer tells the migration's sessions from the load's.
   */
  public static PGSimpleDataSource dataSource(DatabaseTarget target, String applicationName) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(target.jdbcUrl());
    ds.setUser(target.user());
    if (target.password() != null) {
      ds.setPassword(target.password());
    }
    ds.setApplicationName(applicationName);
    ds.setConnectTimeout(10);
    return ds;
  }

  /**
   * A hex SHA-256 over every file in the locations (name and content), the target and the
   * placeholders: what the schema built from {@code spec} depends on, for the seed cache key.
   */
  public static String fingerprint(Scenario scenario, FlywaySpec spec) {
    TreeDigest digest = new TreeDigest().text("flyway");
    for (String location : spec.locations()) {
      digest.text(location);
      if (location.startsWith(CLASSPATH)) {
        digest.classpathFolder(location.substring(CLASSPATH.length()).replaceFirst("^/", ""));
      } else {
        digest.tree(scenario.baseDirectory().resolve(location));
      }
    }
    digest.text(spec.target());
    new TreeMap<>(spec.placeholders()).forEach((name, value) -> digest.text(name).text(value));
    return digest.hex();
  }
}
