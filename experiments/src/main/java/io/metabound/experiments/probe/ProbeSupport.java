package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.QuadraticTasks;
import java.util.function.DoubleUnaryOperator;

/** Helpers shared by the probes: quadratic views, spectral maxima, estimator settings. */
final class ProbeSupport {

  private ProbeSupport() {}

  /** The quadratic form of an instance's tasks; a clear error when a task is not quadratic. */
  static QuadraticTasks quadratic(Instance instance, String probe) {
    if (!instance.isQuadratic()) {
      throw new IllegalArgumentException(
          probe + " needs quadratic tasks; instance " + instance.describe() + " has others");
    }
    return QuadraticTasks.of(instance.tasks());
  }

  /**
   * {@code max_i max_k f(λ_{ik})} over the eigenvalues of every inner Hessian; eigenvalues equal to
   * 0 are skipped when {@code skipZero} (then the maximum over an empty set is 0).
   */
  static double maxOverEigenvalues(QuadraticTasks tasks, boolean skipZero, DoubleUnaryOperator f) {
    double max = 0;
    boolean any = false;
    for (int i = 0; i < tasks.size(); i++) {
      for (double lambda : tasks.innerEigenvalues(i)) {
        if (skipZero && lambda == 0) {
          continue;
        }
        double v = f.applyAsDouble(lambda);
        max = any ? Math.max(max, v) : v;
        any = true;
      }
    }
    return max;
  }

  /** {@code min_i min_k f(λ_{ik})} over every inner eigenvalue ({@code +∞} for an empty set). */
  static double minOverEigenvalues(QuadraticTasks tasks, DoubleUnaryOperator f) {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < tasks.size(); i++) {
      for (double lambda : tasks.innerEigenvalues(i)) {
        min = Math.min(min, f.applyAsDouble(lambda));
      }
    }
    return min;
  }

  /** {@code ‖A‖₂ = σ_max(A)} of a row-major square matrix, via the eigenvalues of {@code AᵀA}. */
  static double spectralNorm(double[] a, int d) {
    double[] gram = new double[d * d];
    // AᵀA
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += a[j * d + r] * a[j * d + k];
        }
        gram[r * d + k] = s;
      }
    }
    double max = 0;
    for (double e : QuadraticInstanceConstants.eigenvalues(gram, d)) {
      max = Math.max(max, e);
    }
    return Math.sqrt(max);
  }

  /** {@code max |λ|} of a symmetric row-major matrix: its spectral norm. */
  static double symmetricSpectralNorm(double[] a, int d) {
    double max = 0;
    for (double e : QuadraticInstanceConstants.eigenvalues(a, d)) {
      max = Math.max(max, Math.abs(e));
    }
    return max;
  }

  /** The instance's integer parameter, or {@code fallback} when it has none. */
  static int integerOr(Instance instance, String name, int fallback) {
    return instance.hasParameter(name) ? instance.integerParameter(name) : fallback;
  }

  /** The instance's parameter, or {@code fallback} when it has none. */
  static double parameterOr(Instance instance, String name, double fallback) {
    return instance.hasParameter(name) ? instance.parameter(name) : fallback;
  }

  /**
   * An estimator's hyper-parameters read from the instance: {@code alpha}, {@code N} (default 1;
   * MAML, FO-MAML, HF-MAML, Reptile), {@code delta} (HF-MAML, default {@link
   * EstimatorParameters#DEFAULT_DELTA}), {@code lambda} (iMAML, MAML-prox, Moreau), {@code
   * inner_steps} and {@code inner_rate} (MAML-prox).
   */
  static EstimatorParameters parameters(Estimator estimator, Instance instance) {
    return switch (estimator) {
      case MAML, FOMAML ->
          EstimatorParameters.maml(instance.parameter("alpha"), integerOr(instance, "N", 1));
      case HFMAML ->
          EstimatorParameters.hfMaml(
              instance.parameter("alpha"),
              integerOr(instance, "N", 1),
              parameterOr(instance, "delta", EstimatorParameters.DEFAULT_DELTA));
      case IMAML -> EstimatorParameters.imaml(instance.parameter("lambda"));
      case MAML_PROX ->
          EstimatorParameters.mamlProx(
              instance.parameter("lambda"),
              instance.integerParameter("inner_steps"),
              instance.parameter("inner_rate"));
      case REPTILE ->
          EstimatorParameters.reptile(instance.parameter("alpha"), integerOr(instance, "N", 1));
      case MOREAU -> EstimatorParameters.moreau(instance.parameter("lambda"));
    };
  }
}
