package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.AcceleratedGradientDescent;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.QuadraticLoss;

/**
 * The number of gradient computations accelerated gradient descent ({@link
 * AcceleratedGradientDescent}, started at 0, step {@code 1/β}, momentum from {@code κ = β/μ}) needs
 * to reach {@code ‖x − x*‖ ≤ δ} on the quadratic inner loss {@code f(x) = ½(x − c)ᵀH(x − c)} of
 * task 0 (so {@code x* = c}, {@code β = λ_max(H)}, {@code μ = λ_min(H) > 0}): the count Rajeswaran
 * et al. (2019) Lemma 2 (from Bubeck) bounds by {@code 2√κ log(2κ‖x*‖/δ)}. Counted by running the
 * algorithm, not from a formula; 0 when {@code x_1 = 0} is already δ-accurate. Parameter {@code
 * delta}. Runs are capped at {@link #MAX_STEPS} (the cap + 1 is reported when it is hit).
 */
public final class AgdIterationsProbe implements Probe {

  /** Cap on the gradient computations of one run. */
  public static final int MAX_STEPS = 1_000_000;

  @Override
  public String quantityId() {
    return "gradient-computations";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, "AGD iterations");
    double[] eig = tasks.innerEigenvalues(0);
    double smallest = eig[0];
    double largest = eig[eig.length - 1];
    if (!(smallest > 0)) {
      throw new IllegalArgumentException(
          "AGD iterations need a strongly convex task (lambda_min(H) > 0), got " + smallest);
    }
    QuadraticLoss f = (QuadraticLoss) instance.tasks().get(0).inner();
    double[] optimum = f.centre();
    double delta = instance.parameter("delta");
    int d = optimum.length;
    AcceleratedGradientDescent agd = new AcceleratedGradientDescent(d, largest, smallest);
    int steps =
        agd.run(
            f::gradient,
            new double[d],
            MAX_STEPS,
            x -> Vectors.distance(x, optimum) <= delta,
            new double[d]);
    return Measurement.exact(steps);
  }
}
