package dev.rehearsal.harness.cli;

import dev.rehearsal.harness.provision.ContainerProvider;
import dev.rehearsal.harness.provision.EmbeddedBinaries;
import picocli.CommandLine.Option;

/**
 * Where PostgreSQL comes from: {@code --postgres} and {@code --image}, for every command that
 * starts a server or connects to one. {@code sweep} adds its list of {@code --pg-version}s; the
 * others take one ({@link OneVersion}).
 */
class ServerOptions {

  @Option(names = "--postgres", paramLabel = "auto|embedded|container|URL",
      description = "Where PostgreSQL comes from (default: ${DEFAULT-VALUE}): auto = a container when Docker answers, "
          + "else embedded; or the URL of a server, jdbc:postgresql://HOST[:PORT]/DB",
      defaultValue = "auto")
  String postgres;

  @Option(names = "--image", paramLabel = "IMAGE",
      description = "Container image for --postgres container (default: $" + ContainerProvider.IMAGE_ENV
          + ", else the official postgres image of --pg-version)")
  String image;

  /** The server options with one {@code --pg-version}: every command but {@code sweep}. */
  static final class OneVersion extends ServerOptions {

    @Option(names = "--pg-version", paramLabel = "N", converter = Quantities.SingleMajor.class,
        description = "PostgreSQL major version, 15-18, for embedded and container servers; overrides the scenario's "
            + "server.version with a warning (default: the scenario's server.version, else "
            + EmbeddedBinaries.DEFAULT_MAJOR + ")")
    Integer pgVersion;
  }
}
