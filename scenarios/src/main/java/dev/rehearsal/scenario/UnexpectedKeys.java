package dev.rehearsal.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Rejects a key that the chosen kind of a spec does not take. A column generator and a
 * statement parameter are each bound to one record with a component for every key of every
 * kind, so {@code {generator: sequence, max: 10}} binds without complaint; left alone, the
 * {@code max} would be silently ignored. The dataset and workload validators share this one
 * check so that both say the same thing, at the key, with the keys the kind does take.
 */
final class UnexpectedKeys {

  private UnexpectedKeys() {}

  /**
   * Fails at the first component of {@code spec}, in declaration order, that has a value but
   * is neither {@code selector} nor one of {@code takes}.
   *
   * @param selector the key that picks the kind ({@code generator}, {@code kind})
   * @param kind what the message calls the chosen kind ("generator text", "param kind uniform")
   * @param name the chosen kind's own name, for the hint ("text", "uniform")
   * @param takes the keys the kind takes besides {@code selector}, in the order the hint lists them
   */
  static void reject(ErrorReporter errors, Record spec, String path, String selector, String kind,
      String name, List<String> takes) {
    for (RecordComponent component : spec.getClass().getRecordComponents()) {
      String key = component.getName();
      if (key.equals(selector) || takes.contains(key) || valueOf(component, spec) == null) {
        continue;
      }
      throw errors.atKey(YamlPath.child(path, key), kind + " does not take '" + key + "'",
          "remove '" + key + "'; " + name + " takes: " + String.join(", ", takes));
    }
  }

  private static Object valueOf(RecordComponent component, Record spec) {
    try {
      return component.getAccessor().invoke(spec);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + spec.getClass().getSimpleName() + "."
          + component.getName(), e);
    }
  }
}
