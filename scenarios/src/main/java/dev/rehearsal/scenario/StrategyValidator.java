package dev.rehearsal.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@code strategies:} and builds the {@link StrategySpec}s: names, the {@code steps} and
 * optional {@code down} steps, each step's kind ({@code sql}, {@code file}, {@code flyway},
 * {@code backfill} or {@code pause}), its transaction mode and its lock-retry policy, with
 * defaults filled in. Files and directories a step names must exist now rather than fail
 * halfway through a rehearsal.
 */
final class StrategyValidator {

  static final TransactionMode DEFAULT_TRANSACTION = TransactionMode.AUTO;
  static final int DEFAULT_ATTEMPTS = 3;
  static final int MAX_ATTEMPTS = 100;
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  static final double DEFAULT_GROWTH = 1.0;
  static final double MAX_GROWTH = 10.0;
  static final String DEFAULT_KEY = "id";
  static final int DEFAULT_BATCH_SIZE = 10_000;
  static final Duration DEFAULT_BATCH_PAUSE = Duration.ZERO;

  /**
   * PostgreSQL's {@code lock_timeout} counts whole milliseconds, and 0 turns it off: anything
   * shorter than this would be rounded to "wait forever".
   */
  static final Duration MIN_LOCK_TIMEOUT = Duration.ofMillis(1);

  /** The step keys of which exactly one is given, in the order messages list them. */
  static final List<String> KINDS = List.of("sql", "file", "flyway", "liquibase", "backfill", "pause");

  /** Strategy names end up in file names and on the command line (--strategy). */
  private static final Pattern STRATEGY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private static final String STRATEGIES = "/strategies";

  private static final String KIND_HINT = "a step does one thing: sql: (inline SQL), file: "
      + "(a .sql file or a directory of them), flyway: (Flyway locations), liquibase: (a "
      + "changelog), backfill: (a batched UPDATE) or pause: (wait with the load running); split it into several steps";

  private static final String RETRY_EXAMPLE =
      "retry: {lockTimeout: 100ms, attempts: 5, backoff: 500ms, growth: 2}";

  private final ErrorReporter errors;
  private final Path baseDirectory;

  StrategyValidator(ErrorReporter errors, Path baseDirectory) {
    this.errors = errors;
    this.baseDirectory = baseDirectory;
  }

  List<StrategySpec> validate(List<ScenarioDocument.Strategy> strategies) {
    String hint = "list the ways to make the change, e.g. "
        + "strategies: [{name: naive, steps: [{sql: ALTER TABLE ...}]}]";
    errors.require(strategies, STRATEGIES, hint);
    if (strategies.isEmpty()) {
      throw errors.at(STRATEGIES, "strategies must list at least one strategy", hint);
    }
    Map<String, String> seen = new HashMap<>();
    List<StrategySpec> result = new ArrayList<>();
    for (int i = 0; i < strategies.size(); i++) {
      String path = YamlPath.child(STRATEGIES, i);
      ScenarioDocument.Strategy strategy = errors.require(strategies.get(i), path, hint);
      result.add(strategy(strategy, path, seen));
    }
    return List.copyOf(result);
  }

  private StrategySpec strategy(ScenarioDocument.Strategy strategy, String path,
      Map<String, String> seen) {
    String namePath = path + "/name";
    String name = errors.requireText(strategy.name(), namePath,
        "name the strategy, e.g. name: add-column-default");
    if (!STRATEGY_NAME.matcher(name).matches()) {
      throw errors.at(namePath, "strategy name '" + name + "' may contain only letters, "
              + "digits, '_', '.' and '-', and must start with a letter or digit",
          "the name is used in report file names and with --strategy");
    }
    errors.requireUnique(seen, name, namePath, "strategy");

    String stepsPath = path + "/steps";
    String stepsHint = "list the migration's steps, e.g. steps: [{sql: ALTER TABLE ...}]";
    List<ScenarioDocument.Step> steps = errors.require(strategy.steps(), stepsPath, stepsHint);
    if (steps.isEmpty()) {
      throw errors.at(stepsPath, "strategy '" + name + "' needs at least one step", stepsHint);
    }
    List<StepSpec> up = steps(steps, stepsPath, stepsHint, false);

    List<StepSpec> down = List.of();
    String downPath = path + "/down";
    if (strategy.down() != null || errors.present(downPath)) {
      String downHint = "list the steps that undo the change, e.g. "
          + "down: [{sql: ALTER TABLE users DROP COLUMN status}], or remove down";
      if (strategy.down() == null || strategy.down().isEmpty()) {
        throw errors.at(downPath, "down of strategy '" + name + "' needs at least one step",
            downHint);
      }
      down = steps(strategy.down(), downPath, downHint, true);
    }
    String description = strategy.description() == null ? null
        : strategy.description().strip();
    return new StrategySpec(name, description, up, down);
  }

