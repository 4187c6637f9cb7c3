package dev.rehearsal.harness;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where a rehearsal tells the person running it what is happening. Progress goes to stderr so
 * that stdout carries only the result; on a terminal more often than in CI logs.
 */
public final class Console {

  private final PrintStream out;
  private final boolean interactive;

  public Console(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  public static Console stderr() {
    return new Console(System.err, System.console() != null && System.getenv("CI") == null);
  }

  public static Console silent() {
    return new Console(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
  }

  public void say(String line) {
    out.println(line);
    out.flush();
  }

  public void say(String format, Object... args) {
    say(String.format(Locale.ROOT, format, args));
  }

  /** A progress bar on a terminal, a line every five seconds in a log. */
  public dev.rehearsal.harness.seed.SeedProgress seedProgress() {
    return interactive ? dev.rehearsal.harness.seed.SeedProgress.bar(out)
        : dev.rehearsal.harness.seed.SeedProgress.lines(this::say, 5);
  }

  /** Seconds between load progress lines. */
  public int loadProgressEverySeconds() {
    return interactive ? 1 : 5;
  }
}
