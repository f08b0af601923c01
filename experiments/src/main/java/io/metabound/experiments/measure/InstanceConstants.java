package io.metabound.experiments.measure;

import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import java.util.LinkedHashMap;
import java.util.Map;
import io.metabound.experiments.precision.Fields;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * The instance constants of a quadratic task set in the field {@code T}, from the Jacobi
 * eigenvalues of its Hessians:
 *
 * <ul>
 *   <li>{@code L = max_i max(‖H_i‖₂, ‖G_i‖₂)}, the largest |eigenvalue| of any inner or outer
 *       Hessian;
 *   <li>{@code mu = min_i λ_min(H_i)}, the smallest inner eigenvalue (negative for non-convex
 *       tasks);
 *   <li>{@code kappa = L/mu}, only when {@code mu > 0};
 *   <li>{@code rho = 0} (constant Hessians), {@code d}, {@code m};
 *   <li>{@code sigma = √(Σ p_i ‖∇l_i(w) − Σ_j p_j ∇l_j(w)‖²)}, the spread of the outer-loss
 *       gradients {@code ∇l_i(w) = G_i(w − e_i)} at the claim's point (the origin when there is
 *       none), as {@code probe.TaskGradients.spread} defines it.
 * </ul>
 */
public final class InstanceConstants {

  private InstanceConstants() {}

  /**
   * The constants by name, ready to be bindings of {@link MeasureEvaluator}.
   *
   * @param point the claim's point, or null for the origin
   */
  public static <T extends CalculusFieldElement<T>> Map<String, T> of(
      QuadraticExactModel<T> model, T[] point) {
    Field<T> field = model.field();
    T lipschitz = field.getZero();
    T smallest = null;
    for (int i = 0; i < model.taskCount(); i++) {
      T[] inner = model.innerEigenvalues(i);
      T[] outer = model.outerEigenvalues(i);
      for (T[] values : java.util.List.of(inner, outer)) {
        lipschitz = Fields.max(lipschitz, values[0].abs());
        lipschitz = Fields.max(lipschitz, values[values.length - 1].abs());
      }
      smallest =
          smallest == null || Fields.less(inner[0], smallest) ? inner[0] : smallest;
    }
    Map<String, T> constants = new LinkedHashMap<>();
    constants.put("L", lipschitz);
    constants.put("mu", smallest);
    if (Fields.signum(smallest) > 0) {
      // κ = L/μ, defined for strongly convex inner losses
      constants.put("kappa", lipschitz.divide(smallest));
    }
    constants.put("rho", field.getZero());
    constants.put("d", field.getZero().add(model.dimension()));
    constants.put("m", field.getZero().add(model.taskCount()));
    T[] w = point != null ? point : FieldMatrices.zeroVector(field, model.dimension());
    constants.put("sigma", gradientSpread(model, w));
    return constants;
  }

  /** {@code σ(w) = √(Σ p_i ‖∇l_i(w) − ḡ‖²)}, {@code ḡ = Σ p_j ∇l_j(w)}, outer losses. */
  public static <T extends CalculusFieldElement<T>> T gradientSpread(
      QuadraticExactModel<T> model, T[] w) {
    Field<T> field = model.field();
    int m = model.taskCount();
    java.util.List<T[]> gradients = new java.util.ArrayList<>();
    T[] mean = FieldMatrices.zeroVector(field, model.dimension());
    for (int i = 0; i < m; i++) {
      T[] g = model.outerGradient(i, w);
      gradients.add(g);
      // ḡ = Σ p_j ∇l_j(w)
      mean = FieldMatrices.add(mean, FieldMatrices.scale(model.probability(i), g));
    }
    T variance = field.getZero();
    for (int i = 0; i < m; i++) {
      // Σ p_i ‖∇l_i − ḡ‖²
      T[] deviation = FieldMatrices.subtract(gradients.get(i), mean);
      variance =
          variance.add(model.probability(i).multiply(FieldMatrices.dot(deviation, deviation)));
    }
    return variance.sqrt();
  }

}