  private List<StepSpec> steps(List<ScenarioDocument.Step> steps, String path, String hint,
      boolean down) {
    List<StepSpec> result = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      String stepPath = YamlPath.child(path, i);
      ScenarioDocument.Step step = errors.require(steps.get(i), stepPath, hint);
      result.add(step(step, stepPath, down));
    }
    return List.copyOf(result);
  }

  private StepSpec step(ScenarioDocument.Step step, String path, boolean down) {
    String what = down ? "down step" : "step";
    String name = null;
    String namePath = path + "/name";
    if (step.name() != null || errors.present(namePath)) {
      name = errors.requireText(step.name(), namePath,
          "give the step a label for the reports, e.g. name: backfill-status, or remove name");
    }
    StepSpec.Kind kind = kind(step, path, what);
    String kindPath = YamlPath.child(path, KINDS.get(kind.ordinal()));
    if ((kind == StepSpec.Kind.FLYWAY || kind == StepSpec.Kind.LIQUIBASE) && down) {
      throw errors.atKey(kindPath, "a down step cannot be a " + KINDS.get(kind.ordinal())
              + " step: it applies what is pending, and undoing is not a pending change",
          "write the down steps as sql: (or file:) steps that reverse the change, e.g. "
              + "sql: ALTER TABLE users DROP COLUMN status");
    }
    TransactionMode transaction = transaction(step.transaction(), kind, path);
    RetrySpec retry = retry(step.retry(), kind, path);
    return switch (kind) {
      case SQL -> new StepSpec(name,
          errors.requireText(step.sql(), kindPath, "give the SQL to run, or remove sql"),
          null, null, null, null, null, transaction, retry);
      case FILE -> new StepSpec(name, null, file(step.file(), kindPath, what), null, null, null,
          null, transaction, retry);
      case FLYWAY -> new StepSpec(name, null, null, flywayStep(step.flyway(), kindPath), null, null,
          null, null, retry);
      case LIQUIBASE -> new StepSpec(name, null, null, null, liquibaseStep(step.liquibase(), kindPath),
          null, null, null, retry);
      case BACKFILL -> new StepSpec(name, null, null, null, null, backfill(step.backfill(), kindPath),
          null, null, retry);
      case PAUSE -> new StepSpec(name, null, null, null, null, null, pause(step.pause(), kindPath),
          null, null);
    };
  }

  /** Exactly one of the kind keys is given (with or without a value). */
  private StepSpec.Kind kind(ScenarioDocument.Step step, String path, String what) {
    Object[] values = {step.sql(), step.file(), step.flyway(), step.liquibase(), step.backfill(), step.pause()};
    List<String> found = new ArrayList<>();
    for (int i = 0; i < KINDS.size(); i++) {
      if (values[i] != null || errors.present(YamlPath.child(path, KINDS.get(i)))) {
        found.add(KINDS.get(i));
      }
    }
    if (found.isEmpty()) {
      throw errors.at(path, what + " needs one of sql, file, flyway, liquibase, backfill or pause, "
          + "found none", KIND_HINT);
    }
    if (found.size() > 1) {
      String listed = found.size() == 2 ? "both " + found.get(0) + " and " + found.get(1)
          : String.join(", ", found.subList(0, found.size() - 1)) + " and "
              + found.get(found.size() - 1);
      throw errors.atKey(YamlPath.child(path, found.get(1)),
          what + " has " + listed + "; use one", KIND_HINT);
    }
    return StepSpec.Kind.values()[KINDS.indexOf(found.get(0))];
  }

  /** A .sql file, or a directory with at least one (scenarios loaded from a file only). */
  private String file(String file, String path, String what) {
    String hint = "name a .sql file, or a directory of .sql files run in name order; paths "
        + "are relative to the scenario file";
    errors.requireText(file, path, hint);
    if (ScenarioFiles.exists(baseDirectory, file)) {
      return file;
    }
    if (!ScenarioFiles.isDirectory(baseDirectory, file)) {
      throw errors.at(path, what + " file '" + file + "' not found",
          "looked for " + ScenarioFiles.whereToLook(baseDirectory, file)
              + "; paths are relative to the scenario file");
    }
    Path directory = baseDirectory.resolve(file);
    boolean empty;
    try {
      empty = ScenarioFiles.sqlFiles(directory).isEmpty();
    } catch (IOException e) {
      throw errors.at(path, "cannot list directory '" + file + "'",
          "check that " + directory + " is a directory you may read");
    }
    if (empty) {
      throw errors.at(path, what + " directory '" + file + "' has no .sql files",
          "a directory step runs each *.sql file directly in " + directory
              + " in name order; add them, or name a single file");
    }
    return file;
  }

  /**
   * A flyway step: one location as a string (the first form), or
   * {@code {locations: [...], placeholders: {...}, target: "19"}}; each location checked.
   */
  private FlywaySpec flywayStep(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new HashMap<>(map);
      if (copy.get("locations") instanceof String one) {
        copy.put("locations", List.of(one));
      }
      FlywaySpec spec = ScenarioBinder.convert(copy, FlywaySpec.class, path, errors);
      String locationsPath = path + "/locations";
      if (spec.locations().isEmpty()) {
        throw errors.at(errors.present(locationsPath) ? locationsPath : path,
            "a flyway step needs at least one location",
            "e.g. flyway: {locations: [db/migration, db/migration_data]}");
      }
      for (int i = 0; i < spec.locations().size(); i++) {
        flyway(spec.locations().get(i), YamlPath.child(locationsPath, i));
      }
      if (spec.target() != null && !spec.target().equals("latest") && FlywayVersion.parse(spec.target()).isEmpty()) {
        throw errors.at(path + "/target", "flyway target must be a version, got " + errors.got(path + "/target"),
            "give the last pending version to apply, e.g. target: \"19\" (numbers separated by dots), or remove target");
      }
      return spec;
    }
    if (value != null && !(value instanceof String)) {
      throw errors.at(path, "flyway takes a location or a mapping, got " + errors.got(path),
          "e.g. flyway: db/migration, or flyway: {locations: [db/migration, db/migration_data]}");
    }
    return FlywaySpec.location(flyway((String) value, path));
  }

  /** A liquibase step: the changelog as a string, or {@code {changelog: ..., contexts: ..., labels: ...}}. */
  private LiquibaseSpec liquibaseStep(Object value, String path) {
    String hint = "name the changelog relative to the scenario file, e.g. liquibase: db/changelog.xml, or "
        + "liquibase: {changelog: db/changelog.xml, contexts: prod}";
    LiquibaseSpec spec;
    String changelogPath = path;
    if (value instanceof Map<?, ?> map) {
      spec = ScenarioBinder.convert(map, LiquibaseSpec.class, path, errors);
      changelogPath = path + "/changelog";
    } else if (value == null || value instanceof String) {
      spec = new LiquibaseSpec((String) value, null, null, null, null);
    } else {
      throw errors.at(path, "liquibase takes a changelog or a mapping, got " + errors.got(path), hint);
    }
    String changelog = errors.requireText(spec.changelog(), changelogPath, hint);
    if (spec.toTag() != null && spec.count() != null) {
      throw errors.atKey(path + "/count", "liquibase has both toTag and count; use one", hint);
    }
    if (spec.count() != null && spec.count() < 1) {
      throw errors.at(path + "/count", "count must be at least 1, got " + errors.got(path + "/count"),
          "give how many pending changesets to apply, or remove count");
    }
    if (changelog.startsWith(ScenarioFiles.CLASSPATH_PREFIX)) {
      return spec;
    }
    if (baseDirectory == null) {
      throw errors.at(changelogPath, "changelog '" + changelog + "' is a file, but a built-in scenario has no "
          + "directory to resolve it against", "name the changelog on the classpath, e.g. classpath:db/changelog.xml");
    }
    if (!ScenarioFiles.exists(baseDirectory, changelog)) {
      throw errors.at(changelogPath, "liquibase changelog '" + changelog + "' not found",
          "looked for " + ScenarioFiles.whereToLook(baseDirectory, changelog) + "; paths are relative to the scenario file");
    }
    return spec;
  }

  /** {@code classpath:...} as is, or a directory holding Flyway's V*__*.sql migrations. */
  private String flyway(String location, String path) {
    return new FlywayLocationCheck(errors, baseDirectory, "flyway: ").check(location, path);
  }

  private BackfillSpec backfill(ScenarioDocument.Backfill backfill, String path) {
    String hint = "a backfill updates a table in batches of keys, e.g. "
        + "backfill: {table: users, set: \"status = 'active'\", where: status IS NULL}";
    errors.require(backfill, path, hint);
    String table = errors.requireText(backfill.table(), path + "/table", hint);
    String set = errors.requireText(backfill.set(), path + "/set",
        "give the assignments of the UPDATE, e.g. set: \"status = 'active'\"");
    String where = backfill.where();
    String wherePath = path + "/where";
    if (where != null || errors.present(wherePath)) {
      where = errors.requireText(where, wherePath,
          "give a condition rows must also meet, e.g. where: status IS NULL, or remove where");
    }
    String key = DEFAULT_KEY;
    String keyPath = path + "/key";
    if (backfill.key() != null || errors.present(keyPath)) {
      key = errors.requireText(backfill.key(), keyPath,
          "name the integer column the batches are ranges of, usually the primary key; "
              + "the default is id");
    }
    int batchSize = backfill.batchSize() == null ? DEFAULT_BATCH_SIZE : backfill.batchSize();
    errors.requireAtLeast(batchSize, 1, path + "/batchSize");
    Duration pause = backfill.pause() == null ? DEFAULT_BATCH_PAUSE : backfill.pause();
    return new BackfillSpec(table, set, where, key, batchSize, pause);
  }

  private Duration pause(Duration pause, String path) {
    String hint = "give how long to wait with the load still running, e.g. pause: 30s";
    errors.require(pause, path, hint);
    if (pause.isZero()) {
      throw errors.at(path, "pause must be greater than 0, got " + errors.got(path),
          hint + "; or remove the step");
    }
    return pause;
  }

  /** Auto for sql and file steps unless written; null for the kinds it does not apply to. */
  private TransactionMode transaction(String transaction, StepSpec.Kind kind, String stepPath) {
    String path = stepPath + "/transaction";
    boolean given = transaction != null || errors.present(path);
    if (kind != StepSpec.Kind.SQL && kind != StepSpec.Kind.FILE) {
      if (given) {
        throw errors.atKey(path, "transaction applies only to sql and file steps, not to "
            + kindName(kind) + " steps", "remove transaction; " + switch (kind) {
              case FLYWAY -> "Flyway runs each migration in a transaction of its own";
              case LIQUIBASE -> "Liquibase runs each changeset as its runInTransaction says";
              case BACKFILL -> "each batch of a backfill is a transaction of its own";
              default -> "a pause runs no SQL";
            });
      }
      return null;
    }
    String hint = "use one of: auto (each statement in a transaction of its own, BEGIN ... "
        + "COMMIT blocks kept together, the default), single (the whole step in one "
        + "transaction), none (statements sent as written, in autocommit)";
    if (!given) {
      return DEFAULT_TRANSACTION;
    }
    errors.require(transaction, path, hint);
    for (TransactionMode mode : TransactionMode.values()) {
      if (mode.yamlName().equals(transaction)) {
        return mode;
      }
    }
    throw errors.at(path, "unknown transaction mode '" + transaction + "'", hint);
  }

  private RetrySpec retry(ScenarioDocument.Retry retry, StepSpec.Kind kind, String stepPath) {
    String path = stepPath + "/retry";
    if (retry == null && !errors.present(path)) {
      return null;
    }
    if (kind == StepSpec.Kind.PAUSE) {
      throw errors.atKey(path, "retry does not apply to pause steps",
          "remove retry; a pause takes no locks");
    }
    if (kind == StepSpec.Kind.LIQUIBASE) {
      throw errors.atKey(path, "retry does not apply to liquibase steps: Liquibase records a failed changeset "
          + "as it goes, and the harness does not run it again", "remove retry, or set lock_timeout in the changeset's SQL");
    }
    String hint = "retry the step's units when they give up waiting for a lock, e.g. "
        + RETRY_EXAMPLE;
    errors.require(retry, path, hint);
    String lockTimeoutPath = path + "/lockTimeout";
    Duration lockTimeout = errors.require(retry.lockTimeout(), lockTimeoutPath,
        "give how long each attempt may wait for a lock before giving up, e.g. "
            + RETRY_EXAMPLE);
    if (lockTimeout.compareTo(MIN_LOCK_TIMEOUT) < 0) {
      throw errors.at(lockTimeoutPath, "lockTimeout must be at least "
              + Durations.format(MIN_LOCK_TIMEOUT) + ", got " + errors.got(lockTimeoutPath),
          "PostgreSQL's lock_timeout counts whole milliseconds and 0 means wait forever; "
              + "give how long each attempt may wait for a lock, e.g. lockTimeout: 100ms");
    }
    String attemptsPath = path + "/attempts";
    int attempts = retry.attempts() == null ? DEFAULT_ATTEMPTS : retry.attempts();
    if (attempts < 1 || attempts > MAX_ATTEMPTS) {
      throw errors.at(attemptsPath, "attempts must be between 1 and " + MAX_ATTEMPTS + ", got "
              + errors.got(attemptsPath),
          "attempts counts every try, the first one included; 1 means no retry");
    }
    Duration backoff = retry.backoff() == null ? DEFAULT_BACKOFF : retry.backoff();
    String growthPath = path + "/growth";
    double growth = retry.growth() == null ? DEFAULT_GROWTH : retry.growth();
    if (!(growth >= 1 && growth <= MAX_GROWTH)) {
      throw errors.at(growthPath, "growth must be between 1 and 10, got "
              + errors.got(growthPath),
          "growth multiplies lockTimeout and backoff after each failed attempt: 1 keeps them "
              + "constant, 2 doubles them");
    }
    return new RetrySpec(lockTimeout, attempts, backoff, growth);
  }

  private static String kindName(StepSpec.Kind kind) {
    return KINDS.get(kind.ordinal());
  }
}
