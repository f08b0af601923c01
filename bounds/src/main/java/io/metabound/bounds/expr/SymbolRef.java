package io.metabound.bounds.expr;

import io.metabound.bounds.symbol.Symbol;
import io.metabound.bounds.symbol.SymbolCatalogue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A reference to a symbol by name. The name need not be catalogued; when it is, evaluation checks
 * the bound value against the catalogued {@link io.metabound.bounds.symbol.Domain}.
 *
 * @param name an identifier {@code [A-Za-z][A-Za-z0-9_]*} that is not a function name
 */
public record SymbolRef(String name) implements Expression {

  /** Rejects names the parser could not read back. */
  public SymbolRef {
    Objects.requireNonNull(name, "name");
    if (!Identifiers.isIdentifier(name)) {
      throw new IllegalArgumentException(
          "symbol name '" + name + "' is not an identifier [A-Za-z][A-Za-z0-9_]*");
    }
    if (Identifiers.isReserved(name)) {
      throw new IllegalArgumentException("symbol name '" + name + "' is reserved for a function");
    }
  }

  @Override
  public double evaluate(Bindings bindings) {
    OptionalDouble bound = bindings.get(name);
    if (bound.isEmpty()) {
      throw new EvaluationException("symbol " + name + " is unbound", name);
    }
    double value = bound.getAsDouble();
    Optional<Symbol> symbol = SymbolCatalogue.lookup(name);
    if (symbol.isPresent()
        && bindings.checksDomainOf(name)
        && !symbol.get().domain().contains(value)) {
      throw new EvaluationException(
          "symbol "
              + name
              + " must be "
              + symbol.get().domain().description()
              + ", got "
              + NumberText.plain(value),
          name);
    }
    return value;
  }

  @Override
  public Expression substitute(Map<String, Expression> replacements) {
    Expression replacement = replacements.get(name);
    return replacement == null ? this : replacement;
  }

  @Override
  public List<Expression> children() {
    return List.of();
  }

  @Override
  public String toString() {
    return name;
  }
}
