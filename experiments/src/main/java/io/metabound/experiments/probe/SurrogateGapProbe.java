package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.task.TaskSet;

/**
 * {@code surrogate-gap}: {@code ‖∇F̂(w) − ∇F(w)‖} of Fallah, Mokhtari and Ozdaglar 2020, Thm 4.11,
 * computed exactly by enumerating the test batches of small sample pools (docs/THEOREMS.md §6.3).
 *
 * <p>Each task is a finite pool of {@code n} regression samples (its inner loss must be a {@link
 * LeastSquaresLoss}): per-sample loss {@code l_j(w) = ½(x_jᵀw − y_j)²}, {@code ∇l_j = x_j(x_jᵀw −
 * y_j)}, {@code ∇²l_j = x_j x_jᵀ}, and the task loss {@code f_i} is the pool average. A test batch
 * {@code D} of size {@code D_test} is drawn i.i.d. uniformly from the pool, with batch gradient
 * {@code g̃_D} and Hessian {@code H̃_D}. Differentiating {@code F̂(w) = E_i E_D f_i(w − α g̃_D(w))}
 * and {@code F(w) = E_i f_i(w − α∇f_i(w))}:
 *
 * <pre>
 *   ∇F̂(w) = E_i E_D (I − α H̃_D) ∇f_i(w − α g̃_D)        (the same batch in both factors)
 *   ∇F(w) = E_i (I − α ∇²f_i) ∇f_i(w − α ∇f_i(w))
 * </pre>
 *
 * <p>The expectation over {@code D} is the finite sum over the {@code C(n + D_test − 1, D_test)}
 * count vectors of the batch ({@link MultinomialExpectation}); the result is exact up to rounding
 * ({@link Measurement#exact}), at the origin. Parameters {@code alpha, D_test}.
 */
public final class SurrogateGapProbe implements Probe {

  /** Largest number of batch count vectors per task. */
  static final long ENUMERATION_LIMIT = 200_000;

  @Override
  public String quantityId() {
    return "surrogate-gap";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double alpha = instance.parameter("alpha");
    int batch = instance.integerParameter("D_test");
    if (batch < 1) {
      throw new IllegalArgumentException("test batch D_test must be >= 1, got " + batch);
    }
    TaskSet tasks = instance.tasks();
    int d = instance.dimension();
    double[] w = ProbeInstances.point(instance);
    double[] gap = new double[d];
    for (int i = 0; i < tasks.size(); i++) {
      double p = tasks.probability(i);
      if (p == 0) {
        continue;
      }
      if (!(tasks.get(i).inner() instanceof LeastSquaresLoss pool)) {
        throw new IllegalArgumentException(
            "task "
                + i
                + ": the surrogate gap needs a sample pool (LeastSquaresLoss), got "
                + tasks.get(i).inner().getClass().getSimpleName());
      }
      double[] taskGap = taskGap(pool, alpha, batch, w);
      for (int k = 0; k < d; k++) {
        gap[k] += p * taskGap[k];
      }
    }
    double squared = 0;
    for (double x : gap) {
      squared += x * x;
    }
    return Measurement.exact(Math.sqrt(squared));
  }

  /** {@code E_D (I − αH̃_D)∇f(w − αg̃_D) − (I − α∇²f)∇f(w − α∇f(w))} for one pool. */
  static double[] taskGap(LeastSquaresLoss pool, double alpha, int batch, double[] w) {
    int n = pool.sampleCount();
    int d = pool.dimension();
    if (MultinomialExpectation.compositions(batch, n, ENUMERATION_LIMIT) < 0) {
      throw new IllegalArgumentException(
          "exact enumeration of D_test = " + batch + " draws from " + n + " samples is too large");
    }
    double[][] x = new double[n][];
    double[][] sampleGradient = new double[n][d];
    for (int j = 0; j < n; j++) {
      x[j] = pool.feature(j);
      double residual = -pool.target(j);
      for (int k = 0; k < d; k++) {
        residual += x[j][k] * w[k];
      }
      // ∇l_j(w) = x_j (x_jᵀw − y_j)
      for (int k = 0; k < d; k++) {
        sampleGradient[j][k] = residual * x[j][k];
      }
    }
    double[] uniform = new double[n];
    java.util.Arrays.fill(uniform, 1.0 / n);
    double[] expected = new double[d];
    double[] batchGradient = new double[d];
    double[] adapted = new double[d];
    double[] gradient = new double[d];
    MultinomialExpectation.forEach(
        uniform,
        batch,
        (counts, probability) -> {
          // g̃_D = Σ_j k_j ∇l_j(w)/D
          java.util.Arrays.fill(batchGradient, 0.0);
          for (int j = 0; j < n; j++) {
            for (int k = 0; k < d; k++) {
              batchGradient[k] += counts[j] * sampleGradient[j][k] / batch;
            }
          }
          for (int k = 0; k < d; k++) {
            adapted[k] = w[k] - alpha * batchGradient[k];
          }
          pool.gradient(adapted, gradient);
          // (I − αH̃_D) r = r − (α/D) Σ_j k_j x_j (x_jᵀ r)
          for (int k = 0; k < d; k++) {
            expected[k] += probability * gradient[k];
          }
          for (int j = 0; j < n; j++) {
            if (counts[j] == 0) {
              continue;
            }
            double xr = 0;
            for (int k = 0; k < d; k++) {
              xr += x[j][k] * gradient[k];
            }
            double c = probability * alpha * counts[j] * xr / batch;
            for (int k = 0; k < d; k++) {
              expected[k] -= c * x[j][k];
            }
          }
        });
    // ∇F_i(w) = (I − α∇²f)∇f(w − α∇f(w))
    pool.gradient(w, gradient);
    for (int k = 0; k < d; k++) {
      adapted[k] = w[k] - alpha * gradient[k];
    }
    pool.gradient(adapted, gradient);
    double[] hessianTimes = new double[d];
    pool.hessianVector(w, gradient, hessianTimes);
    for (int k = 0; k < d; k++) {
      expected[k] -= gradient[k] - alpha * hessianTimes[k];
    }
    return expected;
  }
}
