package dev.rehearsal.scenario;

/**
 * A team's Liquibase changelog, with the selection Liquibase users know.
 *
 * <p>As a scenario's {@code schema}: the changesets applied through Liquibase up to and
 * including {@code toTag} (or the first {@code count}), so DATABASECHANGELOG is Liquibase's own.
 * As a step: the changesets not yet applied.
 *
 * @param changelog the master changelog (XML, YAML, JSON or formatted SQL), relative to the
 *     scenario file or {@code classpath:...}
 * @param toTag apply up to this tag; null for no tag limit
 * @param count apply at most this many changesets; null for no count limit
 * @param contexts Liquibase's context expression; null for all
 * @param labels Liquibase's label expression; null for all
 */
public record LiquibaseSpec(String changelog, String toTag, Integer count, String contexts, String labels) {}
