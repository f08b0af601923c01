package io.metabound.bounds.expr;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/** An immutable assignment of values to symbol names, used to evaluate expressions. */
public final class Bindings {

  private static final Bindings EMPTY = new Bindings(new TreeMap<>());

  private final TreeMap<String, Double> values;

  private Bindings(TreeMap<String, Double> values) {
    this.values = values;
  }

  /**
   * @return bindings with no symbols
   */
  public static Bindings empty() {
    return EMPTY;
  }

  /**
   * Copies a map of values.
   *
   * @param values value of each symbol; keys and values must be non-null
   * @return the bindings
   */
  public static Bindings of(Map<String, Double> values) {
    Objects.requireNonNull(values, "values");
    TreeMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> entry : values.entrySet()) {
      copy.put(
          Objects.requireNonNull(entry.getKey(), "symbol name"),
          Objects.requireNonNull(entry.getValue(), () -> "value of " + entry.getKey()));
    }
    return new Bindings(copy);
  }

  /**
   * A copy with one more (or one replaced) value.
   *
   * @param name the symbol name
   * @param value its value (any double; domains are checked at evaluation)
   * @return the new bindings; this one is unchanged
   */
  public Bindings with(String name, double value) {
    Objects.requireNonNull(name, "name");
    TreeMap<String, Double> copy = new TreeMap<>(values);
    copy.put(name, value);
    return new Bindings(copy);
  }

  /**
   * @param name a symbol name
   * @return its value, or empty when unbound
   */
  public OptionalDouble get(String name) {
    Double value = values.get(name);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * @return the bound names, sorted, unmodifiable
   */
  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /**
   * @return the values as an unmodifiable sorted map
   */
  public Map<String, Double> asMap() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bindings bindings && values.equals(bindings.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
