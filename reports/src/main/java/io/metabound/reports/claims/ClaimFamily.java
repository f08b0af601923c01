package io.metabound.reports.claims;

import io.metabound.experiments.check.ConstantErrors;
import io.metabound.experiments.check.FieldConstants;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.probe.TaskGradients;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.metabound.experiments.oracle.field.ExactModel;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * The instance family a claim speaks of: how its instances are searched, and the exact constants
 * each instance binds for the claim's bound, parameter ranges and measure.
 */
public sealed interface ClaimFamily permits QuadraticClaimFamily, RegressionClaimFamily {

  /** The {@code type:} of the claims file ({@code quadratic}, …). */
  String type();

  /** The constants an instance binds, by name (a bound may use them). */
  Set<String> constants();

  /** The constants a parameter range may use (those defined on every instance). */
  Set<String> rangeConstants();

  /** The exact constants of an instance. */
  Map<String, Double> constants(Instance instance);

  /**
   * Absolute rounding errors of the computed constants (the bound's rounding floor): every family's
   * instances are quadratic task sets, whose eigenvalue errors {@link
   * QuadraticInstanceConstants#ERRORS} gives.
   */
  default ConstantErrors constantErrors() {
    return QuadraticInstanceConstants.ERRORS;
  }

  /**
   * The constants in extended precision (the bound's confirmation): those of the quadratic tasks;
   * a family's own symbols ({@code n_t}, {@code noise}, …) are instance parameters, which the
   * bound's field form binds itself.
   */
  default FieldConstants fieldConstants() {
    return QuadraticInstanceConstants.FIELD;
  }

  /**
   * The constants every family derives from its base ones: {@code kappa = L/mu} (NaN off strong
   * convexity, which puts a bound using it out of scope) and {@code sigma}, the spread of the
   * tasks' outer gradients at the instance's point {@code w} (the origin when it has none).
   */
  static Map<String, Double> withDerivedConstants(Map<String, Double> base, Instance instance) {
    Map<String, Double> c = new java.util.TreeMap<>(base);
    double mu = c.get("mu");
    c.put("kappa", mu > 0 ? c.get("L") / mu : Double.NaN);
    double[] w =
        instance.hasParameter("w0")
            ? instance.vectorParameter("w")
            : new double[instance.dimension()];
    c.put("sigma", TaskGradients.spread(instance.tasks(), w));
    return c;
  }

  /**
   * What a measure is evaluated on for one instance, in a field: the instance's exact model and
   * its constants (with {@code sigma} at the point).
   *
   * @param point the claim's point {@code w}, or null (sigma is then taken at the origin)
   */
  <T extends CalculusFieldElement<T>> Measurable<T> measurable(
      Instance instance, Field<T> field, T[] point);

  /**
   * An instance ready for a measure.
   *
   * @param model the estimators' exact forms on the instance
   * @param constants the constants a measure may use, by name
   */
  record Measurable<T extends CalculusFieldElement<T>>(
      ExactModel<T> model, Map<String, T> constants) {}

  /**
   * The search domain of a claim over this family.
   *
   * @param name the domain's name in reports
   * @param parameters the claim's parameter ranges
   * @param point the claim's point variable, or null
   */
  InstanceDomain domain(String name, List<ParameterRange> parameters, Claim.PointSpec point);
}
