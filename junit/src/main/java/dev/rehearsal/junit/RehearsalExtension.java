package dev.rehearsal.junit;

import dev.rehearsal.api.RehearsalInfrastructureException;
import dev.rehearsal.api.RehearsalOptions;
import dev.rehearsal.api.RehearsalOutcome;
import dev.rehearsal.api.RehearsalScenario;
import dev.rehearsal.api.RehearsalSession;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the rehearsal of a {@link Rehearse} test before its body, on the test run's shared
 * {@link RehearsalSession}, and hands the {@link RehearsalResult} to the test method.
 */
public final class RehearsalExtension implements BeforeTestExecutionCallback, ParameterResolver {

  /** Configuration parameter: the provider for every test that does not name one. */
  public static final String POSTGRES = "rehearsal.postgres";
  /** Configuration parameter: where reports go, {@code <dir>/<test class>/<method>/}; default target/rehearsal. */
  public static final String OUTPUT_DIRECTORY = "rehearsal.outputDirectory";
  /** Configuration parameter: the seed cache root, or {@code none}; default the command line's. */
  public static final String SEED_CACHE = "rehearsal.seedCache";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RehearsalExtension.class);

  @Override
  @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 6 names it computeIfAbsent, which 5.x lacks
  public void beforeTestExecution(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Rehearse rehearse = method.getAnnotation(Rehearse.class);
    if (rehearse == null) {
      return;
    }
    SharedSession shared = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(SharedSession.class, k -> new SharedSession(), SharedSession.class);
    RehearsalScenario scenario = RehearsalScenario.locate(rehearse.scenario(), projectDirectory(),
        context.getRequiredTestClass().getClassLoader());
    RehearsalOptions options = options(rehearse, context);
    RehearsalOutcome outcome;
    try {
      outcome = shared.session.run(scenario, options);
    } catch (RehearsalInfrastructureException e) {
      throw new TestAbortedException("rehearsal could not run here: " + e.getMessage(), e);
    }
    RehearsalSession session = shared.session;
    RehearsalResult result = new RehearsalResult(outcome,
        new RehearsalResult.Sharing(session.serversStarted(), session.seedings(), session.clones()));
    context.getStore(NAMESPACE).put(RehearsalResult.class, result);
    boolean judgedByTheTest = Arrays.stream(method.getParameterTypes()).anyMatch(RehearsalResult.class::equals);
    if (!judgedByTheTest && outcome.hasCriticalBreach()) {
      throw new AssertionFailedError("critical budget breached: " + outcome.describe());
    }
  }

  private static RehearsalOptions options(Rehearse rehearse, ExtensionContext context) {
    Path out = context.getConfigurationParameter(OUTPUT_DIRECTORY).map(Path::of)
        .orElse(projectDirectory().resolve("target").resolve("rehearsal"))
        .resolve(context.getRequiredTestClass().getName()).resolve(context.getRequiredTestMethod().getName());
    RehearsalOptions options = RehearsalOptions.defaults().withOutputDirectory(out).withSeed(rehearse.seed());
    if (!rehearse.strategy().isEmpty()) {
      options = options.withStrategy(rehearse.strategy());
    }
    Optional<String> postgres = rehearse.postgres().isEmpty() ? context.getConfigurationParameter(POSTGRES)
        : Optional.of(rehearse.postgres());
    if (postgres.isPresent()) {
      options = options.withPostgres(postgres.get());
    }
    if (rehearse.rows() > 0) {
      options = options.withRows(rehearse.rows());
    }
    if (rehearse.rate() > 0) {
      options = options.withRate(rehearse.rate());
    }
    Optional<String> cache = context.getConfigurationParameter(SEED_CACHE);
    if (cache.isPresent()) {
      options = cache.get().equalsIgnoreCase("none") ? options.withoutSeedCache()
          : options.withSeedCache(Path.of(cache.get()));
    }
    return options;
  }

  /** Maven's Surefire and Failsafe set {@code basedir}; elsewhere the working directory. */
  private static Path projectDirectory() {
    String basedir = System.getProperty("basedir");
    return Path.of(basedir != null ? basedir : System.getProperty("user.dir"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RehearsalResult.class
        && context.getTestMethod().map(m -> m.isAnnotationPresent(Rehearse.class)).orElse(false);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RehearsalResult result = context.getStore(NAMESPACE).get(RehearsalResult.class, RehearsalResult.class);
    if (result == null) {
      throw new ParameterResolutionException("no rehearsal ran for " + context.getDisplayName());
    }
    return result;
  }

  /** The session every {@code @Rehearse} test of a run shares; closed when the run ends. */
  @SuppressWarnings("deprecation") // CloseableResource: what JUnit before 5.13 closes; AutoCloseable after
  static final class SharedSession implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    final RehearsalSession session = RehearsalSession.open(System.err);
    private boolean closed;

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        session.close();
      }
    }
  }
}
