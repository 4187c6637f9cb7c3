package dev.rehearsal.report;

import java.util.List;
import java.util.Map;

/**
 * Null tolerance for renderers. A report from an interrupted run may lack parts; rendering it
 * must still work, because that is exactly the report someone needs to read.
 */
final class Nulls {

  private Nulls() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }

  static <K, V> Map<K, V> map(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  static String text(String text) {
    return text == null ? "" : text;
  }
}
