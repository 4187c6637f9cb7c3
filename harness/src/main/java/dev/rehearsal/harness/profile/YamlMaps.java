package dev.rehearsal.harness.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping for the scenario with its keys in the order given, as a reader expects them ({@code name} first). */
final class YamlMaps {

  private YamlMaps() {}

  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
