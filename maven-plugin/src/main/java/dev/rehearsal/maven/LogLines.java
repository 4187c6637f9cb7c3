package dev.rehearsal.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.logging.Log;

/** The rehearsal's progress lines into Maven's log, one {@code [INFO]} line each. */
final class LogLines extends OutputStream {

  private final Log log;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LogLines(Log log) {
    this.log = log;
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      flushLine();
    } else if (b != '\r') {
      line.write(b);
    }
  }

  @Override
  public synchronized void flush() {
    // lines go out whole, at their newline
  }

  @Override
  public synchronized void close() {
    flushLine();
  }

  private void flushLine() {
    if (line.size() > 0) {
      log.info(line.toString(StandardCharsets.UTF_8));
      line.reset();
    } else {
      log.info("");
    }
  }
}
