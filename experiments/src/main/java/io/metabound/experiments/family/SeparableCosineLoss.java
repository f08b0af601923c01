package io.metabound.experiments.family;

import io.metabound.experiments.autodiff.FieldLoss;
import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;

/**
 * The separable cosine loss {@code f(w) = Σ_k a_k (1 − cos(w_k − c_k))}, {@code a_k ≥ 0}: smooth,
 * bounded below by 0, with curvature {@code a_k cos(w_k − c_k)} that reaches {@code −a_k} at
 * {@code w_k = c_k + π}, so it is in the class of Ji, Yang and Liang (2022), Assumption 1 ("every
 * {@code l_i} is bounded below, L-smooth, with a ρ-Lipschitz Hessian") and still has curvature
 * {@code −L}: the regime in which the inner-path lemmas (Lemmas 11–14, 17, 18) can be tight, which a
 * quadratic reaches only by being unbounded below.
 *
 * <p>Per coordinate, with {@code u = w_k − c_k}:
 *
 * <pre>
 *   f   = a (1 − cos u)
 *   f'  = a sin u
 *   f'' = a cos u
 *   f''' = −a sin u
 * </pre>
 *
 * <p>Constants (EXACT; the Hessian is diagonal, so spectral norms are maxima over coordinates):
 *
 * <ul>
 *   <li>{@code L = max_k a_k}: {@code |f''| = a|cos u| ≤ a}, with equality at {@code u = 0} (curvature
 *       {@code +a}) and at {@code u = π} (curvature {@code −a}, a strict local maximum of {@code f}
 *       and a stationary point: there the inner gradient-descent path stays put and its Jacobian is
 *       {@code (1 + αa)^j}).
 *   <li>{@code ρ = max_k a_k}: {@code ‖∇²f(w) − ∇²f(v)‖₂ = max_k a_k|cos(w_k − c_k) − cos(v_k −
 *       c_k)| ≤ max_k a_k |w_k − v_k| ≤ max_k a_k ‖w − v‖} by the mean value theorem with {@code
 *       |f'''| = a|sin u| ≤ a}; the supremum of the ratio is approached by moving the coordinate of
 *       largest weight around {@code u = ±π/2}, where {@code |f'''| = a}.
 *   <li>most negative curvature {@code −max_k a_k}, at {@code u = π}.
 *   <li>{@code sup ‖∇f‖ = (Σ a_k²)^{1/2}}, attained where every {@code u_k ≡ π/2 (mod π)}.
 *   <li>bounded below by 0 (attained at {@code w = c}).
 * </ul>
 *
 * <p>The {@code double} methods do not allocate.
 */
public final class SeparableCosineLoss implements SeparableLoss, FieldLoss, KnownConstants {

  private final double[] weights;
  private final double[] centre;
  private final double maxWeight;

  /**
   * @param weights {@code a_k ≥ 0}, finite, non-empty
   * @param centre {@code c_k}, finite, as long as {@code weights}
   */
  public SeparableCosineLoss(double[] weights, double[] centre) {
    if (weights.length != centre.length || weights.length == 0) {
      throw new IllegalArgumentException(
          "separable cosine loss needs equally long, non-empty weights and centre, got "
              + weights.length
              + " and "
              + centre.length);
    }
    double max = 0;
    for (int k = 0; k < weights.length; k++) {
      SeparableLoss.checkCoordinate("separable cosine loss", k, weights[k], centre[k]);
      max = Math.max(max, weights[k]);
    }
    this.weights = weights.clone();
    this.centre = centre.clone();
    this.maxWeight = max;
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }

  /** The same loss with the centre moved (the query loss of a finite-sum task). */
  @Override
  public SeparableCosineLoss withCentre(double[] newCentre) {
    return new SeparableCosineLoss(weights, newCentre);
  }

  @Override
  public int dimension() {
    return weights.length;
  }

  @Override
  public double value(double[] w) {
    double s = 0;
    for (int k = 0; k < weights.length; k++) {
      // f = Σ a (1 − cos u)
      s += weights[k] * (1 - Math.cos(w[k] - centre[k]));
    }
    return s;
  }

  @Override
  public void gradient(double[] w, double[] out) {
    for (int k = 0; k < weights.length; k++) {
      // f' = a sin u
      out[k] = weights[k] * Math.sin(w[k] - centre[k]);
    }
  }

  @Override
  public double curvature(int k, double[] w) {
    // f'' = a cos u
    return weights[k] * Math.cos(w[k] - centre[k]);
  }

  @Override
  public void hessian(double[] w, double[] out) {
    int d = weights.length;
    Arrays.fill(out, 0, d * d, 0.0);
    for (int k = 0; k < d; k++) {
      out[k * d + k] = curvature(k, w);
    }
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    for (int k = 0; k < weights.length; k++) {
      out[k] = curvature(k, w) * v[k];
    }
  }

