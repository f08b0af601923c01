package io.metabound.bounds.registry;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One constant, error bound or stepsize condition of a paper, encoded once with its provenance.
 *
 * <p>The statement is {@code quantity relation formula}, e.g. {@code meta-smoothness <= (1 +
 * alpha*L)^(2*N)*L + C_L * grad_task_mean}, valid on instances where every checkable {@link
 * Assumption} holds.
 *
 * @param id {@code <paper>.<result>.<name>}, lowercase, e.g. {@code ji2022.prop1.meta-smoothness};
 *     the paper part equals the lowercased {@link Reference#paper()}
 * @param title a short human title
 * @param reference paper, result and equation
 * @param formula the right-hand side, in catalogued symbols
 * @param relation how the quantity relates to the formula
 * @param quantity the id of a {@link Quantity}
 * @param assumptions the hypotheses, checkable ones first by convention
 * @param provenance verbatim or reconstructed, with the docs/THEOREMS.md tag
 * @param note tightness facts, caveats, flags (e.g. "probable typo in the paper")
 */
public record Bound(
    String id,
    String title,
    Reference reference,
    Expression formula,
    Relation relation,
    String quantity,
    List<Assumption> assumptions,
    Provenance provenance,
    String note) {

  /** Well-formed ids: paper key, result (may contain dots) and name. */
  public static final Pattern ID_PATTERN =
      Pattern.compile("[a-z]+[0-9]{4}\\.[a-z0-9]+(?:[.-][a-z0-9]+)*\\.[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Validates the id, the quantity id and that every part is present. */
  public Bound {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(formula, "formula");
    Objects.requireNonNull(relation, "relation");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(assumptions, "assumptions");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(note, "note");
    if (!ID_PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "bound id '" + id + "' is not of the form <paper><year>.<result>.<name> in lowercase");
    }
    String prefix = reference.paper().toLowerCase(Locale.ROOT) + ".";
    if (!id.startsWith(prefix)) {
      throw new IllegalArgumentException(
          "bound id '" + id + "' must start with '" + prefix + "' (its paper)");
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("bound " + id + " needs a title");
    }
    if (Quantity.byId(quantity).isEmpty()) {
      throw new IllegalArgumentException(
          "bound " + id + " names unknown quantity '" + quantity + "'");
    }
    assumptions = List.copyOf(assumptions);
  }

  /**
   * @return the symbols of the formula, sorted
   */
  public Set<String> symbols() {
    return formula.symbols();
  }

  /**
   * @return the symbols of the formula and of every checkable assumption, sorted
   */
  public Set<String> allSymbols() {
    TreeSet<String> names = new TreeSet<>(formula.symbols());
    for (Assumption assumption : assumptions) {
      names.addAll(assumption.symbols());
    }
    return Collections.unmodifiableSet(names);
  }

  /**
   * Evaluates the formula.
   *
   * @param bindings values of (at least) the formula's symbols
   * @return the formula's value
   * @throws io.metabound.bounds.expr.EvaluationException naming the symbol when one is unbound or
   *     outside its domain
   */
  public double evaluate(Bindings bindings) {
    return formula.evaluate(bindings);
  }

  /**
   * The checkable assumptions that fail on an instance; an instance with any is out of the bound's
   * scope.
   *
   * @param bindings values of the assumptions' symbols
   * @return the violated assumptions, in order; empty when the instance is in scope
   * @throws io.metabound.bounds.expr.EvaluationException when a symbol of a checkable assumption is
   *     unbound or outside its domain
   */
  public List<Assumption> violatedAssumptions(Bindings bindings) {
    List<Assumption> violated = new ArrayList<>();
    for (Assumption assumption : assumptions) {
      if (!assumption.holds(bindings)) {
        violated.add(assumption);
      }
    }
    return List.copyOf(violated);
  }

  /**
   * @param bindings values of the assumptions' symbols
   * @return true when every checkable assumption holds
   */
  public boolean assumptionsHold(Bindings bindings) {
    return violatedAssumptions(bindings).isEmpty();
  }

  /**
   * The statement in plain text, e.g. {@code meta-smoothness <= 4 * L + ...}.
   *
   * @return quantity, relation symbol and formula
   */
  public String statement() {
    if (relation == Relation.ORDER) {
      return quantity + " = O(" + formula.toPlain() + ")";
    }
    return quantity + " " + relation.symbol() + " " + formula.toPlain();
  }
}
