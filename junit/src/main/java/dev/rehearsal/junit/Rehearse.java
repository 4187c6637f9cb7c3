package dev.rehearsal.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that rehearses one strategy of a scenario before its body runs.
 *
 * <pre>{@code
 * @Rehearse(scenario = "rehearsal/orders.yaml", strategy = "expand-contract")
 * void expandContractIsSafe(RehearsalResult result) {
 *   assertThat(result).passes();
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The scenario resolves from the test classpath, then the project directory, then the
 *       built-in catalogue.
 *   <li>Reports go to {@code target/rehearsal/<test class>/<method>/}.
 *   <li>A test that takes a {@link RehearsalResult} judges it itself (see {@link
 *       RehearsalAssertions}); one that does not fails when a critical budget is breached, with the
 *       headline and the next steps as its message.
 *   <li>When the rehearsal cannot run here (no Docker for a forced container, no PostgreSQL binaries,
 *       a server that fails), the test is aborted with the reason, never passed.
 *   <li>All {@code @Rehearse} tests of a test run share one session: one server per kind, the data
 *       of each shape seeded once and cloned for every test.
 * </ul>
 *
 * <p>Settings for every test of a run come from JUnit configuration parameters (system properties
 * or {@code junit-platform.properties}): {@code rehearsal.postgres}, {@code rehearsal.outputDirectory},
 * {@code rehearsal.seedCache} (a directory, or {@code none}). docs/build-integration.md.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RehearsalExtension.class)
public @interface Rehearse {

  /** The scenario: a classpath resource, a path relative to the project directory, or a built-in name. */
  String scenario();

  /** The strategy to rehearse; empty for the scenario's first. */
  String strategy() default "";

  /**
   * {@code auto}, {@code embedded}, {@code container} or a {@code jdbc:postgresql://} URL; empty for
   * the configuration parameter {@code rehearsal.postgres}, else {@code auto}.
   */
  String postgres() default "";

  /** Rows of the largest table (the others scaled alike); 0 for the scenario's. */
  long rows() default 0;

  /** Operations per second of the load; 0 for the scenario's. */
  double rate() default 0;

  /** The random seed for the data and the parameters. */
  long seed() default 42;
}
