package io.metabound.experiments.check;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.EvaluationException;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.registry.Assumption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import io.metabound.experiments.precision.FieldExpressions;
import io.metabound.experiments.precision.Fields;
import io.metabound.experiments.precision.RoundingFloor;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * A theoretical bound written as a symbolic {@link Expression} (a registry formula or a claims-file
 * expression), evaluated on an instance's bindings: its parameters ({@code alpha}, {@code N}, …)
 * plus the constants of its tasks ({@code L}, {@code rho}, {@code mu}, …) from a constants
 * function.
 *
 * <p>Scope: the instance is out of scope when a checkable registry {@link Assumption} fails, when
 * an extra {@link ScopeCondition} fails, or when a symbol of the formula or of an assumption is
 * bound to a value outside its catalogued domain (for example {@code mu ≤ 0} for non-convex tasks:
 * a strong-convexity bound does not apply). Descriptive assumptions are the family's business and
 * are not evaluated. A symbol the bindings do not provide at all is a configuration error and
 * throws, naming the symbol: a check must never quietly skip a bound because its constants were not
 * computed.
 */
public final class ExpressionBound implements TheoreticalBound {

  private final Expression formula;
  private final List<Assumption> assumptions;
  private final List<ScopeCondition> conditions;
  private final Function<Instance, Map<String, Double>> constants;
  private final ConstantErrors constantErrors;
  private final FieldConstants fieldConstants;
  private final java.util.Set<String> declaredDomains;

  /**
   * @param formula the bound
   * @param assumptions registry assumptions (checkable ones are evaluated on the bindings)
   * @param conditions further hypotheses as predicates on instances
   * @param constants the constants of an instance's tasks (e.g. {@link
   *     QuadraticInstanceConstants#of}); the instance's parameters are added on top
   */
  public ExpressionBound(
      Expression formula,
      List<Assumption> assumptions,
      List<ScopeCondition> conditions,
      Function<Instance, Map<String, Double>> constants) {
    this(formula, assumptions, conditions, constants, ConstantErrors.NONE, FieldConstants.NONE, Set.of());
  }

  private ExpressionBound(
      Expression formula,
      List<Assumption> assumptions,
      List<ScopeCondition> conditions,
      Function<Instance, Map<String, Double>> constants,
      ConstantErrors constantErrors,
      FieldConstants fieldConstants,
      Set<String> declaredDomains) {
    this.formula = formula;
    this.assumptions = List.copyOf(assumptions);
    this.conditions = List.copyOf(conditions);
    this.constants = constants;
    this.constantErrors = constantErrors;
    this.fieldConstants = fieldConstants;
    this.declaredDomains = Set.copyOf(declaredDomains);
  }

  /**
   * The same bound with the constants' absolute errors (for the rounding floor) and their
   * extended-precision computation (for confirmation).
   *
   * @param errors absolute error of each computed constant (e.g. an eigenvalue's backward error)
   * @param inField the constants in a field of higher precision
   */
  public ExpressionBound withPrecision(ConstantErrors errors, FieldConstants inField) {
    return new ExpressionBound(
        formula, assumptions, conditions, constants, errors, inField, declaredDomains);
  }

  /**
   * The same bound with the catalogue's domains of these symbols not enforced: a claim's parameter
   * has the domain its declared range gives it ({@code alpha ∈ [−1/L, 0]} is a valid claim even
   * though the catalogue's α is non-negative).
   */
  public ExpressionBound withDeclaredDomains(Set<String> names) {
    return new ExpressionBound(
        formula, assumptions, conditions, constants, constantErrors, fieldConstants, names);
  }

  /** A bound on quadratic instances, with their exact constants and extra conditions. */
  public static ExpressionBound onQuadratics(Expression formula, List<ScopeCondition> conditions) {
    return new ExpressionBound(
            formula,
            List.of(),
            conditions,
            instance -> QuadraticInstanceConstants.of(instance.tasks()))
        .withQuadraticPrecision();
  }

  /**
   * The same bound with the rounding errors and the extended-precision form of the quadratic
   * constants on quadratic instances (the field form is used only where it reproduces this bound's
   * own constants, see {@link #valueInField}).
   */
  public ExpressionBound withQuadraticPrecision() {
    return withPrecision(QuadraticInstanceConstants.ERRORS, QuadraticInstanceConstants.FIELD);
  }

  public Expression expression() {
    return formula;
  }

