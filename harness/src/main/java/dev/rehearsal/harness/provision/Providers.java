package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.BadInputException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Turns {@code --postgres} into a provider; {@code auto} prefers Docker, unless the scenario asks for a
 * standby (only the embedded provider starts one), and says why it chose.
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
   * @param standby the scenario asks for a standby ({@code server.standby}): {@code auto} then runs the
   *     embedded server, which can start one, rather than a container, which cannot (it would fail only after
   *     the data was seeded)
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
        // a standby needs the embedded provider whether Docker answers or not: no need to ask it
        return auto(!standby && DockerProbe.available(Duration.ofSeconds(3)), standby, majorVersion, image, say);
      default:
        throw new BadInputException("--postgres " + JdbcUrls.redact(choice) + ": unknown provider\n"
            + "  fix: use auto, embedded, container, or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
  }

  /** {@code --postgres auto}: what it runs, said with why. */
  static PostgresProvider auto(boolean dockerAnswered, boolean standby, int majorVersion, String image,
      Consumer<String> say) {
    if (standby) {
      say.accept("PostgreSQL: embedded " + majorVersion + " (server.standby asks for a standby, which only the "
          + "embedded provider starts; a container cannot run one yet)");
      return new EmbeddedProvider(majorVersion, say);
    }
    if (dockerAnswered) {
      ContainerProvider container = new ContainerProvider(image, majorVersion, say);
      say.accept("PostgreSQL: container " + container.image() + " (Docker answered; --postgres embedded to use the "
          + "embedded server)");
      return new AutoProvider(container, new EmbeddedProvider(majorVersion, say), say);
    }
    say.accept("PostgreSQL: embedded " + majorVersion + " (Docker did not answer; --postgres container to insist)");
    return new EmbeddedProvider(majorVersion, say);
  }
}
