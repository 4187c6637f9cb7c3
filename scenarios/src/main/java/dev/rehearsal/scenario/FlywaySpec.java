package dev.rehearsal.scenario;

import java.util.List;
import java.util.Map;

/**
 * A team's Flyway history, as Flyway's own configuration names it.
 *
 * <p>As a scenario's {@code schema}: the migrations applied through Flyway up to {@code target}
 * (what production has applied), so the schema history table is Flyway's own. As a step: the
 * migrations pending on top of that history, in Flyway's order.
 *
 * @param locations directories relative to the scenario file, or {@code classpath:...}; never
 *     empty in the validated model
 * @param target the last version to apply (Flyway's {@code target}); null for every version
 *     (always null for a step: a step applies what is pending)
 * @param placeholders Flyway's {@code ${name}} placeholders; never null in the validated model
 */
public record FlywaySpec(List<String> locations, String target, Map<String, String> placeholders) {

  public FlywaySpec {
    locations = locations == null ? List.of() : List.copyOf(locations);
    placeholders = placeholders == null ? Map.of() : Map.copyOf(placeholders);
  }

  /** One location, every version, no placeholders: the old single-string step form. */
  public static FlywaySpec location(String location) {
    return new FlywaySpec(List.of(location), null, Map.of());
  }
}
