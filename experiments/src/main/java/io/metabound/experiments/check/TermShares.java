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
    List<Expression> terms = new ArrayList<>();
    Expression sum = outermostSum(bound);
    if (sum == null) {
      return Optional.empty();
    }
    flatten(sum, terms);
    double total = 0;
    double[] values = new double[terms.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = terms.get(i).evaluate(bindings);
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      if (!(values[i] >= 0) || Double.isInfinite(values[i])) {
        return Optional.empty();
      }
      total += values[i];
    }
    if (!(total > 0)) {
      return Optional.empty();
    }
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    double share = values[best] / total;
    if (share <= DOMINANT_SHARE) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "the term %s is %.1f %% of the sum of %d terms at the best instance",
            terms.get(best).toPlain(),
            100 * share,
            terms.size()));
  }

  /** The first sum met descending through wrapping functions, factors and divisors. */
  private static Expression outermostSum(Expression e) {
    if (e instanceof Sum) {
      return e;
    }
    if (e instanceof Function f) {
      return outermostSum(f.argument());
    }
    if (e instanceof Product p) {
      Expression left = outermostSum(p.left());
      Expression right = outermostSum(p.right());
      // a product of two sums has no single additive split
      return left != null && right != null ? null : left != null ? left : right;
    }
    if (e instanceof Quotient q) {
      return outermostSum(q.left());
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
