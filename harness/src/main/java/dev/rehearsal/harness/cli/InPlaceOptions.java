package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.harness.run.RunOptions;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --in-place}: rehearse inside an existing database instead of a scratch one. The
 * migration and the load's writes then stay in that database, so it takes a second flag that
 * repeats the database's name, the way destructive commands ask to type the name back.
 */
final class InPlaceOptions {

  private static final Set<String> NEVER = Set.of("template0", "template1");

  /** The options that shape the seeded data, which --in-place does not seed. */
  private static final List<String> SEEDING = List.of("--rows", "--scale", "--streams", "--fresh");

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--in-place",
      description = "Rehearse inside the database named in the --postgres URL instead of a scratch database: "
          + "nothing is seeded; the migration and the load's writes stay there (never dropped). "
          + "Needs --confirm-database")
  boolean inPlace;

  @Option(names = "--confirm-database", paramLabel = "NAME",
      description = "With --in-place: the database's name again, to confirm it may be changed")
  String confirmDatabase;

  /** {@code options} unchanged, or rehearsing in place once everything needed was confirmed. */
  RunOptions apply(RunOptions options) {
    if (!inPlace) {
      if (confirmDatabase != null) {
        throw new BadInputException("--confirm-database " + confirmDatabase + " confirms --in-place, which is not given"
            + "\n  fix: add --in-place to rehearse inside that database, or drop --confirm-database");
      }
      return options;
    }
    String url = options.postgres();
    if (url == null || !url.startsWith("jdbc:")) {
      throw new BadInputException("--in-place rehearses inside an existing database, but --postgres is " + url
          + " (a server the harness starts has no such database)"
          + "\n  fix: give the server as --postgres jdbc:postgresql://HOST:PORT/DATABASE, or drop --in-place");
    }
    String database = JdbcUrls.parse(url).database();
    if (NEVER.contains(database)) {
      throw new BadInputException("--in-place: " + database + " is a template database; rehearsing in it would"
          + " change every database created afterwards\n  fix: name the database to rehearse in, in the URL");
    }
    if (confirmDatabase == null) {
      throw new BadInputException("--in-place runs the migration, and the load's inserts, updates and deletes, inside"
          + " database " + database + " on " + JdbcUrls.parse(url).hostPort() + ", and does not undo them"
          + "\n  fix: if that is intended, confirm with --confirm-database " + database
          + "; otherwise drop --in-place (the rehearsal then works in a scratch database of its own)");
    }
    if (!confirmDatabase.equals(database)) {
      throw new BadInputException("--confirm-database " + confirmDatabase + " does not match the database in --postgres ("
          + database + ")\n  fix: confirm the database the URL names, or correct the URL");
    }
    if (SEEDING.stream().anyMatch(command.commandLine().getParseResult()::hasMatchedOption)) {
      throw new BadInputException("--rows, --scale, --streams and --fresh shape the seeded data, and --in-place"
          + " seeds nothing (it uses " + database + " as it is)\n  fix: drop those options, or drop --in-place");
    }
    return options.withInPlace(database);
  }
}
