package dev.rehearsal.harness.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a one-dimensional PostgreSQL array literal ({@code {a,"b c",NULL}}) into its elements:
 * {@code pg_stats} keeps values of any type in {@code anyarray} columns, which JDBC only gives as text.
 * An unquoted NULL is a null element.
 */
final class PgArrays {

  private PgArrays() {}

  static List<String> parse(String literal) {
    List<String> out = new ArrayList<>();
    if (literal == null) {
      return out;
    }
    String s = literal.strip();
    if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
      throw new IllegalArgumentException("not an array literal: " + s);
    }
    int i = 1;
    int end = s.length() - 1;
    if (i == end) {
      return out;
    }
    while (i <= end) {
      StringBuilder element = new StringBuilder();
      boolean quoted = false;
      if (s.charAt(i) == '"') {
        quoted = true;
        i++;
        while (s.charAt(i) != '"') {
          if (s.charAt(i) == '\\') {
            i++;
          }
          element.append(s.charAt(i));
          i++;
        }
        i++; // closing quote
      } else {
        while (i < end && s.charAt(i) != ',') {
          element.append(s.charAt(i));
          i++;
        }
      }
      String e = element.toString();
      out.add(!quoted && e.equals("NULL") ? null : e);
      i++; // the comma, or past the closing brace
    }
    return out;
  }
}
