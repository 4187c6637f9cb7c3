/**
 * The supported Java surface of Rehearsal: load a scenario ({@link RehearsalScenario}), set options
 * ({@link RehearsalOptions}, immutable, {@code withX}), run ({@link Rehearsals#run} for one rehearsal,
 * a {@link RehearsalSession} for several sharing a server and seeded data), and read the
 * {@link RehearsalOutcome}. Bad input is a {@link RehearsalInputException} (the command line's exit
 * 2, with the same what/where/fix text); a failure of the server or what runs it is a
 * {@link RehearsalInfrastructureException} (exit 3).
 *
 * <p>Only the types of this package are kept compatible across releases; everything under
 * {@code dev.rehearsal.harness} is internal and changes without notice. The report model a run
 * writes ({@code dev.rehearsal.report.RehearsalReport}, {@link RehearsalOutcome#report()}) follows
 * the versioned report.json schema (docs/report-format.md). Guide: docs/build-integration.md.
 */
package dev.rehearsal.api;
