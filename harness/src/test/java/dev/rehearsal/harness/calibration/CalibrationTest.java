package dev.rehearsal.harness.calibration;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the rehearsals with injected ground truth share: one server for the class, an output
 * directory per test, a log line.
 */
abstract class CalibrationTest {

  static CalibrationServer server;
  static String url;

  @TempDir
  Path out;

  @BeforeAll
  static void start() {
    server = new CalibrationServer();
    url = server.url();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Calibration figures go to the test output, for the record (target/failsafe-reports). */
  static void log(String format, Object... args) {
    System.out.println("CALIBRATION " + String.format(Locale.ROOT, format, args));
  }
}
