package dev.rehearsal.harness.profile;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.Console;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code rehearse profile}: a scenario shaped like the source database, from its statistics,
 * with no row read. In order: a read-only session ({@link SourceDatabase}); the tables
 * ({@link TableSelection}: refused with the GRANT when one cannot be read); their schema
 * ({@link SchemaReader}, {@link DdlBuilder}); a generator per column from {@code pg_stats}
 * ({@link DatasetProfile}, {@link ColumnMapping}); the query mix from two
 * {@code pg_stat_statements} snapshots ({@link WorkloadReader}, {@link QueryBinder},
 * {@link WorkloadProfile}); all of it as YAML ({@link ScenarioWriter}). Every check that can
 * refuse runs before the sample, so nothing is half-written.
 */
public final class Profiler {

  /** The scenario text, and what the console should say about it. */
  public record Result(String yaml, List<String> summary, List<String> notes, boolean workloadMissing) {}

  private final ProfileOptions options;
  private final Console console;

  public Profiler(ProfileOptions options, Console console) {
    this.options = options;
    this.console = console;
  }

  public Result run() {
    try (SourceDatabase db = SourceDatabase.open(options.jdbcUrl())) {
      String user = db.scalar("SELECT current_user::text", String.class);
      String database = db.scalar("SELECT current_database()::text", String.class);
      int major = db.scalar("SELECT current_setting('server_version_num')::int / 10000", Integer.class);
      boolean standby = db.scalar("SELECT pg_is_in_recovery()", Boolean.class);
      List<String> notes = new ArrayList<>();
      List<TableSelection.Candidate> chosen = TableSelection.choose(db, options.tables(), user, notes);
      ProfiledSchema schema = new SchemaReader(db).read(chosen, notes);
      DatasetProfile dataset = DatasetProfile.build(schema, new StatsReader(db), options, notes);
      if (dataset.tables().isEmpty()) {
        throw new BadInputException(db.where() + ": none of the " + schema.tables().size() + " tables has statistics "
            + "(never analyzed, or empty)\n  fix: run ANALYZE on the source (or its primary), then profile again");
      }
      console.say("profile: %s (PostgreSQL %d%s), %d tables, as %s (read-only session)", db.where(), major,
          standby ? ", standby" : "", schema.tables().size(), user);
      WorkloadProfile workload = workload(db, schema, dataset, user, notes);
      Map<String, Object> document = document(database, major, schema, dataset, workload);
      List<String> header = header(db.where(), major, standby, workload, notes);
      return new Result(ScenarioWriter.write(header, document), summary(dataset, workload), notes,
          workload.placeholder() && options.workload() != ProfileOptions.Workload.NONE);
    }
  }

  private WorkloadProfile workload(SourceDatabase db, ProfiledSchema schema, DatasetProfile dataset, String user,
      List<String> notes) {
    if (options.workload() == ProfileOptions.Workload.NONE) {
      notes.add("workload: not sampled (--workload none); one placeholder operation, SELECT 1 at 10/s");
      return WorkloadProfile.none();
    }
    WorkloadReader reader = new WorkloadReader(db);
    try {
      reader.check(user);
    } catch (WorkloadReader.Unavailable e) {
      String message = "workload: " + e.getMessage() + "\n  fix: " + e.fix();
      if (options.workload() == ProfileOptions.Workload.REQUIRED) {
        throw new BadInputException(db.where() + ": " + message + "\n  (--workload required; nothing was written)");
      }
      notes.add(message + "\n  until then: the dataset is profiled, the workload is one placeholder operation "
          + "(SELECT 1 at 10/s)");
      return WorkloadProfile.none();
    }
    console.say("profile: sampling pg_stat_statements for %d s ...", options.sample().toSeconds());
    WorkloadReader.Sample sample = reader.sample(options.sample());
    if (sample.reset()) {
      notes.add("workload: pg_stat_statements was reset during the sample; its rates are too low");
    }
    WorkloadProfile workload = WorkloadProfile.from(sample, new QueryBinder(schema, dataset.plans(), dataset.rows()),
        options.top(), options.keepValues());
    for (WorkloadProfile.Operation o : workload.operations()) {
      o.bound().guesses().forEach(g -> notes.add("operation " + o.name() + ": " + g
          + " (pg_stat_statements keeps no constants)"));
    }
    workload.skipped().forEach(s -> notes.add("skipped statement: " + s));
    if (workload.placeholder()) {
      notes.add("workload: no statement of the sample could be made an operation; one placeholder operation");
    }
    return workload;
  }

  private Map<String, Object> document(String database, int major, ProfiledSchema schema, DatasetProfile dataset,
      WorkloadProfile workload) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", "profile-" + database.replaceAll("[^A-Za-z0-9_-]", "-"));
    doc.put("description", "Profiled from database " + database + " by rehearse profile: schema, data shape and "
        + "query mix from its statistics; no row was copied.");
    if (major >= 15 && major <= 18) {
      doc.put("server", Map.of("version", major));
    }
    doc.put("schema", Map.of("sql", schema.ddl()));
    doc.put("dataset", Map.of("tables", dataset.yaml()));
    doc.put("workload", workload.yaml());
    doc.put("strategies", List.of(YamlMaps.of("name", "replace-me",
        "description", "A placeholder: put the migration to rehearse here",
        "steps", List.of(Map.of("sql", "SELECT 1")))));
    return doc;
  }

  private List<String> header(String where, int major, boolean standby, WorkloadProfile workload, List<String> notes) {
    List<String> h = new ArrayList<>();
    h.add("Profiled by rehearse profile from " + where + " (PostgreSQL " + major + (standby ? ", a standby" : "")
        + ") at " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    h.add("options: " + (options.tables().isEmpty() ? "every table" : "--tables " + String.join(",", options.tables()))
        + ", --rows-scale " + options.rowsScale() + ", --sample " + options.sample().toSeconds() + "s, --top "
        + options.top() + (options.keepValues() ? ", --keep-values (TEXT VALUES FROM THE SOURCE ARE IN THIS FILE)"
        : ", text values synthetic (no production text in this file)"));
    if (!workload.placeholder()) {
      h.add(String.format(Locale.ROOT, "workload: %d operations at %.2f calls/s, %.0f%% of the %.2f calls/s sampled",
          workload.operations().size(), workload.ratePerSecond(),
          100 * workload.ratePerSecond() / Math.max(1e-9, workload.sampledCallsPerSecond()),
          workload.sampledCallsPerSecond()));
    }
    h.add("strategies: a placeholder; put the migration to rehearse there");
    if (!notes.isEmpty()) {
      h.add("");
      h.add("Not reproduced, or reproduced with a guess:");
      notes.forEach(n -> h.add("- " + n));
    }
    h.add("");
    return h;
  }

  private static List<String> summary(DatasetProfile dataset, WorkloadProfile workload) {
    List<String> s = new ArrayList<>();
    for (DatasetProfile.TablePlan t : dataset.tables()) {
      s.add(String.format(Locale.ROOT, "  %-28s %,14d rows  %d columns", t.table().name(), t.rows(),
          t.columns().size()));
    }
    for (WorkloadProfile.Operation o : workload.operations()) {
      s.add(String.format(Locale.ROOT, "  %-28s %10.1f calls/s  %s", o.name(), o.callsPerSecond(),
          WorkloadProfile.shorten(o.bound().sql())));
    }
    return s;
  }
}
