package dev.rehearsal.harness.calibration;

import dev.rehearsal.harness.provision.EmbeddedBinaries;
import dev.rehearsal.harness.provision.EmbeddedProvider;
import dev.rehearsal.harness.provision.PostgresServer;
import java.util.Map;

/**
 * One embedded server for a test class, handed to rehearsals as an external server by URL, so
 * each rehearsal gets a scratch database of its own without a server start.
 */
final class CalibrationServer implements AutoCloseable {

  private final PostgresServer server;

  CalibrationServer() {
    this(Map.of());
  }

  /** @param settings server settings ({@code -c name=value}), e.g. to log lock waits */
  CalibrationServer(Map<String, String> settings) {
    server = new EmbeddedProvider(EmbeddedBinaries.DEFAULT_MAJOR).start(settings);
  }

  String url() {
    String jdbcUrl = server.adminTarget().jdbcUrl();
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "user=" + server.adminTarget().user();
  }

  @Override
  public void close() {
    server.close();
  }
}
