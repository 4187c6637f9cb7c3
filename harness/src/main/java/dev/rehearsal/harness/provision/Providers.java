package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.BadInputException;
import java.time.Duration;
import java.util.function.Consumer;

/** Turns {@code --postgres} into a provider; {@code auto} prefers Docker and says why it chose. */
public final class Providers {

  private Providers() {}

  /**
   * @param postgres auto, embedded, container, or a jdbc:postgresql:// URL
   * @param say where to tell the user which provider {@code auto} chose and why
   */
  public static PostgresProvider choose(String postgres, int majorVersion, String image, Consumer<String> say) {
    String choice = postgres == null ? "auto" : postgres.trim();
    if (choice.startsWith("jdbc:")) {
      return new ExternalProvider(choice);
    }
    switch (choice) {
      case "embedded":
        return new EmbeddedProvider(majorVersion, say);
      case "container":
        return new ContainerProvider(image, majorVersion, say);
      case "auto":
        if (DockerProbe.available(Duration.ofSeconds(3))) {
          ContainerProvider container = new ContainerProvider(image, majorVersion, say);
          say.accept("PostgreSQL: container " + container.image() + " (Docker answered; --postgres embedded to use the embedded server)");
          return new AutoProvider(container, new EmbeddedProvider(majorVersion, say), say);
        }
        say.accept("PostgreSQL: embedded " + majorVersion + " (Docker did not answer; --postgres container to insist)");
        return new EmbeddedProvider(majorVersion, say);
      default:
        throw new BadInputException("--postgres " + JdbcUrls.redact(choice) + ": unknown provider\n"
            + "  fix: use auto, embedded, container, or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
  }
}
