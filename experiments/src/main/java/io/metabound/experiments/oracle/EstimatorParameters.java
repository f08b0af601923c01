package io.metabound.experiments.oracle;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * The hyper-parameters of a deterministic estimator. Each estimator reads only its own fields (see
 * {@link EstimatorMaps#map} and {@link Estimator#parameters()}); the factories fill the others with
 * neutral values.
 *
 * @param alpha inner step size α (MAML, FO-MAML, HF-MAML, Reptile)
 * @param steps inner steps N (MAML, FO-MAML, HF-MAML, Reptile)
 * @param lambda proximal regulariser λ (iMAML, MAML-prox, Moreau)
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
    return hfMaml(alpha, 1, delta);
  }

  /** HF-MAML with N inner steps, each Hessian-vector product a central difference with δ. */
  public static EstimatorParameters hfMaml(double alpha, int steps, double delta) {
    return new EstimatorParameters(alpha, steps, Double.NaN, 0, Double.NaN, delta);
  }

  /** iMAML. */
  public static EstimatorParameters imaml(double lambda) {
    return new EstimatorParameters(Double.NaN, 0, lambda, 0, Double.NaN, Double.NaN);
  }

  /** MAML through K proximal GD steps of rate η. */
  public static EstimatorParameters mamlProx(double lambda, int innerSteps, double innerRate) {
    return new EstimatorParameters(Double.NaN, 0, lambda, innerSteps, innerRate, Double.NaN);
  }

  /** Reptile: N inner GD steps of rate α. */
  public static EstimatorParameters reptile(double alpha, int steps) {
    return new EstimatorParameters(alpha, steps, Double.NaN, 0, Double.NaN, Double.NaN);
  }

  /** The Moreau envelope with regulariser λ. */
  public static EstimatorParameters moreau(double lambda) {
    return imaml(lambda);
  }

  /**
   * The parameters of an estimator from claim-level values ({@code alpha}, {@code N}, {@code
   * delta}, {@code lambda}, {@code K}, {@code eta}; see {@link Estimator#parameters()}), with the
   * defaults of {@link Estimator#parameterDefault} for those not given. Values of parameters the
   * estimator does not read are ignored.
   *
   * @throws IllegalArgumentException naming the parameter when one without a default is missing, or
   *     {@code N}/{@code K} is not a whole number
   */
  public static EstimatorParameters of(Estimator estimator, Map<String, Double> values) {
    Reader r = new Reader(estimator, values);
    return switch (estimator) {
      case MAML, FOMAML ->
          maml(r.real(Estimator.Parameters.ALPHA), r.whole(Estimator.Parameters.STEPS));
      case HFMAML ->
          hfMaml(
              r.real(Estimator.Parameters.ALPHA),
              r.whole(Estimator.Parameters.STEPS),
              r.real(Estimator.Parameters.DELTA));
      case IMAML -> imaml(r.real(Estimator.Parameters.LAMBDA));
      case MAML_PROX ->
          mamlProx(
              r.real(Estimator.Parameters.LAMBDA),
              r.whole(Estimator.Parameters.PROX_STEPS),
              r.real(Estimator.Parameters.PROX_RATE));
      case REPTILE ->
          reptile(r.real(Estimator.Parameters.ALPHA), r.whole(Estimator.Parameters.STEPS));
      case MOREAU -> moreau(r.real(Estimator.Parameters.LAMBDA));
    };
  }

  /** Looks claim-level values up with their defaults and a clear error. */
  private record Reader(Estimator estimator, Map<String, Double> values) {

    double real(String name) {
      Double v = values.get(name);
      if (v != null) {
        return v;
      }
      OptionalDouble fallback = Estimator.parameterDefault(name);
      if (fallback.isPresent()) {
        return fallback.getAsDouble();
      }
      throw new IllegalArgumentException(
          estimator.claimName()
              + " needs the parameter "
              + name
              + " (it reads "
              + String.join(", ", estimator.parameters())
              + ")");
    }

    int whole(String name) {
      double v = real(name);
      if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            estimator.claimName() + ": " + name + " must be a whole number, got " + v);
      }
      return (int) v;
    }
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
