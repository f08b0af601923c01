package io.metabound.experiments.check;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import io.metabound.experiments.linalg.FieldMatrices;
import io.metabound.experiments.measure.InstanceConstants;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The exact constants of a quadratic task set that parameter ranges and bound formulas refer to.
 *
 * <ul>
 *   <li>{@code L = max_i max(‖H_i‖₂, ‖G_i‖₂)}: gradient-Lipschitz constant of every inner and outer
 *       loss (exact: the spectral norm of a symmetric matrix is its largest |eigenvalue|);
 *   <li>{@code mu = min_i λ_min(H_i)}: smallest curvature of the inner losses (negative for
 *       non-convex tasks);
 *   <li>{@code rho = 0}: quadratics have constant Hessians;
 *   <li>{@code d}, {@code m}: dimension and number of tasks.
 * </ul>
 *
 * <p>Eigenvalues come from Hipparchus' symmetric eigen-decomposition (backward stable, so exact up
 * to a few ulps of ‖H‖).
 */
public final class QuadraticInstanceConstants {

  private QuadraticInstanceConstants() {}

  /** Constants of the task set; a clear error when a task is not quadratic. */
  public static Map<String, Double> of(TaskSet tasks) {
    double lipschitz = 0;
    double smallest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < tasks.size(); i++) {
      MetaTask t = tasks.get(i);
      double[] inner = eigenvalues(quadratic(t.inner(), i, "inner"));
      double[] outer = t.isSameLoss() ? inner : eigenvalues(quadratic(t.outer(), i, "outer"));
      for (double e : inner) {
        lipschitz = Math.max(lipschitz, Math.abs(e));
        smallest = Math.min(smallest, e);
      }
      for (double e : outer) {
        lipschitz = Math.max(lipschitz, Math.abs(e));
      }
    }
    Map<String, Double> c = new TreeMap<>();
    c.put("L", lipschitz);
    c.put("mu", smallest);
    c.put("rho", 0.0);
    c.put("d", (double) tasks.dimension());
    c.put("m", (double) tasks.size());
    return c;
  }

  /**
   * Absolute errors of the computed constants of a quadratic instance, for the rounding floor of a
   * bound, from the constants themselves (no second eigen-decomposition): the symmetric
   * eigen-decomposition is backward stable, so each computed eigenvalue is within {@code 8 d u ‖H‖
   * ≤ 8 d u L} of an eigenvalue of its matrix ({@code u = 2⁻⁵³}); {@code kappa = L/mu} inherits
   * {@code (e_L + kappa e_mu)/|mu|}; {@code d}, {@code m} and {@code rho = 0} are exact. None on a
   * non-quadratic instance (its constants are certified otherwise) or without {@code L}, {@code mu}
   * and {@code d}.
   */
  public static final ConstantErrors ERRORS =
      (instance, constants) -> instance.isQuadratic() ? errors(constants) : Map.of();

  /** The errors of {@link #ERRORS} from constants {@code L}, {@code mu}, {@code d}. */
  static Map<String, Double> errors(Map<String, Double> constants) {
    Double l = constants.get("L");
    Double mu = constants.get("mu");
    Double d = constants.get("d");
    if (l == null || mu == null || d == null) {
      return Map.of();
    }
    double e = 8 * d * 0x1p-53 * l;
    Map<String, Double> errors = new TreeMap<>();
    errors.put("L", e);
    errors.put("mu", e);
    if (mu > 0) {
      errors.put("kappa", (e + (l / mu) * e) / mu);
    }
    return errors;
  }

  /**
   * The same constants computed in a field ({@code L}, {@code mu}, {@code kappa} when {@code mu >
   * 0}, {@code rho}, {@code d}, {@code m}, and {@code sigma} at the instance's point {@code w} or
   * the origin): the measure language's {@link InstanceConstants} on the exact model of the tasks,
   * with eigenvalues by cyclic Jacobi in the field's own precision. Empty when a task is not
   * quadratic.
   */
  public static final FieldConstants FIELD =
      new FieldConstants() {
        @Override
        public <T extends CalculusFieldElement<T>> Optional<Map<String, T>> of(
            Instance instance, Field<T> field) {
          if (!instance.isQuadratic()) {
            return Optional.empty();
          }
          T[] point =
              instance.hasParameter(VectorParameter.coordinate("w", 0))
                  ? FieldMatrices.vectorOf(field, instance.vectorParameter("w"))
                  : null;
          return Optional.of(
              InstanceConstants.of(QuadraticExactModel.of(field, instance.tasks()), point));
        }
      };

  /** Eigenvalues of a symmetric matrix given row-major, in decreasing order. */
  public static double[] eigenvalues(double[] symmetric, int dimension) {
    double[][] rows = new double[dimension][dimension];
    for (int r = 0; r < dimension; r++) {
      for (int k = 0; k < dimension; k++) {
        // symmetrise: the decomposition rejects matrices asymmetric beyond its tolerance
        rows[r][k] = 0.5 * (symmetric[r * dimension + k] + symmetric[k * dimension + r]);
      }
    }
    return new EigenDecompositionSymmetric(new Array2DRowRealMatrix(rows, false)).getEigenvalues();
  }

  static double[] eigenvalues(QuadraticLoss q) {
    return eigenvalues(q.hessian(), q.dimension());
  }

  private static QuadraticLoss quadratic(Object loss, int task, String which) {
    if (loss instanceof QuadraticLoss q) {
      return q;
    }
    throw new IllegalArgumentException(
        "task "
            + task
            + ": the "
            + which
            + " loss is not quadratic ("
            + loss.getClass().getSimpleName()
            + "); quadratic constants do not apply");
  }
}
