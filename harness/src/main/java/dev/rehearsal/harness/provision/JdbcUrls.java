package dev.rehearsal.harness.provision;

import dev.rehearsal.harness.BadInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Small, careful handling of {@code jdbc:postgresql://} URLs: parsing and redaction. */
public final class JdbcUrls {

  private JdbcUrls() {}

  /** A parsed URL: host part ({@code host:port}), database, and query parameters. */
  public record Parsed(String hostPort, String database, Map<String, String> params) {

    /** The URL for another database on the same server, without user or password. */
    public String forDatabase(String db) {
      Map<String, String> rest = new LinkedHashMap<>(params);
      rest.remove("user");
      rest.remove("password");
      String query = rest.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("&"));
      return "jdbc:postgresql://" + hostPort + "/" + db + (query.isEmpty() ? "" : "?" + query);
    }
  }

  public static Parsed parse(String url) {
    String prefix = "jdbc:postgresql://";
    if (url == null || !url.startsWith(prefix)) {
      throw new BadInputException("--postgres " + redact(url) + ": not a PostgreSQL JDBC URL\n"
          + "  fix: use jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME], or auto, embedded or container");
    }
    try {
      URI uri = new URI("postgresql://" + url.substring(prefix.length()));
      if (uri.getRawUserInfo() != null) {
        // PgJDBC does not read USER:PASSWORD@HOST: it would connect as someone else, without the password
        throw new BadInputException("--postgres " + redact(url) + ": USER:PASSWORD@ before the host is not read by"
            + " PostgreSQL's JDBC driver\n  fix: jdbc:postgresql://HOST[:PORT]/DATABASE?user=NAME, with the password"
            + " in PGPASSWORD or ~/.pgpass");
      }
      if (uri.getHost() == null || uri.getHost().isBlank()) {
        throw new URISyntaxException(url, "no host");
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      String database = path.startsWith("/") ? path.substring(1) : path;
      if (database.isEmpty()) {
        database = "postgres";
      }
      Map<String, String> params = new LinkedHashMap<>();
      if (uri.getRawQuery() != null) {
        for (String pair : uri.getRawQuery().split("&")) {
          int eq = pair.indexOf('=');
          String key = eq < 0 ? pair : pair.substring(0, eq);
          String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
          params.put(key, value);
        }
      }
      String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
      return new Parsed(hostPort, database, params);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new BadInputException("--postgres " + redact(url) + ": malformed JDBC URL\n"
          + "  fix: use jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME]; pass the password with "
          + "PGPASSWORD or ~/.pgpass rather than in the URL");
    }
  }

  /** The URL with any password replaced by ***; safe to print. */
  public static String redact(String url) {
    if (url == null) {
      return "null";
    }
    return url.replaceAll("(?i)(password=)[^&]*", "$1***")
        .replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
  }
}
