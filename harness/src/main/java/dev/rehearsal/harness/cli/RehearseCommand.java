package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import dev.rehearsal.harness.provision.JdbcUrls;
import dev.rehearsal.scenario.ScenarioException;
import dev.rehearsal.harness.StopSignal;
import java.io.PrintWriter;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rehearse}: the command line (README.md, "Command line"; the design: docs/architecture.md).
 * Exit codes: 0 pass/warn, 1 fail, 2 bad input, 3 harness failure. Without a command it prints
 * the usage. Help and listings are as wide as {@code $COLUMNS} when set, else as the terminal
 * (80 columns when there is none).
 */
@Command(
    name = "rehearse",
    mixinStandardHelpOptions = true,
    versionProvider = RehearseCommand.Version.class,
    description = "Rehearses a PostgreSQL schema migration under production-like load and data.",
    subcommands = {ListCommand.class, ValidateCommand.class, RunCommand.class, CompareCommand.class, SweepCommand.class,
        MergeCommand.class, SeedCommand.class, LoadCommand.class, DemoCommand.class, ProfileCommand.class,
        DiffCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 pass or warn, 1 a critical budget breached, 2 bad input, 3 harness or infrastructure failure."})
public final class RehearseCommand implements Runnable {

  public static final int EXIT_BAD_INPUT = 2;
  public static final int EXIT_INFRASTRUCTURE = 3;

  @Spec
  CommandSpec spec;

  /** No command: the usage, which lists the commands. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How long a stopped rehearsal may take to write its report and stop what it started. */
  static final long STOP_GRACE_SECONDS = 60;

  public static void main(String[] args) {
    Thread worker = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    // SIGINT (Ctrl-C) or SIGTERM: ask the rehearsal to stop, let it write an incomplete report and
    // close the database and server it started, then end with the infrastructure exit code
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (finished.getCount() == 0) {
        return;
      }
      StopSignal.request("stopped by a signal (SIGINT or SIGTERM)", worker);
      try {
        finished.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(EXIT_INFRASTRUCTURE);
    }, "rehearse-stop"));
    int code = execute(args);
    finished.countDown();
    if (!StopSignal.requested()) {
      System.exit(code);
    }
    // a signal is being handled: the shutdown hook ends the process once it sees this thread done
  }

  /** Runs the command line and returns the exit code (tests call this in-process). */
  public static int execute(String... args) {
    return execute(System.getenv(), args);
  }

  /** The same with these environment variables ({@code COLUMNS}). */
  static int execute(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new RehearseCommand());
    OptionalInt columns = columns(env);
    if (columns.isPresent()) {
      cli.setUsageHelpWidth(Math.max(MINIMUM_WIDTH, columns.getAsInt()));
    } else {
      cli.setUsageHelpAutoWidth(true);
    }
    cli.setHelpFactory(WordWrappedHelp::new);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, commandLine.getErr()));
    cli.setParameterExceptionHandler((e, args1) -> {
      PrintWriter err = e.getCommandLine().getErr();
      String command = unknownCommand(e);
      String help = "see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
      if (command != null) {
        err.println("error: unknown command '" + JdbcUrls.redact(command) + "'");
        err.println("  fix: use one of " + String.join(", ", e.getCommandLine().getSubcommands().keySet())
            + "; see 'rehearse --help'");
      } else if (e.getCause() instanceof BadInputException bad) {
        // a converter that says what was wrong and how to fix it
        err.println("error: " + JdbcUrls.redact(bad.getMessage()));
      } else if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
        err.println("error: " + conflict(e, help));
      } else {
        err.println("error: " + JdbcUrls.redact(e.getMessage()));
        err.println("  fix: " + didYouMean(e) + help);
      }
      err.flush();
      return EXIT_BAD_INPUT;
    });
    return cli.execute(args);
  }

  /** picocli does not go below this width. */
  static final int MINIMUM_WIDTH = 55;

  /** {@code $COLUMNS} when it is a width, else empty (then the terminal's, or 80). */
  static OptionalInt columns(Map<String, String> env) {
    String value = env.get("COLUMNS");
    try {
      int columns = value == null ? 0 : Integer.parseInt(value.trim());
      return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Options of an exclusive group given together: the group's own explanation ({@link
   * Exclusive}), else picocli's message.
   */
  private static String conflict(CommandLine.ParameterException e, String help) {
    for (ArgGroupSpec group : e.getCommandLine().getCommandSpec().argGroups()) {
      long given = group.args().stream().filter(arg -> !arg.originalStringValues().isEmpty()).count();
      if (group.exclusive() && given > 1) {
        try {
          if (group.getter().get() instanceof Exclusive exclusive) {
            return exclusive.conflict();
          }
        } catch (Exception notSet) {
          // picocli's message below
        }
      }
    }
    return e.getMessage().replaceFirst("^Error: ", "") + "\n  fix: give one of them; " + help;
  }

  /** The first word, when it names no command (picocli calls it an unmatched argument); else null. */
  private static String unknownCommand(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
        && !unmatched.isUnknownOption() && !unmatched.getUnmatched().isEmpty()) {
      return unmatched.getUnmatched().get(0);
    }
    return null;
  }

  /** picocli's guess at a mistyped option or command ("did you mean --postgres? "), or nothing. */
  private static String didYouMean(CommandLine.ParameterException e) {
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
      return "did you mean " + String.join(" or ", unmatched.getSuggestions()) + "? ";
    }
    return "";
  }

  private static int handle(Exception e, PrintWriter err) {
    if (e instanceof ScenarioException || e instanceof BadInputException) {
      err.println("error: " + e.getMessage());
      err.flush();
      return EXIT_BAD_INPUT;
    }
    String message = e instanceof InfrastructureException ? e.getMessage() : e.toString();
    err.println("error: the rehearsal could not finish: " + JdbcUrls.redact(message));
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      err.println("  cause: " + JdbcUrls.redact(String.valueOf(cause.getMessage())));
    }
    err.flush();
    return EXIT_INFRASTRUCTURE;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RehearseCommand.class.getPackage().getImplementationVersion();
      return new String[] {"rehearse " + (v == null ? "dev" : v)};
    }
  }
}
