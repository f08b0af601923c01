package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;

/**
 * The exact N-step MAML meta-gradient (Ji, Yang and Liang 2022, eq. (3) resampling case and (10)
 * finite-sum case).
 *
 * <p>For task {@code i} with support (inner) loss {@code l_S} and query (outer) loss {@code l_T},
 * the inner path {@code w̃_{j+1} = w̃_j − α ∇l_S(w̃_j)} from {@code w̃_0 = w} (see {@link
 * InnerGradientDescent}), the task objective {@code 𝓛_i(w) = l_T(w̃_N)} and
 *
 * <pre>
 *   ∇𝓛_i(w) = Π_{j=0}^{N−1} (I − α ∇²l_S(w̃_j)) ∇l_T(w̃_N)       (j = 0 leftmost: (dw̃_N/dw)ᵀ)
 *   ∇𝓛(w)   = Σ_i p_i ∇𝓛_i(w),     𝓛(w) = Σ_i p_i 𝓛_i(w)
 * </pre>
 *
 * <p>The product is applied by backward accumulation with Hessian-vector products: {@code v ←
 * ∇l_T(w̃_N)}, then {@code v ← v − α ∇²l_S(w̃_j) v} for {@code j = N−1, …, 0}; no Hessian is formed
 * unless the loss's {@code hessianVector} forms one. As an estimator ({@link #estimate}) this is
 * exact: {@code Ĝ_i = ∇𝓛_i}.
 *
 * <p>Workspace arrays are allocated once; calls do not allocate. Not thread-safe.
 */
public final class MamlMetaGradient extends InnerPathEstimator {

  private final double[] vector;
  private final double[] product;
  private final double[] taskGradient;

  /**
   * @param tasks the tasks (inner loss = {@code l_S}, outer loss = {@code l_T})
   * @param alpha inner step size α (any real; theory assumes {@code 0 ≤ α ≤ 1/L})
   * @param steps inner steps {@code N ≥ 0}
   */
  public MamlMetaGradient(TaskSet tasks, double alpha, int steps) {
    super(tasks, alpha, steps);
    this.vector = new double[dimension];
    this.product = new double[dimension];
    this.taskGradient = new double[dimension];
  }

  /** Writes {@code ∇𝓛_i(w)} into {@code out} and returns {@code 𝓛_i(w) = l_T(w̃_N)}. */
  public double taskGradient(int task, double[] w, double[] out) {
    MetaTask t = innerPath(task, w, product);
    double value = t.outer().value(path[steps]);
    t.outer().gradient(path[steps], vector);
    for (int j = steps - 1; j >= 0; j--) {
      // v ← (I − α ∇²l_S(w̃_j)) v
      t.inner().hessianVector(path[j], vector, product);
      for (int k = 0; k < dimension; k++) {
        vector[k] -= alpha * product[k];
      }
    }
    System.arraycopy(vector, 0, out, 0, dimension);
    return value;
  }

  @Override
  public void taskDirection(int task, double[] w, double[] out) {
    taskGradient(task, w, out);
  }

  /** Writes {@code ∇𝓛(w) = Σ p_i ∇𝓛_i(w)} into {@code out} and returns {@code 𝓛(w)}. */
  public double metaGradient(double[] w, double[] out) {
    checkDimension(w, dimension, "w");
    java.util.Arrays.fill(out, 0, dimension, 0.0);
    double value = 0;
    for (int i = 0; i < tasks.size(); i++) {
      double p = taskProbability(i);
      if (p == 0) {
        continue;
      }
      value += p * taskGradient(i, w, taskGradient);
      Vectors.axpy(p, taskGradient, out, dimension);
    }
    return value;
  }

  /** {@code ∇𝓛(w)} in a new array. */
  public double[] metaGradient(double[] w) {
    double[] out = new double[dimension];
    metaGradient(w, out);
    return out;
  }

  /** The meta-objective {@code 𝓛(w) = Σ_i p_i l_{T_i}(w̃^i_N(w))} (Ji2022 eq. (2)/(8)). */
  public double metaObjective(double[] w) {
    checkDimension(w, dimension, "w");
    double value = 0;
    for (int i = 0; i < tasks.size(); i++) {
      double p = taskProbability(i);
      if (p == 0) {
        continue;
      }
      MetaTask t = innerPath(i, w, product);
      value += p * t.outer().value(path[steps]);
    }
    return value;
  }
}
