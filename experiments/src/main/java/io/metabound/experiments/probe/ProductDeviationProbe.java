package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticTasks;

/**
 * How far the product of the inner loop's Jacobian factors is from the identity (Ji, Yang and Liang
 * 2022, Lemma 13 with {@code A_j = α∇²l_i(w̃_j)}, the use Lemma 14 and Prop 1 make of it), exactly
 * on quadratic tasks, where every {@code A_j = αH_i}:
 *
 * <pre>{@code max_i ‖∏_{j=0}^{N−1}(I − αH_i) − I‖₂ = max_{i,k} |(1 − αλ_{ik})^N − 1|}</pre>
 *
 * ({@code (I − αH)^N − I} is symmetric with eigenvalues {@code (1 − αλ)^N − 1}). The hypothesis
 * {@code ‖A_j‖ ≤ αL} holds by the definition of {@code L}; the bound {@code (1 + αL)^N − 1} is
 * attained at {@code A_j = −αL I}, an eigenvalue {@code −L}.
 *
 * <p>On other tasks (any {@code SmoothLoss}) the factors are the Hessians along the actual inner
 * path from the instance's point {@code w} (parameters {@code w0 …}), iterated with exact
 * derivatives ({@code InnerPaths}): {@code max_i ‖∏_{j<N}(I − α∇²l_i(w̃^i_j)) − I‖₂}, exactly the
 * lemma's quantity for {@code A_j = α∇²l_i(w̃_j)}. On the separable cosine family at {@code w = c +
 * π} every factor is {@code 1 + αL} along the coordinate of largest weight and the bound is
 * attained.
 */
public final class ProductDeviationProbe implements Probe {

  @Override
  public String quantityId() {
    return "product-deviation";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double alpha = instance.parameter("alpha");
    int n = instance.integerParameter("N");
    if (!instance.isQuadratic()) {
      // max_i ‖∏_{j<N}(I − α∇²l_i(w̃_j)) − I‖₂ at w
      return Measurement.exact(
          InnerPaths.productDeviation(
              instance.tasks(), alpha, n, InnerPaths.point(instance, quantityId())));
    }
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId());
    // max |(1 − αλ)^N − 1|
    return Measurement.exact(
        ProbeSupport.maxOverEigenvalues(
            tasks, false, lambda -> Math.abs(Math.pow(1 - alpha * lambda, n) - 1)));
  }
}
