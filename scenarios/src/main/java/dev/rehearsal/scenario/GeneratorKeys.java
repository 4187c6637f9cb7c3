package dev.rehearsal.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The column generators a dataset may name, and the keys each one takes. A {@link ColumnSpec}
 * has a component for every key of every generator, so this catalogue is what says which of
 * them a given generator reads; a key with a value that its generator does not read is an
 * error at that key rather than a setting silently ignored. The catalogue is checked against
 * the list of generators when the class loads, so the two cannot drift apart.
 */
final class GeneratorKeys {

  /** The generators of {@link ColumnSpec}, in the order the hint lists them. */
  static final List<String> GENERATORS = List.of(
      "sequence", "uniform", "zipfian", "text", "email", "name", "firstName", "lastName",
      "company", "city", "address", "phone", "faker", "timestamp", "choice", "constant", "uuid",
      "boolean", "reference", "json", "histogram");

  /** The Datafaker-pool generators that take only {@code pool}. */
  static final List<String> POOLED = List.of(
      "email", "name", "firstName", "lastName", "company", "city", "address", "phone");

  /** The keys each generator takes, besides {@code generator} and {@code nullFraction}. */
  static final Map<String, List<String>> KEYS = keys();

  /** The key every generator takes: the share of rows that get NULL. */
  static final String NULL_FRACTION = "nullFraction";

  private GeneratorKeys() {}

  private static Map<String, List<String>> keys() {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("sequence", List.of("min", "rowsPerValue"));
    keys.put("uniform", List.of("min", "max", "scale"));
    keys.put("zipfian", List.of("min", "max", "scale", "skew"));
    keys.put("text", List.of("length", "minLength", "maxLength"));
    POOLED.forEach(generator -> keys.put(generator, List.of("pool")));
    keys.put("faker", List.of("expression", "pool"));
    keys.put("timestamp", List.of("days", "from", "to"));
    keys.put("choice", List.of("values", "weights"));
    keys.put("constant", List.of("value"));
    keys.put("uuid", List.of());
    keys.put("boolean", List.of("trueFraction"));
    keys.put("reference", List.of("table", "column", "skew"));
    keys.put("json", List.of("template"));
    keys.put("histogram", List.of("values", "weights", "bounds", "distinct", "minLength", "maxLength", "ordered"));
    if (!keys.keySet().equals(Set.copyOf(GENERATORS))) {
      throw new IllegalStateException("KEYS and GENERATORS disagree (a bug)");
    }
    return Collections.unmodifiableMap(keys);
  }

  /** Any key with a value that {@code generator} does not take is an error at that key. */
  static void check(ErrorReporter errors, ColumnSpec column, String generator, String path) {
    List<String> allowed = new ArrayList<>(KEYS.get(generator));
    allowed.add(NULL_FRACTION);
    UnexpectedKeys.reject(errors, column, path, "generator", "generator " + generator, generator,
        allowed);
  }
}
