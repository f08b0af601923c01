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
import java.util.Map;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * Evaluates a bound's {@link Expression} in a Hipparchus field: the same formula the double
 * evaluation uses, in {@code Dfp} at 50 or 100 significant digits when a verdict is confirmed.
 *
 * <p>Literals are the doubles they parse to, converted exactly, so both precisions evaluate the
 * same mathematical expression of the same inputs. A power with a whole-number exponent uses
 * repeated multiplication (exact sign for a negative base, as {@link Math#pow} gives); any other
 * power is {@code exp(b log a)} and NaN for a negative base, and an exponential with an argument
 * beyond {@link #EXP_ARGUMENT_LIMIT} is NaN (the extended comparison is then unavailable). Symbol domains are not checked here:
 * the double evaluation, which runs first, has put an instance outside them out of scope.
 */
public final class FieldExpressions {

  /**
   * Largest |x| for which {@code exp(x)} (and a non-integer power {@code exp(b log a)}) is computed
   * in the field; beyond it the result is NaN. e^10000 is far past double's range (e^709), where
   * no double-measured side can be compared, and Dfp's exp of such arguments is very slow.
   */
  static final double EXP_ARGUMENT_LIMIT = 1e4;

  private FieldExpressions() {}

  /**
   * @param expression the formula
   * @param values the value of every symbol it uses, in the field
   * @param field the field
   * @throws IllegalArgumentException naming a symbol without a value
   */
  public static <T extends CalculusFieldElement<T>> T evaluate(
      Expression expression, Map<String, T> values, Field<T> field) {
    if (expression instanceof Constant c) {
      return Fields.of(field, c.value());
    }
    if (expression instanceof SymbolRef s) {
      T v = values.get(s.name());
      if (v == null) {
        throw new IllegalArgumentException(
            "symbol " + s.name() + " has no extended-precision value (have " + values.keySet() + ")");
      }
      return v;
    }
    if (expression instanceof Sum e) {
      return evaluate(e.left(), values, field).add(evaluate(e.right(), values, field));
    }
    if (expression instanceof Difference e) {
      return evaluate(e.left(), values, field).subtract(evaluate(e.right(), values, field));
    }
    if (expression instanceof Product e) {
      return evaluate(e.left(), values, field).multiply(evaluate(e.right(), values, field));
    }
    if (expression instanceof Quotient e) {
      return evaluate(e.left(), values, field).divide(evaluate(e.right(), values, field));
    }
    if (expression instanceof Negation e) {
      return evaluate(e.operand(), values, field).negate();
    }
    if (expression instanceof Power e) {
      T base = evaluate(e.base(), values, field);
      T exponent = evaluate(e.exponent(), values, field);
      double n = exponent.getReal();
      if (n == Math.rint(n) && Math.abs(n) <= Integer.MAX_VALUE
          && exponent.subtract(n).getReal() == 0) {
        // a^n by repeated squaring: exact sign for a negative base
        return base.pow((int) n);
      }
      // a^x = exp(x log a): past the exponent limit Dfp's exp takes minutes and the value is far
      // outside double anyway, so the comparison stays in double (the confirmation is unavailable)
      if (!(Math.abs(n * Math.log(Math.abs(base.getReal()))) <= EXP_ARGUMENT_LIMIT)) {
        return notANumber(field);
      }
      return base.pow(exponent);
    }
    if (expression instanceof Function e) {
      T a = evaluate(e.argument(), values, field);
      return switch (e.kind()) {
        case SQRT -> a.sqrt();
        case EXP -> Math.abs(a.getReal()) <= EXP_ARGUMENT_LIMIT ? a.exp() : notANumber(field);
        case LOG -> a.log();
        case ABS -> a.abs();
        case CEIL -> a.ceil();
        case FLOOR -> a.floor();
      };
    }
    if (expression instanceof Minimum e) {
      T best = evaluate(e.args().get(0), values, field);
      for (int i = 1; i < e.args().size(); i++) {
        best = Fields.min(best, evaluate(e.args().get(i), values, field));
      }
      return best;
    }
    if (expression instanceof Maximum e) {
      T best = evaluate(e.args().get(0), values, field);
      for (int i = 1; i < e.args().size(); i++) {
        best = Fields.max(best, evaluate(e.args().get(i), values, field));
      }
      return best;
    }
    throw new AssertionError("unknown expression node " + expression.getClass());
  }

  /** Not a number in {@code field} (0/0): an evaluation the extended comparison cannot use. */
  private static <T extends CalculusFieldElement<T>> T notANumber(Field<T> field) {
    return field.getZero().divide(field.getZero());
  }
}