  /** The instance's bindings: task constants, then its parameters (parameters win on a clash). */
  public Bindings bindings(Instance instance) {
    TreeMap<String, Double> values = new TreeMap<>(constants.apply(instance));
    values.putAll(instance.parameters());
    return Bindings.of(values).withDeclaredDomains(declaredDomains);
  }

  @Override
  public <T extends CalculusFieldElement<T>> Optional<T> valueInField(
      Instance instance, Field<T> field) {
    Optional<Map<String, T>> fieldValues = fieldConstants.of(instance, field);
    if (fieldValues.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> doubles = constants.apply(instance);
    Map<String, T> values = new TreeMap<>();
    for (Map.Entry<String, T> c : fieldValues.get().entrySet()) {
      Double v = doubles.get(c.getKey());
      if (v == null) {
        continue;
      }
      double x = c.getValue().getReal();
      // the field form must compute the same constant as the double one (a plan may define L
      // otherwise): a disagreement beyond rounding means there is no field form of this bound
      if (!(Math.abs(x - v) <= 1e-9 * Math.max(Math.abs(x), Math.abs(v)) + 1e-300)
          && !(Double.isNaN(v) && Double.isNaN(x))) {
        return Optional.empty();
      }
      values.put(c.getKey(), c.getValue());
    }
    for (Map.Entry<String, Double> p : instance.parameters().entrySet()) {
      values.put(p.getKey(), Fields.of(field, p.getValue()));
    }
    for (String symbol : formula.symbols()) {
      if (!values.containsKey(symbol)) {
        // a constant without an extended form: the bound cannot be confirmed in the field
        return Optional.empty();
      }
    }
    return Optional.of(FieldExpressions.evaluate(formula, values, field));
  }

  @Override
  public double roundingFloor(Instance instance) {
    Map<String, Double> computed = constants.apply(instance);
    Map<String, Double> values = new TreeMap<>(computed);
    values.putAll(instance.parameters());
    Map<String, Double> errors = new TreeMap<>(constantErrors.of(instance, computed));
    // parameters are exact: they are the doubles the instance is made of
    instance.parameters().keySet().forEach(errors::remove);
    double e = RoundingFloor.evaluate(formula, values, errors).error();
    return Double.isFinite(e) ? e : 0;
  }

  @Override
  public String formula() {
    return formula.toPlain();
  }

  @Override
  public double value(Instance instance) {
    Bindings b = bindings(instance);
    requireBound(formula.symbols(), b);
    return formula.evaluate(b);
  }

  /**
   * The formula evaluated with {@code symbol = 0} (its terms in that symbol vanish); scope is
   * decided by this bound, with the instance's true value. Empty when the formula does not contain
   * the symbol.
   */
  @Override
  public Optional<TheoreticalBound> ablated(String symbol) {
    if (!formula.symbols().contains(symbol)) {
      return Optional.empty();
    }
    ExpressionBound full = this;
    return Optional.of(
        new TheoreticalBound() {
          @Override
          public String formula() {
            return full.formula() + " with " + symbol + " = 0";
          }

          @Override
          public double value(Instance instance) {
            Bindings b = full.bindings(instance);
            full.requireBound(formula.symbols(), b);
            return formula.evaluate(b.with(symbol, 0));
          }

          @Override
          public List<String> unmetAssumptions(Instance instance) {
            return full.unmetAssumptions(instance);
          }
        });
  }

  @Override
  public List<String> unmetAssumptions(Instance instance) {
    List<String> unmet = new ArrayList<>();
    Bindings b = bindings(instance);
    for (Assumption a : assumptions) {
      if (!a.isCheckable()) {
        continue;
      }
      requireBound(a.symbols(), b);
      try {
        if (!a.holds(b)) {
          unmet.add(a.condition().orElse("") + " (" + a.description() + ")");
        }
      } catch (EvaluationException e) {
        unmet.add(a.condition().orElse("") + ": symbol domain: " + e.getMessage());
      }
    }
    for (ScopeCondition c : conditions) {
      if (!c.test(instance)) {
        unmet.add(c.description());
      }
    }
    requireBound(formula.symbols(), b);
    try {
      formula.evaluate(b);
    } catch (EvaluationException e) {
      unmet.add("symbol domain: " + e.getMessage());
    }
    return unmet;
  }

  private void requireBound(Set<String> symbols, Bindings b) {
    for (String symbol : symbols) {
      if (b.get(symbol).isEmpty()) {
        throw new IllegalStateException(
            "the bound "
                + formula.toPlain()
                + " needs symbol '"
                + symbol
                + "', which the instance does not provide (it has "
                + b.names()
                + ")");
      }
    }
  }
}
