/**
 * The team's migration history: Flyway and Liquibase configured from a scenario, so the schema
 * (and later the migration steps) are applied by the tools themselves, their history tables real
 * and their output kept off the console. Depends on nothing of the pipeline: seeding and
 * migrating both use it.
 */
package dev.rehearsal.harness.history;
