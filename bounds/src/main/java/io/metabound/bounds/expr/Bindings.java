package io.metabound.bounds.expr;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/** An immutable assignment of values to symbol names, used to evaluate expressions. */
public final class Bindings {

  private static final Bindings EMPTY = new Bindings(new TreeMap<>(), Set.of());

  private final TreeMap<String, Double> values;

  /** Symbols whose catalogued domain is not enforced: their caller declared their range. */
  private final Set<String> declaredDomains;

  private Bindings(TreeMap<String, Double> values, Set<String> declaredDomains) {
    this.values = values;
    this.declaredDomains = declaredDomains;
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
    return new Bindings(copy, Set.of());
  }

  /**
   * A copy in which the catalogued domains of {@code names} are not enforced at evaluation: the
   * caller has declared those symbols' ranges itself (a claim over {@code alpha ∈ [−1/L, 0]} gives
   * α its domain, not the catalogue's {@code α ≥ 0}).
   *
   * @param names the symbols whose domain the caller declares
   * @return the new bindings; this one is unchanged
   */
  public Bindings withDeclaredDomains(Set<String> names) {
    return new Bindings(values, Set.copyOf(names));
  }

  /**
   * @param name a symbol name
   * @return true when evaluation checks the catalogued domain of {@code name}
   */
  public boolean checksDomainOf(String name) {
    return !declaredDomains.contains(name);
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
    return new Bindings(copy, declaredDomains);
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
    return other instanceof Bindings bindings
        && values.equals(bindings.values)
        && declaredDomains.equals(bindings.declaredDomains);
  }

  @Override
  public int hashCode() {
    return 31 * values.hashCode() + declaredDomains.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
