package dev.rehearsal.scenario;

/**
 * Paths to values inside a scenario document, written as JSON pointers ({@code
 * /dataset/tables/0/rows}; the root is the empty string). The location index, the binding error
 * mapper and the validators all name values this way, which is what lets a problem found after
 * binding be reported at the right line and column.
 */
final class YamlPath {

  static final String ROOT = "";

  private YamlPath() {}

  static String child(String parent, String key) {
    // RFC 6901 escaping, so a key containing '/' cannot be mistaken for two segments
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }

  /**
   * The name to use for the value in a message: its key, with any list indexes that follow
   * ({@code /dataset/tables/0/rows} is "rows", {@code /dataset/tables/0} is "tables[0]").
   */
  static String label(String path) {
    String[] segments = segments(path);
    StringBuilder indexes = new StringBuilder();
    for (int i = segments.length - 1; i >= 0; i--) {
      if (!isIndex(segments[i])) {
        return segments[i] + indexes;
      }
      indexes.insert(0, "[" + segments[i] + "]");
    }
    return "scenario" + indexes;
  }

  /** The whole path as a reader would write it: {@code dataset.tables[0].rows}. */
  static String display(String path) {
    StringBuilder text = new StringBuilder();
    for (String segment : segments(path)) {
      if (isIndex(segment)) {
        text.append('[').append(segment).append(']');
      } else {
        text.append(text.length() == 0 ? "" : ".").append(segment);
      }
    }
    return text.toString();
  }

  private static String[] segments(String path) {
    if (path.isEmpty()) {
      return new String[0];
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      segments[i] = segments[i].replace("~1", "/").replace("~0", "~");
    }
    return segments;
  }

  private static boolean isIndex(String segment) {
    return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
  }
}
