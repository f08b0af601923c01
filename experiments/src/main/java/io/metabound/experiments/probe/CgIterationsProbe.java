package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.ConjugateGradient;
import io.metabound.experiments.algorithm.ImplicitMaml;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;

/**
 * The number of conjugate-gradient steps ({@link ConjugateGradient}, from {@code g = 0}) needed for
 * a δ'-accurate implicit gradient of task 0 (Rajeswaran et al. 2019, Def. 2): the least {@code m}
 * with {@code ‖g_m − g*‖ ≤ δ'}, where {@code g*} solves {@code (I + H/λ) g = ∇L_i(φ*)} at the exact
 * inner solution {@code φ* = Alg*(θ)} ({@code θ} = parameters {@code theta0…}, else 0), on
 * quadratic inner and outer losses. {@code g*} comes from a dense LU solve. Counted by running CG,
 * not from a formula. Parameters {@code lambda}, {@code delta_prime}. In exact arithmetic CG ends
 * after at most the number of distinct eigenvalues of {@code H}; runs are capped at {@link
 * #MAX_STEPS} (the cap + 1 is reported when it is hit).
 */
public final class CgIterationsProbe implements Probe {

  /** Cap on the CG steps. */
  public static final int MAX_STEPS = 10_000;

  @Override
  public String quantityId() {
    return "cg-iterations";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
    double lambda = instance.parameter("lambda");
    double deltaPrime = instance.parameter("delta_prime");
    int d = tasks.dimension();
    double[] theta =
        instance.hasParameter("theta0") ? instance.vectorParameter("theta") : new double[d];
    MetaTask task = instance.tasks().get(0);
    double[] phi = QuadraticMetaOracle.imaml(tasks, lambda).adaptedPoint(0, theta);
    double[] v = new double[d];
    task.outer().gradient(phi, v);
    double[] exact = new double[d];
    ImplicitMaml.exactSolve(task.inner(), phi, v, lambda, exact);
    double[] product = new double[d];
    // p ↦ p + H p/λ
    ConjugateGradient.LinearOperator a =
        (x, out) -> {
          task.inner().hessianVector(phi, x, product);
          for (int k = 0; k < d; k++) {
            out[k] = x[k] + product[k] / lambda;
          }
        };
    ConjugateGradient cg = new ConjugateGradient(d);
    double[] g = new double[d];
    for (int m = 0; m <= MAX_STEPS; m++) {
      cg.solve(a, v, m, g);
      if (Vectors.distance(g, exact) <= deltaPrime) {
        return Measurement.exact(m);
      }
      if (cg.iterations() < m) {
        // CG stopped early (zero residual or breakdown): more steps change nothing
        break;
      }
    }
    return Measurement.exact(MAX_STEPS + 1);
  }
}
