package dev.rehearsal.harness.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One command line run in-process, as {@code rehearse} runs it: its exit code and what it printed. */
public record CapturedRun(int exit, String stdout, String stderr) {

  /** Runs {@link RehearseCommand#execute} with stdout and stderr captured. */
  public static CapturedRun of(String... args) {
    return of(System.getenv(), args);
  }

  /** The same with these environment variables instead of this process's. */
  static CapturedRun of(Map<String, String> env, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = RehearseCommand.execute(env, args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new CapturedRun(exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
  }

  /** Everything printed, stdout then stderr. */
  String all() {
    return stdout + stderr;
  }
}
