package io.metabound.experiments.oracle;

/**
 * The hyper-parameters of a deterministic estimator. Each estimator reads only its own fields (see
 * {@link EstimatorMaps#map}); the factories fill the others with neutral values.
 *
 * @param alpha inner step size α (MAML, FO-MAML, HF-MAML)
 * @param steps inner steps N (MAML, FO-MAML; HF-MAML needs N = 1)
 * @param lambda proximal regulariser λ (iMAML, MAML-prox)
 * @param innerSteps K, GD steps on the proximal problem (MAML-prox)
 * @param innerRate η, step size of those steps (MAML-prox)
 * @param delta finite-difference step δ (HF-MAML)
 */
public record EstimatorParameters(
    double alpha, int steps, double lambda, int innerSteps, double innerRate, double delta) {

  /** Default finite-difference step of HF-MAML when only α is given. */
  public static final double DEFAULT_DELTA = 1e-3;

  /** N-step MAML / FO-MAML. */
  public static EstimatorParameters maml(double alpha, int steps) {
    return new EstimatorParameters(alpha, steps, Double.NaN, 0, Double.NaN, DEFAULT_DELTA);
  }

  /** HF-MAML (one inner step). */
  public static EstimatorParameters hfMaml(double alpha, double delta) {
    return new EstimatorParameters(alpha, 1, Double.NaN, 0, Double.NaN, delta);
  }

  /** iMAML. */
  public static EstimatorParameters imaml(double lambda) {
    return new EstimatorParameters(Double.NaN, 0, lambda, 0, Double.NaN, Double.NaN);
  }

  /** MAML through K proximal GD steps of rate η. */
  public static EstimatorParameters mamlProx(double lambda, int innerSteps, double innerRate) {
    return new EstimatorParameters(Double.NaN, 0, lambda, innerSteps, innerRate, Double.NaN);
  }

  /** A copy with another α (sweeps vary α row by row). */
  public EstimatorParameters withAlpha(double newAlpha) {
    return new EstimatorParameters(newAlpha, steps, lambda, innerSteps, innerRate, delta);
  }

  /** A copy with another N. */
  public EstimatorParameters withSteps(int newSteps) {
    return new EstimatorParameters(alpha, newSteps, lambda, innerSteps, innerRate, delta);
  }
}
