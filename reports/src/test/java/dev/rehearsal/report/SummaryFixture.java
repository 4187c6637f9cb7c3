package dev.rehearsal.report;

import dev.rehearsal.report.RehearsalReport.Summary;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Summary} for tests, by figure name: {@code SummaryFixture.quiet().with("peakP99Ms",
 * 2100).with("poolTimeouts", 3).build()}. Every figure not named is 0 (an empty map for
 * {@code errorsByClass}; {@code lostWrites} and {@code healthCheckFailures} are 0, measured).
 * Built by reflection over the record, so a new figure needs no change here; a name that is not
 * a field of Summary fails at once.
 */
public final class SummaryFixture {

  private final Map<String, Object> values = new LinkedHashMap<>();

  private SummaryFixture() {}

  /** A run in which nothing happened: every figure 0, everything measured. */
  public static SummaryFixture quiet() {
    return new SummaryFixture();
  }

  /** Sets a field of Summary by name; numbers are converted to the field's type. */
  public SummaryFixture with(String field, Object value) {
    component(field);
    values.put(field, value == null ? NULL : value); // a null given is "not measured", unlike a field left out
    return this;
  }

  public Summary build() {
    RecordComponent[] components = Summary.class.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = convert(components[i].getType(), values.get(components[i].getName()));
    }
    try {
      return Summary.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RecordComponent component(String field) {
    for (RecordComponent c : Summary.class.getRecordComponents()) {
      if (c.getName().equals(field)) {
        return c;
      }
    }
    throw new IllegalArgumentException("Summary has no field " + field);
  }

  private static Object convert(Class<?> type, Object value) {
    if (type == Map.class) {
      return value == null ? Map.of() : value;
    }
    if (value == NULL) {
      return null;
    }
    Number n = value == null ? 0 : (Number) value;
    if (type == double.class || type == Double.class) {
      return n.doubleValue();
    }
    if (type == long.class || type == Long.class) {
      return n.longValue();
    }
    return n.intValue();
  }

  /** Pass as a value to mark a nullable figure not measured: {@code with("lostWrites", NULL)}. */
  public static final Object NULL = new Object();
}
