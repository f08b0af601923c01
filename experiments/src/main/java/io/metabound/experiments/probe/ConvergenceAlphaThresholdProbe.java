package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.QuadraticTasks;
import java.util.function.ToDoubleFunction;

/**
 * The largest inner stepsize α for which an estimator's deterministic outer iteration {@code w ← w
 * − β g(w)}, with a given meta stepsize β, converges to a stationary point of the MAML objective
 * {@code F}, on one quadratic task with exact gradients: {@code α* = sup{α : the iteration
 * converges for every α' ∈ [0, α)}}.
 *
 * <p>This is the measurable side of a theorem's inner-stepsize hypothesis: with one task ({@code σ
 * = 0}) and exact gradients ({@code σ̃ = σ_H = 0}), the convergence theorems of Fallah, Mokhtari
 * and Ozdaglar (2020) (Thms 4.12, 4.15, 4.17) promise {@code ‖∇F(w)‖ ≤ ε} for every ε with the meta
 * stepsize {@code β = β̃/c}, {@code β̃ = 1/L(w) = 1/(4L)} on quadratics ({@code ρ = 0}); the
 * promise fails exactly when the iteration diverges. So {@code α*} on the worst instance is the
 * largest α the theorem could have admitted for this special case ({@link #fallah}).
 *
 * <p>Closed form: on one task with {@code H = Q diag(λ) Qᵀ} the update map's eigenvalues are {@code
 * μ(λ) = λ(1 − αλ)^{p}} with {@code p = 2N} for MAML (HF-MAML: its central differences are exact on
 * quadratics, so it is one-step MAML) and {@code p = N} for FO-MAML. The iteration converges along
 * λ iff {@code 0 ≤ βμ < 2} (a zero eigenvalue is a direction in which {@code ∇F} vanishes too,
 * since both maps share the factor {@code λ(1 − αλ)}). For {@code λ > 0} and {@code βλ < 2} this
 * gives {@code α < (1 + (2/(βλ))^{1/p})/λ} when {@code p} is even, and {@code α ≤ 1/λ} when {@code
 * p} is odd (μ turns negative beyond); {@code βλ ≥ 2} fails already at α = 0; {@code λ = 0} imposes
 * nothing; {@code λ < 0} makes {@code F} unbounded below and no α converges (reported as 0). Then
 * {@code α* = min} over the eigenvalues.
 */
public final class ConvergenceAlphaThresholdProbe implements Probe {

  private final Estimator estimator;
  private final ToDoubleFunction<Instance> metaStepsize;

  private ConvergenceAlphaThresholdProbe(
      Estimator estimator, ToDoubleFunction<Instance> metaStepsize) {
    if (estimator != Estimator.MAML
        && estimator != Estimator.FOMAML
        && estimator != Estimator.HFMAML) {
      throw new IllegalArgumentException(
          "the convergence alpha threshold is defined for MAML, FO-MAML and HF-MAML, not "
              + estimator.displayName());
    }
    this.estimator = estimator;
    this.metaStepsize = metaStepsize;
  }

  /**
   * Fallah2020's meta stepsize {@code β = β̃/divisor = 1/(divisor · 4L)} on quadratics ({@code ρ =
   * 0}, so {@code L(w) = 4L}): divisor 12 (MAML, Thm 4.12), 18 (FO-MAML, Thm 4.15), 25 (HF-MAML,
   * Thm 4.17).
   */
  public static ConvergenceAlphaThresholdProbe fallah(Estimator estimator, double divisor) {
    return new ConvergenceAlphaThresholdProbe(
        estimator, x -> 1 / (divisor * 4 * QuadraticInstanceConstants.of(x.tasks()).get("L")));
  }

  /** The meta stepsize read from the instance's parameter {@code beta}. */
  public static ConvergenceAlphaThresholdProbe withBeta(Estimator estimator) {
    return new ConvergenceAlphaThresholdProbe(estimator, x -> x.parameter("beta"));
  }

  @Override
  public String quantityId() {
    return "alpha-threshold";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    QuadraticTasks tasks = ProbeSupport.quadratic(instance, "convergence alpha threshold");
    if (tasks.size() != 1 || !instance.tasks().get(0).isSameLoss()) {
      throw new IllegalArgumentException(
          "the convergence alpha threshold is defined on one task with the same inner and outer"
              + " loss (sigma = 0); instance "
              + instance.describe()
              + " has "
              + tasks.size()
              + " tasks");
    }
    int steps = estimator == Estimator.HFMAML ? 1 : ProbeSupport.integerOr(instance, "N", 1);
    int power = estimator == Estimator.FOMAML ? steps : 2 * steps;
    double beta = metaStepsize.applyAsDouble(instance);
    // eigenvalues within rounding of 0 (a PSD Hessian rotated in floating point) count as 0
    double zero = 1e-13 * ProbeSupport.maxOverEigenvalues(tasks, false, Math::abs);
    return Measurement.exact(
        ProbeSupport.minOverEigenvalues(
            tasks, lambda -> threshold(Math.abs(lambda) <= zero ? 0 : lambda, beta, power)));
  }

  /** The largest α converging along one eigenvalue λ (see the class comment). */
  static double threshold(double lambda, double beta, int power) {
    if (lambda == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (lambda < 0 || !(beta * lambda < 2)) {
      return 0;
    }
    if (power % 2 == 1) {
      return 1 / lambda;
    }
    // λ(1 − αλ)^p < 2/β  ⟺  |1 − αλ| < (2/(βλ))^{1/p}
    return (1 + Math.pow(2 / (beta * lambda), 1.0 / power)) / lambda;
  }
}
