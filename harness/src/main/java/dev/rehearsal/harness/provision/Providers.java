package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.BadInputException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns {@code --postgres} into a provider; {@code auto} prefers Docker, with or without a standby (the
 * container provider starts one as a second container, the embedded one as a second server), and says why it
 * chose.
 */
public final class Providers {

  private Providers() {}

  /**
   * @param postgres auto, embedded, container, or a jdbc:postgresql:// URL
   * @param say where to tell the user which provider {@code auto} chose and why
   */
  public static PostgresProvider choose(String postgres, int majorVersion, String image, Consumer<String> say) {
    return choose(postgres, majorVersion, image, false, say);
  }

  /**
   * @param standby the scenario asks for a standby ({@code server.standby}): {@code auto} chooses as it would
   *     without one (both providers start one) and says how the standby will run
   */
  public static PostgresProvider choose(String postgres, int majorVersion, String image, boolean standby,
      Consumer<String> say) {
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
        return auto(DockerProbe.available(Duration.ofSeconds(3)), standby, majorVersion, image, say);
      default:
        throw new BadInputException("--postgres " + JdbcUrls.redact(choice) + ": unknown provider\n"
            + "  fix: use auto, embedded, container, or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
  }

  /** {@code --postgres auto}: what it runs, said with why. */
  static PostgresProvider auto(boolean dockerAnswered, boolean standby, int majorVersion, String image,
      Consumer<String> say) {
    if (dockerAnswered) {
      ContainerProvider container = new ContainerProvider(image, majorVersion, say);
      say.accept("PostgreSQL: container " + container.image() + " (Docker answered; --postgres embedded to use the "
          + "embedded server)" + (standby ? "; server.standby: a second container of the same image" : ""));
      return new AutoProvider(container, new EmbeddedProvider(majorVersion, say), say);
    }
    say.accept("PostgreSQL: embedded " + majorVersion + " (Docker did not answer; --postgres container to insist)"
        + (standby ? "; server.standby: a second embedded server" : ""));
    return new EmbeddedProvider(majorVersion, say);
  }
}
