package dev.rehearsal.maven;

import dev.rehearsal.api.RehearsalInfrastructureException;
import dev.rehearsal.api.RehearsalInputException;
import dev.rehearsal.api.RehearsalOptions;
import dev.rehearsal.api.RehearsalOutcome;
import dev.rehearsal.api.RehearsalScenario;
import dev.rehearsal.api.RehearsalSession;
import dev.rehearsal.api.Verdict;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rehearses a strategy of one or more scenarios under load and fails the build when a critical
 * budget is breached (or a warn threshold, with {@code failOn=warn}), with the headline and the next
 * steps in the build log. Reports go to outputDirectory/SCENARIO-NAME/. Bound to {@code verify}.
 */
@Mojo(name = "rehearse", defaultPhase = LifecyclePhase.VERIFY, threadSafe = false)
public class RehearseMojo extends AbstractMojo {

  /** The scenario YAML file to rehearse, relative to the project directory (or a built-in name). */
  @Parameter(property = "rehearsal.scenario")
  String scenario;

  /** Several scenarios to rehearse one after another, sharing one server and the seeded data; with {@code scenario}, both. */
  @Parameter
  List<String> scenarios;

  /** The strategy to rehearse in every scenario; empty for each scenario's first strategy. */
  @Parameter(property = "rehearsal.strategy")
  String strategy;

  /** The PostgreSQL server: auto (a container when Docker answers, else embedded), embedded, container, or a jdbc:postgresql:// URL. */
  @Parameter(property = "rehearsal.postgres", defaultValue = "auto")
  String postgres;

  /** What fails the build: critical (a critical budget breached) or warn (a warn threshold crossed too). */
  @Parameter(property = "rehearsal.failOn", defaultValue = "critical")
  String failOn;

  /** Where the reports go, one directory per scenario (report.html, report.json, junit.xml, summary.md). */
  @Parameter(property = "rehearsal.outputDirectory", defaultValue = "${project.build.directory}/rehearsal")
  File outputDirectory;

  /** Skips the rehearsal. */
  @Parameter(property = "rehearsal.skip", defaultValue = "false")
  boolean skip;

  /** Rows of each scenario's largest table, the others scaled alike; empty for the scenario's. */
  @Parameter(property = "rehearsal.rows")
  Long rows;

  /** Operations per second of the load; empty for the scenario's. */
  @Parameter(property = "rehearsal.rate")
  Double rate;

  /** The random seed for the data and the parameters. */
  @Parameter(property = "rehearsal.seed", defaultValue = "42")
  long seed;

  /** The embedded provider's seed cache (kept across builds), or none; empty for $REHEARSAL_CACHE_DIR or ~/.cache/rehearsal. */
  @Parameter(property = "rehearsal.seedCache")
  String seedCache;

  /** The project directory, which scenario paths resolve against. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Rehearsal skipped (rehearsal.skip)");
      return;
    }
    Set<String> locations = new LinkedHashSet<>();
    if (scenario != null && !scenario.isBlank()) {
      locations.add(scenario.trim());
    }
    if (scenarios != null) {
      scenarios.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).forEach(locations::add);
    }
    if (locations.isEmpty()) {
      throw new MojoFailureException("rehearse: no scenario configured\n"
          + "  fix: set <scenario>rehearsal/orders.yaml</scenario> (or <scenarios>) in the plugin's configuration,"
          + " or -Drehearsal.scenario=...");
    }
    boolean failOnWarn = failOnWarn();
    List<RehearsalOutcome> failed = new ArrayList<>();
    try (RehearsalSession session = RehearsalSession.open(new PrintStream(new LogLines(getLog()), true,
        StandardCharsets.UTF_8))) {
      for (String location : locations) {
        RehearsalScenario loaded = RehearsalScenario.locate(location, basedir.toPath(), null);
        RehearsalOutcome outcome = session.run(loaded, options(loaded));
        report(outcome);
        if (outcome.verdict() == Verdict.FAIL || (failOnWarn && outcome.verdict() == Verdict.WARN)) {
          failed.add(outcome);
        }
      }
    } catch (RehearsalInputException e) {
      throw new MojoFailureException("rehearse: " + e.getMessage(), e);
    } catch (RehearsalInfrastructureException e) {
      throw new MojoExecutionException("rehearse: the rehearsal could not run: " + e.getMessage(), e);
    }
    if (!failed.isEmpty()) {
      StringBuilder message = new StringBuilder("Rehearsal failed (failOn=" + failOn.toLowerCase(Locale.ROOT) + "):");
      failed.forEach(o -> message.append("\n").append(o.describe()));
      throw new MojoFailureException(message.toString());
    }
  }

  private boolean failOnWarn() throws MojoFailureException {
    String level = failOn == null ? "critical" : failOn.trim().toLowerCase(Locale.ROOT);
    if (!level.equals("critical") && !level.equals("warn")) {
      throw new MojoFailureException("rehearse: failOn " + failOn + ": unknown level\n  fix: use critical or warn");
    }
    return level.equals("warn");
  }

  private RehearsalOptions options(RehearsalScenario loaded) {
    RehearsalOptions options = RehearsalOptions.defaults().withPostgres(postgres).withSeed(seed)
        .withOutputDirectory(outputDirectory.toPath().resolve(directoryName(loaded.name())));
    if (strategy != null && !strategy.isBlank()) {
      options = options.withStrategy(strategy.trim());
    }
    if (rows != null) {
      options = options.withRows(rows);
    }
    if (rate != null) {
      options = options.withRate(rate);
    }
    if (seedCache != null && !seedCache.isBlank()) {
      options = seedCache.trim().equalsIgnoreCase("none") ? options.withoutSeedCache()
          : options.withSeedCache(basedir.toPath().resolve(seedCache.trim()));
    }
    return options;
  }

  private static String directoryName(String scenarioName) {
    String name = scenarioName.replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() || name.startsWith(".") ? "scenario" + name : name;
  }

  private void report(RehearsalOutcome outcome) {
    String line = "Rehearsal " + outcome.verdict() + " (" + outcome.scenario() + " / " + outcome.strategy() + "): "
        + outcome.headline();
    if (outcome.verdict() == Verdict.FAIL) {
      getLog().error(line);
    } else if (outcome.verdict() == Verdict.WARN) {
      getLog().warn(line);
    } else {
      getLog().info(line);
    }
    List<String> steps = outcome.nextSteps();
    for (int i = 0; i < steps.size(); i++) {
      getLog().info("  " + (i + 1) + ". " + steps.get(i));
    }
    Path html = outcome.htmlReport();
    getLog().info("  report: " + (html != null ? html : outcome.reportDirectory()));
  }
}