  @Override
  public double thirdDerivative(int k, double[] w) {
    // f''' = −a sin u
    return -weights[k] * Math.sin(w[k] - centre[k]);
  }

  /** {@code inf_w λ_min(∇²f(w)) = −max_k a_k}, attained at {@code w_k = c_k + π}. */
  @Override
  public double smallestCurvature() {
    return -maxWeight;
  }

  /**
   * {@code sup_w ‖∇f(w) − ∇g(w)‖} for {@code g} this loss's weights with another centre {@code e}
   * (the support/query gap {@code b_i} of Ji2022 Assumption 5.2): per coordinate {@code a(sin(w −
   * c) − sin(w − e)) = 2a sin((e − c)/2) cos(w − (c + e)/2)}, whose modulus is at most {@code 2a
   * |sin((c − e)/2)|} with equality at {@code w_k = (c_k + e_k)/2}; the coordinates are independent,
   * so the supremum {@code (Σ_k (2a_k sin((c_k − e_k)/2))²)^{1/2}} is attained. EXACT.
   *
   * @throws IllegalArgumentException when the weights differ (the gap is then not this closed form)
   */
  public double gradientGap(SeparableCosineLoss other) {
    if (!Arrays.equals(weights, other.weights)) {
      throw new IllegalArgumentException(
          "the closed-form gradient gap needs equal weights, got "
              + Arrays.toString(weights)
              + " and "
              + Arrays.toString(other.weights));
    }
    double sq = 0;
    for (int k = 0; k < weights.length; k++) {
      // b_k = 2a |sin((c − e)/2)|
      double b = 2 * weights[k] * Math.sin(0.5 * (centre[k] - other.centre[k]));
      sq += b * b;
    }
    return Math.sqrt(sq);
  }

  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] w) {
    T s = w[0].getField().getZero();
    for (int k = 0; k < weights.length; k++) {
      s = s.add(w[k].subtract(centre[k]).cos().negate().add(1).multiply(weights[k]));
    }
    return s;
  }

  @Override
  public <T extends CalculusFieldElement<T>> void gradient(T[] w, T[] out) {
    for (int k = 0; k < weights.length; k++) {
      out[k] = w[k].subtract(centre[k]).sin().multiply(weights[k]);
    }
  }

  @Override
  public <T extends CalculusFieldElement<T>> void hessianVector(T[] w, T[] v, T[] out) {
    for (int k = 0; k < weights.length; k++) {
      out[k] = w[k].subtract(centre[k]).cos().multiply(weights[k]).multiply(v[k]);
    }
  }

  @Override
  public FamilyConstant smoothness() {
    return new FamilyConstant(
        "L",
        maxWeight,
        Exactness.EXACT,
        "max a_k: |f''| = a|cos(w_k − c_k)| ≤ a with equality at w_k = c_k and w_k = c_k + π");
  }

  @Override
  public FamilyConstant hessianLipschitz() {
    return new FamilyConstant(
        "rho",
        maxWeight,
        Exactness.EXACT,
        "max a_k = max|f'''|, |f'''| = a|sin(w_k − c_k)| = a at w_k = c_k ± π/2");
  }

  /**
   * {@code sup_{‖w‖≤R} ‖∇f(w)‖}: the global supremum {@code (Σa_k²)^{1/2}}, EXACT when the ball
   * contains a point with every {@code w_k − c_k ≡ π/2 (mod π)} (the nearest one to the origin has
   * coordinates {@code c_k + π/2 + nπ} of least modulus), a CERTIFIED upper bound otherwise.
   */
  @Override
  public FamilyConstant gradientBound(double radius) {
    if (!(radius >= 0)) {
      throw new IllegalArgumentException("ball radius must be >= 0, got " + radius);
    }
    double nearest = 0;
    for (int k = 0; k < weights.length; k++) {
      // distance from 0 to the lattice c + π/2 + πZ
      double r = Math.IEEEremainder(centre[k] + Math.PI / 2, Math.PI);
      nearest += r * r;
    }
    return SeparableGradientBound.of(
        weights, Math.sqrt(nearest), radius, "w_k − c_k ≡ π/2 (mod π)");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SeparableCosineLoss s
        && Arrays.equals(weights, s.weights)
        && Arrays.equals(centre, s.centre);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(weights) + Arrays.hashCode(centre);
  }

  @Override
  public String toString() {
    return "SeparableCosineLoss[a=" + Arrays.toString(weights) + ", c=" + Arrays.toString(centre) + "]";
  }

  /** {@code f = Σ a_k (1 − cos(w_k − c_k)) ≥ 0}, with equality at {@code w = c}. */
  @Override
  public java.util.OptionalDouble lowerBound() {
    return java.util.OptionalDouble.of(0.0);
  }
}
