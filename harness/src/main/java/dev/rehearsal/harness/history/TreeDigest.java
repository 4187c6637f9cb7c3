package dev.rehearsal.harness.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over texts and over every file under a directory (its path relative to the directory
 * and its bytes, in path order), so that any changed, added, removed or renamed migration file
 * changes the digest.
 */
final class TreeDigest {

  private final MessageDigest sha;

  TreeDigest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  TreeDigest text(String text) {
    sha.update(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0); // so that "ab","c" and "a","bc" differ
    return this;
  }

  /** Every regular file under {@code directory}, recursively. */
  TreeDigest tree(Path directory) {
    try (Stream<Path> entries = Files.walk(directory)) {
      List<Path> files = entries.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        text(directory.relativize(file).toString().replace('\\', '/'));
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory + " to fingerprint it", e);
    }
  }

  /**
   * A classpath folder: its files when it is a directory on disk (as in a build's target/classes);
   * inside a jar only its name counts, since the jar's version names its content.
   */
  TreeDigest classpathFolder(String folder) {
    text("classpath:" + folder);
    URL url = Thread.currentThread().getContextClassLoader().getResource(folder);
    if (url != null && "file".equals(url.getProtocol())) {
      try {
        tree(Path.of(url.toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException("a classpath URL that is no URI: " + url, e);
      }
    }
    return this;
  }

  String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }
}
