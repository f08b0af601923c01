package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.oracle.QuadraticTasks;

/**
 * How far inner gradient-descent paths from two starting points can separate after {@code j} steps
 * (Ji, Yang and Liang 2022, Lemma 11), exactly on quadratic tasks:
 *
 * <pre>
 * {@code sup_{w ≠ u} ‖w̃_j − ũ_j‖ / ‖w − u‖ = max_i ‖(I − αH_i)^j‖₂ = max_{i,k} |1 − αλ_{ik}|^j}
 * </pre>
 *
 * since the path {@code w̃_{j+1} = w̃_j − αH_i(w̃_j − c_i)} is affine, {@code w̃_j − ũ_j = (I −
 * αH_i)^j (w − u)}, and {@code (I − αH_i)^j} is symmetric. The supremum is attained along the
 * eigenvector of the extreme factor; Lemma 11's {@code (1 + αL)^j} is attained by an eigenvalue
 * {@code −L}.
 *
 * <p>At {@code j = N} this is the expansion factor of the whole inner loop, {@code ‖∂w̃_N/∂w‖},
 * which Corollary 6 bounds by {@code e^{1/8}} (and its square by {@code e^{1/4}}) at {@code α ≤
 * 1/(8NL)}: {@link #expansionFactor()} and {@link #expansionFactorSquared()}.
 *
 * <p>On other tasks (any {@code SmoothLoss}, e.g. the bounded-below separable cosine family whose
 * curvature reaches {@code −L}) the probe measures the local form at the instance's point {@code w}
 * (parameters {@code w0 …}): the spectral norm of the path Jacobian,
 *
 * <pre>{@code max_i ‖∂w̃^i_j/∂w‖₂ = max_i ‖∏_{k<j}(I − α∇²l_i(w̃^i_k))‖₂}</pre>
 *
 * by iterating the path with exact Hessians ({@code InnerPaths}; diagonal factors for separable
 * losses). It is the limit of {@code ‖w̃_j − ũ_j‖/‖w − u‖} as {@code u → w} along the top singular
 * vector, hence at most Lemma 11's supremum: a ratio above 1 would contradict the lemma. At a
 * stationary point with curvature {@code −L} (the cosine loss at {@code w = c + π}) the path stays
 * put and the norm is {@code (1 + αL)^j}: the bound is attained inside the paper's class.
 */
public final class PathSensitivityProbe implements Probe {

  private final String quantityId;
  private final String stepParameter;
  private final int power;

  private PathSensitivityProbe(String quantityId, String stepParameter, int power) {
    this.quantityId = quantityId;
    this.stepParameter = stepParameter;
    this.power = power;
  }

  /** Quantity {@code path-sensitivity} after {@code j} steps (instance parameters α, j). */
  public static PathSensitivityProbe atStep() {
    return new PathSensitivityProbe("path-sensitivity", "j", 1);
  }

  /** Quantity {@code expansion-factor}: the sensitivity after all {@code N} steps. */
  public static PathSensitivityProbe expansionFactor() {
    return new PathSensitivityProbe("expansion-factor", "N", 1);
  }

  /** Quantity {@code expansion-factor-squared}: its square, {@code max_{i,k} (1 − αλ)^{2N}}. */
  public static PathSensitivityProbe expansionFactorSquared() {
    return new PathSensitivityProbe("expansion-factor-squared", "N", 2);
  }

  @Override
  public String quantityId() {
    return quantityId;
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double alpha = instance.parameter("alpha");
    int steps = instance.integerParameter(stepParameter);
    if (!instance.isQuadratic()) {
      // max_i ‖∂w̃_j/∂w‖₂^power at w
      return Measurement.exact(
          InnerPaths.pathSensitivity(
              instance.tasks(), alpha, steps, InnerPaths.point(instance, quantityId), power));
    }
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, quantityId);
    // max_{i,k} |1 − αλ|^{power·j}
    return Measurement.exact(
        ProbeSupport.maxOverEigenvalues(
            tasks, false, lambda -> Math.pow(Math.abs(1 - alpha * lambda), power * steps)));
  }
}
