package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.InfrastructureException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code --postgres auto} once Docker answered: a container, and the embedded server when the
 * container cannot start (its image cannot be pulled where no registry is reachable, the daemon
 * refuses to run it). Auto means "whatever works here"; {@code --postgres container} insists.
 */
final class AutoProvider implements PostgresProvider {

  private final PostgresProvider container;
  private final PostgresProvider embedded;
  private final Consumer<String> say;

  AutoProvider(PostgresProvider container, PostgresProvider embedded, Consumer<String> say) {
    this.container = container;
    this.embedded = embedded;
    this.say = say;
  }

  @Override
  public String name() {
    return "auto";
  }

  @Override
  public PostgresServer start(Map<String, String> settings) {
    try {
      return container.start(settings);
    } catch (InfrastructureException e) {
      say.accept("PostgreSQL: the container could not start (" + JdbcUrls.redact(e.getMessage())
          + "); using the embedded server instead (--postgres container to insist)");
      return embedded.start(settings);
    }
  }
}
