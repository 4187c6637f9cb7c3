package dev.rehearsal.report;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one HTML escaping function. Every piece of text that came from a scenario, a server or a
 * database (names, SQL, error messages, settings, actions, owners, next steps) goes through
 * {@link #escape} before it reaches the page, including text inside inline SVG.
 */
final class Html {

  /**
   * Forbids the page every network request and every script: the report is one file that must
   * open offline, and even a SQL text that got past escaping could not run or phone home.
   */
  static final String CONTENT_SECURITY_POLICY = "<meta http-equiv=\"Content-Security-Policy\" "
      + "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";

  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\n]+)`");

  private Html() {}

  /**
   * Escapes the five characters that matter in HTML text and in quoted attribute values.
   *
   * @return the escaped text; the empty string for null
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escapes prose written for people (a verdict headline, a next step), then shows
   * {@code `backticked`} parts as code, as the harness writes them Markdown-style ("set
   * `lock_timeout` and retry"). Safe because the backticks are matched after escaping.
   */
  static String prose(String text) {
    return CODE_SPAN.matcher(escape(text)).replaceAll("<code>$1</code>");
  }

  /**
   * A CSS class for a verdict or budget status. Always one of a fixed set, so it is safe to put
   * into markup without escaping whatever the report says.
   *
   * @return pass, warn, fail or unknown
   */
  static String statusClass(String status) {
    String normalised = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
    return switch (normalised) {
      case "pass", "warn", "fail" -> normalised;
      default -> "unknown";
    };
  }

  /** The worse of two {@link #statusClass} values: fail over warn over pass over unknown. */
  static String worse(String a, String b) {
    List<String> order = List.of("unknown", "pass", "warn", "fail");
    return order.indexOf(a) >= order.indexOf(b) ? a : b;
  }
}
