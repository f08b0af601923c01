package io.metabound.experiments.precision;

import io.metabound.bounds.expr.Constant;
import io.metabound.bounds.expr.Difference;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.Function;
import io.metabound.bounds.expr.Maximum;
import io.metabound.bounds.expr.Minimum;
import io.metabound.bounds.expr.Negation;
import io.metabound.bounds.expr.Power;
import io.metabound.bounds.expr.Product;
import io.metabound.bounds.expr.Quotient;
import io.metabound.bounds.expr.Sum;
import io.metabound.bounds.expr.SymbolRef;
import java.util.List;
import java.util.Map;

/**
 * A first-order bound on the absolute rounding error of evaluating an expression in IEEE double
 * (running error analysis, as in Higham, <i>Accuracy and Stability of Numerical Algorithms</i>,
 * §3.3): every operation adds {@code u·|result|} ({@code u = 2⁻⁵³}) and propagates its operands'
 * errors through its derivative,
 *
 * <pre>
 *   e(a ± b) = e_a + e_b + u|a ± b|          e(a b) = |a| e_b + |b| e_a + u|a b|
 *   e(a / b) = (e_a + |a/b| e_b)/|b| + u|a/b|  e(a^n) = (|a| + e_a)^n − |a|^n + u|a^n|
 *   e(√a)    = e_a / (2√a) + u√a              e(exp a) = exp(a) e_a + u exp(a)
 *   e(log a) = e_a / |a| + u|log a|
 * </pre>
 *
 * with the inputs' own errors given (0 for parameters and literals, which are the doubles the
 * instance is made of; an eigenvalue's backward error for constants such as {@code L}). The bound
 * is what "the magnitudes involved" allow: for {@code L (1 − α μ)^{2N}} at {@code α = 1/L} the
 * difference {@code 1 − αμ} is a rounding residue of size {@code u}, the error bound of the power
 * is as large as its value, and a comparison of two such residues is not a violation.
 */
public final class RoundingFloor {

  /** The unit roundoff of IEEE double, {@code 2⁻⁵³}. */
  public static final double UNIT_ROUNDOFF = 0x1p-53;

  private RoundingFloor() {}

  /** A value with the bound on its absolute rounding error. */
  public record Rounded(double value, double error) {}

  /**
   * @param expression the formula
   * @param values the symbols' values
   * @param inputErrors absolute errors of symbols whose values are computed (missing: exact)
   * @return the double value and its first-order error bound ({@code NaN} error when the value is
   *     not finite)
   */
  public static Rounded evaluate(
      Expression expression, Map<String, Double> values, Map<String, Double> inputErrors) {
    Rounded r = visit(expression, values, inputErrors);
    return Double.isFinite(r.value()) ? r : new Rounded(r.value(), Double.NaN);
  }

  private static Rounded visit(Expression x, Map<String, Double> v, Map<String, Double> err) {
    double u = UNIT_ROUNDOFF;
    if (x instanceof Constant c) {
      return new Rounded(c.value(), 0);
    }
    if (x instanceof SymbolRef s) {
      Double value = v.get(s.name());
      if (value == null) {
        throw new IllegalArgumentException("symbol " + s.name() + " has no value");
      }
      return new Rounded(value, err.getOrDefault(s.name(), 0.0));
    }
    if (x instanceof Negation n) {
      Rounded a = visit(n.operand(), v, err);
      return new Rounded(-a.value(), a.error());
    }
    if (x instanceof Sum || x instanceof Difference) {
      List<Expression> c = x.children();
      Rounded a = visit(c.get(0), v, err);
      Rounded b = visit(c.get(1), v, err);
      double r = x instanceof Sum ? a.value() + b.value() : a.value() - b.value();
      // e = e_a + e_b + u|a ± b|
      return new Rounded(r, a.error() + b.error() + u * Math.abs(r));
    }
    if (x instanceof Product p) {
      Rounded a = visit(p.left(), v, err);
      Rounded b = visit(p.right(), v, err);
      double r = a.value() * b.value();
      // e = |a| e_b + |b| e_a + u|a b|
      return new Rounded(
          r,
          Math.abs(a.value()) * b.error() + Math.abs(b.value()) * a.error() + u * Math.abs(r));
    }
    if (x instanceof Quotient q) {
      Rounded a = visit(q.left(), v, err);
      Rounded b = visit(q.right(), v, err);
      double r = a.value() / b.value();
      // e = (e_a + |a/b| e_b)/|b| + u|a/b|
      return new Rounded(
          r, (a.error() + Math.abs(r) * b.error()) / Math.abs(b.value()) + u * Math.abs(r));
    }
    if (x instanceof Power p) {
      Rounded a = visit(p.base(), v, err);
      Rounded b = visit(p.exponent(), v, err);
      double r = Math.pow(a.value(), b.value());
      double propagated;
      double n = b.value();
      if (b.error() == 0 && n == Math.rint(n) && n != 0 && Math.abs(n) <= 1024) {
        // a whole power is monotone in |a|: |x^n − a^n| ≤ (|a| + e_a)^n − |a|^n for |x − a| ≤ e_a
        // (exact, so a residue a ≈ 0 keeps its floor e_a^n rather than the derivative's 0)
        double m = Math.abs(a.value());
        propagated =
            n > 0
                ? Math.pow(m + a.error(), n) - Math.pow(m, n)
                : m > a.error() ? Math.pow(m - a.error(), n) - Math.pow(m, n) : Double.POSITIVE_INFINITY;
      } else if (a.value() == 0) {
        propagated = n == 1 ? a.error() : n > 1 ? Math.pow(a.error(), n) : Double.POSITIVE_INFINITY;
      } else {
        // |b a^(b−1)| e_a + |a^b log|a|| e_b
        propagated =
            Math.abs(n * r / a.value()) * a.error()
                + (b.error() == 0 ? 0 : Math.abs(r * Math.log(Math.abs(a.value()))) * b.error());
      }
      return new Rounded(r, propagated + u * Math.abs(r));
    }
    if (x instanceof Function f) {
      Rounded a = visit(f.argument(), v, err);
      double r = f.kind().apply(a.value());
      double e =
          switch (f.kind()) {
            case SQRT -> a.value() > 0 ? a.error() / (2 * r) : Math.sqrt(a.error());
            case EXP -> r * a.error();
            case LOG -> a.error() / Math.abs(a.value());
            case ABS -> a.error();
              // a jump of 1 lies within the argument's error
            case CEIL, FLOOR -> Math.abs(a.value() - Math.rint(a.value())) <= a.error() ? 1 : 0;
          };
      return new Rounded(r, e + u * Math.abs(r));
    }
    if (x instanceof Minimum || x instanceof Maximum) {
      List<Expression> args = x.children();
      double r = Double.NaN;
      double e = 0;
      for (Expression arg : args) {
        Rounded a = visit(arg, v, err);
        r =
            Double.isNaN(r)
                ? a.value()
                : x instanceof Minimum ? Math.min(r, a.value()) : Math.max(r, a.value());
        e = Math.max(e, a.error());
      }
      return new Rounded(r, e);
    }
    throw new AssertionError("unknown expression node " + x.getClass());
  }
}
