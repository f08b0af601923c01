package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;

/**
 * Hessian-free MAML (Fallah, Mokhtari and Ozdaglar 2020, eq. (10)–(11)) with exact gradients: the
 * exact MAML product with every Hessian-vector product replaced by a central difference of
 * gradients.
 *
 * <p>For {@code N = 1} (the paper's algorithm), with {@code w_1 = w − α∇l_S(w)} and {@code v =
 * ∇l_T(w_1)}:
 *
 * <pre>
 *   Ĝ = v − α d,   d = [∇l_S(w + δv) − ∇l_S(w − δv)] / (2δ)
 * </pre>
 *
 * <p>For {@code N > 1} (an extension, not in the paper) the same substitution is made in each
 * factor of the backward accumulation of {@link MamlMetaGradient}: {@code v ← ∇l_T(w̃_N)}, then for
 * {@code j = N−1..0}: {@code v ← v − α [∇l_S(w̃_j + δ_j v) − ∇l_S(w̃_j − δ_j v)]/(2δ_j)}, with
 * {@code δ_j} chosen by the {@link FiniteDifferenceStep} rule from the current {@code ‖v‖}. On
 * quadratic inner losses every difference is exact (up to rounding), so HF-MAML equals MAML; on
 * smooth losses the error is {@code O(δ²)} per factor. When {@code v = 0} the product is 0 and no
 * difference is taken. Calls do not allocate.
 */
public final class HessianFreeMaml extends InnerPathEstimator {

  private final FiniteDifferenceStep step;
  private final double[] vector;
  private final double[] point;
  private final double[] plus;
  private final double[] minus;

  public HessianFreeMaml(TaskSet tasks, double alpha, int steps, FiniteDifferenceStep step) {
    super(tasks, alpha, steps);
    this.step = step;
    this.vector = new double[dimension];
    this.point = new double[dimension];
    this.plus = new double[dimension];
    this.minus = new double[dimension];
  }

  /**
   * Fallah2020 Thm 4.17's finite-difference step {@code δ = 1/(6ρα‖v‖)}; {@code +∞} when {@code
   * ρα‖v‖ = 0}.
   */
  public static double fallahDelta(double hessianLipschitz, double alpha, double vectorNorm) {
    return 1 / (6 * hessianLipschitz * alpha * vectorNorm);
  }

  @Override
  public void taskDirection(int task, double[] w, double[] out) {
    MetaTask t = innerPath(task, w, plus);
    t.outer().gradient(path[steps], vector);
    for (int j = steps - 1; j >= 0; j--) {
      double norm = Vectors.norm(vector);
      if (norm == 0) {
        break;
      }
      double delta = step.delta(norm);
      double[] at = path[j];
      for (int k = 0; k < dimension; k++) {
        point[k] = at[k] + delta * vector[k];
      }
      t.inner().gradient(point, plus);
      for (int k = 0; k < dimension; k++) {
        point[k] = at[k] - delta * vector[k];
      }
      t.inner().gradient(point, minus);
      // v ← v − α [∇l_S(w̃_j + δv) − ∇l_S(w̃_j − δv)]/(2δ)
      double scale = alpha / (2 * delta);
      for (int k = 0; k < dimension; k++) {
        vector[k] -= scale * (plus[k] - minus[k]);
      }
    }
    System.arraycopy(vector, 0, out, 0, dimension);
  }
}
