package io.metabound.experiments.check;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.EvaluationException;
import io.metabound.bounds.expr.Expression;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The range of one scalar parameter of an instance, possibly depending on the instance's constants
 * and on the parameters decoded before it: {@code alpha ∈ [0.01, 1/L]} is {@code
 * ParameterRange.of("alpha", c -> 0.01, c -> 1 / c.get("L"))}.
 *
 * <p>A search coordinate {@code u ∈ [0, 1]} maps to {@code lower + u (upper − lower)}, to {@code
 * lower (upper/lower)^u} on a log scale, or to one of the integers {@code ⌈lower⌉ … ⌊upper⌋} chosen
 * uniformly. An empty range ({@code upper < lower}) yields {@code lower}: the instance then fails
 * the bound's assumptions and is out of scope, never a violation.
 *
 * @param name the parameter name ({@code alpha}, {@code beta}, {@code N}, …)
 * @param lower lower end as a function of the constants ({@code L}, {@code mu}, {@code d}, {@code
 *     m}) and the parameters already decoded
 * @param upper upper end, same arguments
 * @param integer true for whole-number parameters (N, batch sizes)
 * @param logScale true to spread the coordinate logarithmically (needs {@code lower > 0})
 * @param description the range as text, e.g. {@code [0.01, 1/L]}
 */
public record ParameterRange(
    String name,
    ToDoubleFunction<Map<String, Double>> lower,
    ToDoubleFunction<Map<String, Double>> upper,
    boolean integer,
    boolean logScale,
    String description) {

  /** A range with ends computed from the constants. */
  public static ParameterRange of(
      String name,
      ToDoubleFunction<Map<String, Double>> lower,
      ToDoubleFunction<Map<String, Double>> upper,
      String description) {
    return new ParameterRange(name, lower, upper, false, false, description);
  }

  /**
   * A range whose ends are expressions in the plain syntax of the bounds module, evaluated on the
   * constants and earlier parameters: {@code ParameterRange.expressions("alpha", "0.01", "1/L")}.
   *
   * <p>An end that cannot be evaluated on an instance because a constant lies outside its symbol's
   * catalogued domain (for example {@code 1/L} on tasks with {@code L = 0}, which the shrinker may
   * propose) is NaN there, so {@link #contains} is false: such an instance is outside the range,
   * not an error.
   *
   * @throws io.metabound.bounds.expr.ExpressionParseException when an end does not parse
   */
  public static ParameterRange expressions(String name, String lower, String upper) {
    Expression lo = Expression.parse(lower);
    Expression hi = Expression.parse(upper);
    return new ParameterRange(
        name,
        c -> evaluateOrNaN(lo, c),
        c -> evaluateOrNaN(hi, c),
        false,
        false,
        "[" + lo.toPlain() + ", " + hi.toPlain() + "]");
  }

  private static double evaluateOrNaN(Expression end, Map<String, Double> constants) {
    Bindings bindings = Bindings.of(constants);
    for (String symbol : end.symbols()) {
      if (bindings.get(symbol).isEmpty()) {
        // a configuration error, not a property of the instance
        throw new IllegalArgumentException(
            "the range end "
                + end.toPlain()
                + " needs '"
                + symbol
                + "', which is not among "
                + bindings.names());
      }
    }
    try {
      return end.evaluate(bindings);
    } catch (EvaluationException outsideDomain) {
      return Double.NaN;
    }
  }

  /** A fixed interval {@code [lower, upper]}. */
  public static ParameterRange between(String name, double lower, double upper) {
    return new ParameterRange(
        name, c -> lower, c -> upper, false, false, "[" + lower + ", " + upper + "]");
  }

  /** The integers {@code lower … upper}. */
  public static ParameterRange integers(String name, int lower, int upper) {
    return new ParameterRange(
        name, c -> lower, c -> upper, true, false, "{" + lower + ", …, " + upper + "}");
  }

  /** A single value. */
  public static ParameterRange fixed(String name, double value) {
    return new ParameterRange(name, c -> value, c -> value, false, false, "{" + value + "}");
  }

  /** The same range, spread on a log scale. */
  public ParameterRange logarithmic() {
    return new ParameterRange(name, lower, upper, integer, true, description + " (log scale)");
  }

  /**
   * The parameter value at coordinate {@code u ∈ [0, 1]}.
   *
   * @param u the search coordinate
   * @param constants the constants of the instance and the parameters decoded so far
   */
  public double decode(double u, Map<String, Double> constants) {
    double lo = lower.applyAsDouble(constants);
    double hi = upper.applyAsDouble(constants);
    double t = Math.min(1, Math.max(0, u));
    if (integer) {
      double first = Math.ceil(lo);
      double last = Math.floor(hi);
      if (!(last >= first)) {
        return first;
      }
      // uniform over the last − first + 1 integers
      return Math.min(last, first + Math.floor(t * (last - first + 1)));
    }
    if (!(hi > lo)) {
      return lo;
    }
    if (logScale && lo > 0) {
      // lo (hi/lo)^t
      return lo * Math.pow(hi / lo, t);
    }
    return lo + t * (hi - lo);
  }

  /**
   * True when {@code value} lies in the range for these constants (with a 1e-12 relative slack);
   * false when an end is NaN.
   */
  public boolean contains(double value, Map<String, Double> constants) {
    double lo = lower.applyAsDouble(constants);
    double hi = upper.applyAsDouble(constants);
    double slack = 1e-12 * Math.max(1, Math.max(Math.abs(lo), Math.abs(hi)));
    if (integer && value != Math.rint(value)) {
      return false;
    }
    return value >= lo - slack && value <= hi + slack;
  }
}
