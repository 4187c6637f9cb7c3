package dev.rehearsal.harness.provision;

import dev.rehearsal.load.DatabaseTarget;

/**
 * A server the harness started and must stop: exactly once, on {@link #close()} or, if the JVM
 * exits first (Ctrl-C, SIGTERM), from a shutdown hook — so no postgres process or container is
 * left behind.
 */
abstract class OwnedServer implements PostgresServer {

  private final String provider;
  private final Thread shutdownHook;
  private boolean stopped;

  OwnedServer(String provider) {
    this.provider = provider;
    this.shutdownHook = new Thread(this::stopOnce, "rehearsal-" + provider + "-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Stops the server; called at most once. */
  protected abstract void stopServer();

  @Override
  public final String provider() {
    return provider;
  }

  @Override
  public final DatabaseTarget adminTarget() {
    return target("postgres");
  }

  @Override
  public final void close() {
    stopOnce();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook is running or has run: the server is being stopped there
    }
  }

  private synchronized void stopOnce() {
    if (!stopped) {
      stopped = true;
      stopServer();
    }
  }
}
