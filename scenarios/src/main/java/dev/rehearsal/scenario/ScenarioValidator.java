package dev.rehearsal.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks what Jackson cannot (required keys, ranges, names, references between parts) and
 * turns a {@link ScenarioDocument} into the immutable {@link Scenario}, filling defaults.
 * The schema, dataset, workload, strategies and budgets have their own validators; this one
 * does the top level, server settings and phases.
 *
 * <p>Checks run in document order and stop at the first problem, which is reported at its
 * line and column.
 */
final class ScenarioValidator {

  static final Duration DEFAULT_WARMUP = Duration.ofSeconds(10);
  static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(10);

  /** As in postgresql.conf; dots allow extension settings like pg_stat_statements.max. */
  private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");

  private final ErrorReporter errors;
  private final Path baseDirectory;

  ScenarioValidator(ErrorReporter errors, Path baseDirectory) {
    this.errors = errors;
    this.baseDirectory = baseDirectory;
  }

  Scenario validate(ScenarioDocument document) {
    String name = errors.requireText(document.name(), "/name",
        "name the scenario, e.g. name: add-status-column");
    ServerSpec server = server(document.server());
    SchemaSpec schema = new SchemaValidator(errors, baseDirectory).validate(document.schema());
    DatasetSpec dataset = new DatasetValidator(errors).validate(document.dataset());
    WorkloadSpec workload = new WorkloadValidator(errors, dataset, server.standby() != null)
        .validate(document.workload());
    PhasesSpec phases = phases(document.phases());
    List<StrategySpec> strategies =
        new StrategyValidator(errors, baseDirectory).validate(document.strategies());
    List<BudgetSpec> budgets = new BudgetValidator(errors).validate(document.budgets());
    return new Scenario(name, strip(document.description()), server, schema, dataset, workload,
        phases, strategies, budgets, errors.source(), baseDirectory);
  }

  /** Descriptions are often folded YAML blocks ({@code >}), which end in a newline. */
  private static String strip(String description) {
    return description == null ? null : description.strip();
  }

  private ServerSpec server(ScenarioDocument.Server server) {
    Map<String, String> settings = new LinkedHashMap<>();
    if (server != null && server.settings() != null) {
      for (Map.Entry<String, Object> setting : server.settings().entrySet()) {
        String path = YamlPath.child("/server/settings", setting.getKey());
        settings.put(settingName(setting.getKey(), path), settingValue(setting.getValue(), path));
      }
    }
    return new ServerSpec(server == null ? null : version(server.version()),
        Collections.unmodifiableMap(settings), server == null ? null : standby(server.standby()));
  }

  /** {@code standby: true}, or {@code standby: {applyDelay: 500ms}}; false or absent: none. */
  private ServerSpec.StandbySpec standby(Object standby) {
    String path = "/server/standby";
    if (standby == null || Boolean.FALSE.equals(standby)) {
      return null;
    }
    if (Boolean.TRUE.equals(standby)) {
      return new ServerSpec.StandbySpec(Duration.ZERO);
    }
    String fix = "write standby: true, or standby: {applyDelay: 500ms} for a replica that applies WAL later";
    if (!(standby instanceof Map<?, ?> map)) {
      throw errors.at(path, "server.standby is true, false or a mapping, got " + errors.got(path), fix);
    }
    for (Object key : map.keySet()) {
      if (!"applyDelay".equals(key)) {
        throw errors.atKey(YamlPath.child(path, String.valueOf(key)), "unknown key '" + key
            + "' in server.standby (allowed keys here: applyDelay)", fix);
      }
    }
    Object delay = map.get("applyDelay");
    if (delay == null) {
      return new ServerSpec.StandbySpec(Duration.ZERO);
    }
    String delayPath = YamlPath.child(path, "applyDelay");
    Duration applyDelay = Durations.parse(String.valueOf(delay)).orElseThrow(() -> errors.at(delayPath,
        "server.standby.applyDelay is a duration, got " + errors.got(delayPath), "e.g. applyDelay: 500ms"));
    if (applyDelay.isNegative()) {
      throw errors.at(delayPath, "server.standby.applyDelay cannot be negative", "e.g. applyDelay: 500ms, or 0s");
    }
    return new ServerSpec.StandbySpec(applyDelay);
  }

  /** The pinned major version: a whole number the providers can run. */
  private Integer version(Object version) {
    if (version == null) {
      return null;
    }
    String path = "/server/version";
    String written = errors.textAt(path);
    String text = written != null ? written.strip() : String.valueOf(version);
    if (!(version instanceof Integer) && !(version instanceof String && text.matches("[0-9]{1,3}"))) {
      throw errors.at(path, "server.version is the PostgreSQL major version production runs, got "
          + errors.got(path), "write the major version only, e.g. version: 16 (not 16.4)");
    }
    int major = Integer.parseInt(text);
    if (!ServerSpec.SUPPORTED_MAJORS.contains(major)) {
      throw errors.at(path, "PostgreSQL " + major + " is not a major version Rehearsal can run",
          "pin one of " + ServerSpec.supportedMajors() + " (the closest to production), or leave version out");
    }
    return major;
  }

  private String settingName(String name, String path) {
    if (!SETTING_NAME.matcher(name).matches()) {
      throw errors.atKey(path, "'" + name + "' is not a PostgreSQL setting name",
          "setting names are as in postgresql.conf: lower case with underscores, "
              + "like shared_buffers or max_connections");
    }
    return name;
  }

  /** Settings go to the server as text, spelled as written (1.10 stays "1.10"). */
  private String settingValue(Object value, String path) {
    errors.require(value, path, "give the setting a value as in postgresql.conf, e.g. 128MB");
    if (value instanceof Map || value instanceof List) {
      throw errors.at(path, "setting '" + YamlPath.label(path)
          + "' must be a single value, got " + errors.got(path));
    }
    if (value instanceof Boolean flag) {
      // YAML reads on/off/yes/no as booleans; PostgreSQL spells them on/off
      return flag ? "on" : "off";
    }
    String written = errors.textAt(path);
    return written != null ? written : String.valueOf(value);
  }

  private PhasesSpec phases(PhasesSpec phases) {
    Duration warmup = phases == null || phases.warmup() == null ? DEFAULT_WARMUP
        : phases.warmup();
    Duration cooldown = phases == null || phases.cooldown() == null ? DEFAULT_COOLDOWN
        : phases.cooldown();
    // the warm-up latencies are the baseline every spike is measured against
    errors.requireAtLeast(warmup, Duration.ofSeconds(1), "/phases/warmup");
    return new PhasesSpec(warmup, cooldown);
  }
}
