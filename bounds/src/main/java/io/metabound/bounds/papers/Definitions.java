package io.metabound.bounds.papers;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.symbol.SymbolCatalogue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Named sub-formulas of one paper ("let" bindings such as {@code C_L} or {@code gamma}), written in
 * plain syntax and expanded into the registered formulas by substitution. A definition may use the
 * earlier ones. Names must not be catalogued symbols, so a registered formula never contains one.
 */
final class Definitions {

  private final Map<String, String> plainByName;
  private final Map<String, Expression> expandedByName;

  private Definitions(Map<String, String> plainByName, Map<String, Expression> expandedByName) {
    this.plainByName = Collections.unmodifiableMap(plainByName);
    this.expandedByName = Collections.unmodifiableMap(expandedByName);
  }

  /** Collects definitions in order. */
  static final class Builder {
    private final Map<String, String> plainByName = new LinkedHashMap<>();
    private final Map<String, Expression> expandedByName = new LinkedHashMap<>();

    /**
     * @param name the sub-formula's name, not a catalogued symbol
     * @param plain its plain-syntax formula, in symbols and earlier definitions
     * @return this builder
     */
    Builder define(String name, String plain) {
      if (SymbolCatalogue.lookup(name).isPresent()) {
        throw new IllegalArgumentException("definition '" + name + "' shadows a catalogued symbol");
      }
      if (plainByName.containsKey(name)) {
        throw new IllegalArgumentException("definition '" + name + "' is given twice");
      }
      plainByName.put(name, plain);
      expandedByName.put(name, Expression.parse(plain).substitute(expandedByName));
      return this;
    }

    Definitions build() {
      return new Definitions(new LinkedHashMap<>(plainByName), new LinkedHashMap<>(expandedByName));
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** No definitions: {@link #expand} only parses. */
  static Definitions none() {
    return builder().build();
  }

  /**
   * Parses a formula and replaces every defined name by its expansion.
   *
   * @param plain the formula in plain syntax
   * @return the expanded expression, in catalogued symbols only
   */
  Expression expand(String plain) {
    return Expression.parse(plain).substitute(expandedByName);
  }

  /**
   * Parses a checkable assumption (see {@link Assumption#parse}) and expands the defined names on
   * both sides.
   *
   * @param condition e.g. {@code gamma > 0}
   * @param description what the condition means and where it comes from
   * @return the assumption in catalogued symbols only
   */
  Assumption assumption(String condition, String description) {
    Assumption parsed = Assumption.parse(condition, description);
    return new Assumption(
        description,
        parsed.lhs().substitute(expandedByName),
        parsed.comparison(),
        parsed.rhs().substitute(expandedByName));
  }

  /**
   * A "where" clause listing the named definitions in their compact plain form, for notes.
   *
   * @param names the definitions to list, in order
   * @return e.g. {@code where gamma = 2 - (1+alpha*L)^(2*N); C_L = ...}
   */
  String where(String... names) {
    StringJoiner joiner = new StringJoiner("; ", "Where ", ".");
    for (String name : names) {
      String plain = plainByName.get(name);
      if (plain == null) {
        throw new IllegalArgumentException("no definition named '" + name + "'");
      }
      joiner.add(name + " = " + plain);
    }
    return joiner.toString();
  }
}
