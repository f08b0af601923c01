package io.metabound.experiments.autodiff;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.util.MathArrays;

/**
 * The meta-Hessian {@code ∇²𝓛(w)} of the N-step MAML objective {@code 𝓛(w) = Σ_i p_i
 * l_{T_i}(w̃^i_N(w))} by forward-mode automatic differentiation (Hipparchus {@link Gradient})
 * through the exact meta-gradient of Ji, Yang and Liang (2022), eq. (3)/(10).
 *
 * <p>Each coordinate of {@code w} is a free parameter, so one pass over the tasks with {@code d}
 * free parameters carries, along with {@code ∇𝓛(w)}, its Jacobian {@code ∂∇𝓛/∂w = ∇²𝓛(w)}: exact
 * up to floating point (no truncation error), for any losses with a {@link FieldLoss} version
 * (quadratic, logistic, separable non-convex, least squares). Cost: {@code O(d)} times one
 * meta-gradient evaluation.
 *
 * <p>The result is returned as computed (row-major, not symmetrised): it is symmetric up to
 * rounding because it is the Hessian of a {@code C²} function.
 */
public final class AutoDiffMetaHessian {

  private AutoDiffMetaHessian() {}

  /** {@code ∇²𝓛(w)} row-major ({@code d*d}). */
  public static double[] metaHessian(TaskSet tasks, double alpha, int steps, double[] w) {
    return evaluate(tasks, alpha, steps, w).metaHessian;
  }

  /**
   * {@code ∇𝓛(w)} as the automatic derivative of the meta-objective value {@code 𝓛(w)} (not of
   * the product formula): an independent check of the product formula (3).
   */
  public static double[] objectiveGradient(TaskSet tasks, double alpha, int steps, double[] w) {
    return evaluate(tasks, alpha, steps, w).objectiveGradient;
  }

  /** {@code ∇𝓛(w)} by the product formula, evaluated over the AD field (its value part). */
  public static double[] metaGradient(TaskSet tasks, double alpha, int steps, double[] w) {
    return evaluate(tasks, alpha, steps, w).metaGradient;
  }

  private record Evaluation(
      double[] metaGradient, double[] metaHessian, double[] objectiveGradient) {}

  private static Evaluation evaluate(TaskSet tasks, double alpha, int steps, double[] w) {
    int d = tasks.dimension();
    if (w.length != d) {
      throw new IllegalArgumentException(
          "w has length " + w.length + ", the task set has dimension " + d);
    }
    Gradient[] x = new Gradient[d];
    for (int k = 0; k < d; k++) {
      x[k] = Gradient.variable(d, k, w[k]);
    }
    Gradient[] sum = MathArrays.buildArray(x[0].getField(), d);
    Gradient[] taskGradient = MathArrays.buildArray(x[0].getField(), d);
    Gradient objective = x[0].getField().getZero();
    for (int k = 0; k < d; k++) {
      sum[k] = objective;
    }
    for (int i = 0; i < tasks.size(); i++) {
      MetaTask task = tasks.get(i);
      double p = tasks.probability(i);
      if (p == 0) {
        continue;
      }
      FieldLoss inner = FieldLosses.of(task.inner());
      FieldLoss outer = FieldLosses.of(task.outer());
      // ∇𝓛 = Σ p_i ∇𝓛_i, 𝓛 = Σ p_i 𝓛_i
      Gradient value =
          FieldMamlMetaGradient.taskMetaGradient(inner, outer, alpha, steps, x, taskGradient);
      objective = objective.add(value.multiply(p));
      for (int k = 0; k < d; k++) {
        sum[k] = sum[k].add(taskGradient[k].multiply(p));
      }
    }
    double[] gradient = new double[d];
    double[] hessian = new double[d * d];
    for (int r = 0; r < d; r++) {
      gradient[r] = sum[r].getValue();
      double[] row = sum[r].getGradient();
      System.arraycopy(row, 0, hessian, r * d, d);
    }
    return new Evaluation(gradient, hessian, objective.getGradient());
  }
}
