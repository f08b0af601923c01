package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;

/**
 * The number of calls to the per-task implicit meta-gradient with which full-batch gradient descent
 * on the iMAML objective {@code F} reaches {@code ‖∇F(θ)‖ ≤ ε} (Rajeswaran et al. 2019, Corollary
 * 1): from {@code θ = 0}, step {@code 1/L_F} with {@code L_F = ‖∇²F‖₂} exact, exact implicit
 * meta-gradients (error 0 ≤ ε/2), {@code M} calls per iteration (one per task); the probe counts
 * the iterations K until the exact {@code ‖∇F(θ_K)‖ ≤ ε} and returns {@code M·K}. Quadratic inner
 * and outer losses ({@link QuadraticMetaOracle#imaml}); parameters {@code lambda}, {@code epsilon}.
 * Capped at {@link #MAX_ITERATIONS} iterations ({@code M·(cap + 1)} is reported when hit).
 */
public final class MetaGradientCallsProbe implements Probe {

  /** Cap on the gradient-descent iterations. */
  public static final int MAX_ITERATIONS = 1_000_000;

  @Override
  public String quantityId() {
    return "meta-gradient-calls";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
    QuadraticMetaOracle oracle = QuadraticMetaOracle.imaml(tasks, instance.parameter("lambda"));
    double epsilon = instance.parameter("epsilon");
    AffineGradientMap map = oracle.gradientMap();
    double step = 1 / oracle.metaSmoothness().value();
    int d = tasks.dimension();
    double[] theta = new double[d];
    double[] gradient = new double[d];
    int iterations = 0;
    map.apply(theta, gradient);
    while (Vectors.norm(gradient) > epsilon && iterations <= MAX_ITERATIONS) {
      for (int k = 0; k < d; k++) {
        // θ ← θ − ∇F(θ)/L_F
        theta[k] -= step * gradient[k];
      }
      iterations++;
      map.apply(theta, gradient);
    }
    return Measurement.exact((double) tasks.size() * iterations);
  }
}
