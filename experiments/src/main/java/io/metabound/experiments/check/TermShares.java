package io.metabound.experiments.check;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.Function;
import io.metabound.bounds.expr.Product;
import io.metabound.bounds.expr.Quotient;
import io.metabound.bounds.expr.Sum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which additive term of a bound dominates at an instance: where a check's best ratio comes from.
 *
 * <p>A bound {@code a + b + c} checked at an instance where {@code b} is 98 % of the sum tests
 * only {@code b}: the note says so, so a reader knows which term the search exercised (Ji, Yang
 * and Liang 2022, Prop 4's {@code σ_g²/T} term, for example). The sum is found by descending
 * through the factors and functions that multiply or wrap the whole of it ({@code √(a + b)},
 * {@code C·(a + b)}, {@code (a + b)/D}): its terms' shares are then the terms' shares of the bound's
 * variation. Only sums of non-negative terms are split; a difference is one term.
 */
public final class TermShares {

  private TermShares() {}

  /** A term more than this share of its sum is reported as dominant. */
  public static final double DOMINANT_SHARE = 0.5;

  /**
   * {@code the term sigma_g^2/T is 98.5 % of the sum of 3 terms at the best instance}, or empty
   * when the bound has no sum of two or more non-negative terms or none dominates.
   */
  public static Optional<String> dominant(Expression bound, Bindings bindings) {
    Expression sum = outermostSum(bound, true);
    if (sum == null) {
      return Optional.empty();
    }
    Share top = largest(sum, bindings);
    if (top == null || top.share <= DOMINANT_SHARE) {
      return Optional.empty();
    }
    int terms = top.count;
    // a term linear in an inner sum (a factor times it, or it over a divisor) splits further:
    // the inner terms' shares of the whole are products of the shares
    Share deepest = top;
    for (int depth = 0; depth < 8; depth++) {
      Expression inner = outermostSum(deepest.term, false);
      Share next = inner == null ? null : largest(inner, bindings);
      if (next == null) {
        break;
      }
      deepest = new Share(next.term, deepest.share * next.share, next.count);
    }
    if (deepest.share <= DOMINANT_SHARE) {
      deepest = top;
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the term %s is %.1f %% of the bound's sum of %d terms at the best instance",
            shortened(deepest.term.toPlain()),
            100 * deepest.share,
            terms));
  }

  /** A term and its share of its sum. */
  private record Share(Expression term, double share, int count) {}

  /** The largest of the sum's terms with its share; null when a term is negative or undefined. */
  private static Share largest(Expression sum, Bindings bindings) {
    List<Expression> terms = new ArrayList<>();
    flatten(sum, terms);
    double total = 0;
    double[] values = new double[terms.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = terms.get(i).evaluate(bindings);
      } catch (RuntimeException e) {
        return null;
      }
      if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
        return null;
      }
      total += values[i];
    }
    if (!(total > 0)) {
      return null;
    }
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return new Share(terms.get(best), values[best] / total, terms.size());
  }

  private static String shortened(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "…";
  }

  /**
   * The first sum met descending through factors and divisors, and (with {@code throughFunctions},
   * for the bound's top level only: a monotone wrapper keeps which term dominates) through
   * functions such as the square root.
   */
  private static Expression outermostSum(Expression e, boolean throughFunctions) {
    if (e instanceof Sum) {
      return e;
    }
    if (e instanceof Function f) {
      return throughFunctions ? outermostSum(f.argument(), true) : null;
    }
    if (e instanceof Product p) {
      Expression left = outermostSum(p.left(), throughFunctions);
      Expression right = outermostSum(p.right(), throughFunctions);
      // a product of two sums has no single additive split
      return left != null && right != null ? null : left != null ? left : right;
    }
    if (e instanceof Quotient q) {
      return outermostSum(q.left(), throughFunctions);
    }
    return null;
  }

  private static void flatten(Expression e, List<Expression> terms) {
    if (e instanceof Sum s) {
      flatten(s.left(), terms);
      flatten(s.right(), terms);
    } else {
      terms.add(e);
    }
  }
}
