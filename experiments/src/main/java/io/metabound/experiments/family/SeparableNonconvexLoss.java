package io.metabound.experiments.family;

import io.metabound.experiments.autodiff.FieldLoss;
import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import java.util.Arrays;
import org.hipparchus.CalculusFieldElement;

/**
 * The separable non-convex loss {@code f(w) = Σ_k a_k log(1 + (w_k − c_k)²) + (q_k/2)(w_k − e_k)²},
 * {@code a_k ≥ 0}, {@code q_k ≥ 0}: a smooth, bounded-below task whose L and ρ are known in closed
 * form and which has negative curvature wherever some {@code |w_k − c_k| > 1} (and {@code q_k} is
 * small).
 *
 * <p>The convex quadratic <em>anchor</em> {@code (q_k/2)(w_k − e_k)²} is optional ({@code q = 0}
 * without it). It adds nothing to the third derivative, so ρ is unchanged, but with a distant
 * centre {@code e} it makes the gradient large exactly where {@code |f'''|} is largest: that is the
 * regime in which the ρ-terms of the meta-smoothness and implicit-gradient bounds (Ji2022 Props 1
 * and 7, Fallah2020 Lemma 4.8, Rajeswaran2019 Lemma 3) decide whether the bound holds. Without the
 * anchor the gradient is at most {@code a} and vanishes where the curvature is extreme, so the
 * ρ-free parts of those bounds dominate.
 *
 * <p>Per coordinate, with {@code u = w_k − c_k}:
 *
 * <pre>
 *   f'   = 2a u/(1+u²) + q (w − e)
 *   f''  = 2a (1 − u²)/(1+u²)² + q
 *   f''' = 4a u (u² − 3)/(1+u²)³
 * </pre>
 *
 * <p>Constants (all EXACT unless said otherwise; the Hessian is diagonal so spectral norms are
 * maxima over coordinates):
 *
 * <ul>
 *   <li>{@code L = max_k (2a_k + q_k)}: with {@code t = u²}, {@code (1−t)/(1+t)²} lies in {@code
 *       [−1/8, 1]} with the maximum 1 at {@code t = 0} (it decreases on {@code [0,1]} and is at
 *       least {@code −1/8} on {@code t > 1}), so {@code f'' ∈ [q − a/4, q + 2a]} and, as {@code q ≥
 *       0}, {@code |f''| ≤ 2a + q} with equality at {@code w_k = c_k}.
 *   <li>{@code ρ = max_k a_k · (3 + 2√2)/2}: {@code d/du [u(u²−3)/(1+u²)³] = −3(u⁴ − 6u² +
 *       1)/(1+u²)⁴} vanishes at {@code u² = 3 ∓ 2√2}, i.e. {@code u = √2 ∓ 1}; at {@code u = √2 −
 *       1}, {@code u(u²−3) = −2(2−√2)} and {@code 1+u² = 2(2−√2)}, so {@code |f'''| = 4a/(4(2−√2)²)
 *       = a(3+2√2)/2 ≈ 2.914a}, while at {@code u = √2+1} it is only {@code ≈ 0.086a} and {@code
 *       f''' → 0} as {@code |u| → ∞}. The Lipschitz constant of the diagonal Hessian map is
 *       attained by moving the coordinate of largest {@code a_k} around {@code u = ±(√2 − 1)}.
 *   <li>most negative curvature {@code min f'' = q − a/4} at {@code u = ±√3} ({@code t = 3}).
 *   <li>without anchor, {@code sup ‖∇f‖ = (Σ a_k²)^{1/2}}, attained where every {@code |u_k| = 1};
 *       with one, the gradient grows linearly and {@code sup_{‖w‖≤R} ‖∇f‖ ≤ (Σ (a_k + q_k(R +
 *       |e_k|))²)^{1/2}} is a certified upper bound ({@code |f'_k| ≤ a_k + q_k |w_k − e_k|}).
 *   <li>bounded below by 0.
 * </ul>
 *
 * <p>The {@code double} methods do not allocate.
 */
public final class SeparableNonconvexLoss implements SeparableLoss, FieldLoss, KnownConstants {

  /** {@code max_u |f'''(u)|/a = (3 + 2√2)/2}, attained at {@code u = ±(√2 − 1)}. */
  public static final double MAX_THIRD_DERIVATIVE_PER_WEIGHT = (3 + 2 * Math.sqrt(2)) / 2;

  /** {@code |u|} at which {@code |f'''|} is largest: {@code √2 − 1}. */
  public static final double THIRD_DERIVATIVE_ARGMAX = Math.sqrt(2) - 1;

  private final double[] weights;
  private final double[] centre;
  private final double[] anchorCurvatures;
  private final double[] anchorCentre;
  private final double maxWeight;
  private final boolean anchored;

  /**
   * The loss without anchor, {@code f(w) = Σ_k a_k log(1 + (w_k − c_k)²)}.
   *
   * @param weights {@code a_k ≥ 0}, finite
   * @param centre {@code c_k}, finite
   */
  public SeparableNonconvexLoss(double[] weights, double[] centre) {
    this(weights, centre, new double[weights.length], new double[weights.length]);
  }

  /**
   * The loss with a convex quadratic anchor, {@code f(w) = Σ_k a_k log(1 + (w_k − c_k)²) + (q_k/2)
   * (w_k − e_k)²}.
   *
   * @param weights {@code a_k ≥ 0}, finite
   * @param centre {@code c_k}, finite
   * @param anchorCurvatures {@code q_k ≥ 0}, finite
   * @param anchorCentre {@code e_k}, finite
   */
  public SeparableNonconvexLoss(
      double[] weights, double[] centre, double[] anchorCurvatures, double[] anchorCentre) {
    if (weights.length != centre.length
        || weights.length == 0
        || anchorCurvatures.length != weights.length
        || anchorCentre.length != weights.length) {
      throw new IllegalArgumentException(
          "separable loss needs equally long, non-empty weights, centre and anchor, got "
              + weights.length
              + ", "
              + centre.length
              + ", "
              + anchorCurvatures.length
              + " and "
              + anchorCentre.length);
    }
    boolean anyAnchor = false;
    double max = 0;
    for (int k = 0; k < weights.length; k++) {
      SeparableLoss.checkCoordinate("separable loss", k, weights[k], centre[k]);
      if (!(anchorCurvatures[k] >= 0) || Double.isInfinite(anchorCurvatures[k])) {
        throw new IllegalArgumentException(
            "separable loss anchor curvature q_"
                + k
                + " must be finite and >= 0, got "
                + anchorCurvatures[k]);
      }
      if (!Double.isFinite(anchorCentre[k])) {
        throw new IllegalArgumentException(
            "separable loss anchor centre e_" + k + " is " + anchorCentre[k]);
      }
      anyAnchor |= anchorCurvatures[k] > 0;
      max = Math.max(max, weights[k]);
    }
    this.weights = weights.clone();
    this.centre = centre.clone();
    this.anchorCurvatures = anchorCurvatures.clone();
    this.anchorCentre = anchorCentre.clone();
    this.maxWeight = max;
    this.anchored = anyAnchor;
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public double[] centre() {
    return centre.clone();
  }

  /** The anchor curvatures {@code q_k} (all 0 without anchor). */
  public double[] anchorCurvatures() {
    return anchorCurvatures.clone();
  }

  /** The anchor centre {@code e_k}. */
  public double[] anchorCentre() {
    return anchorCentre.clone();
  }

  /** True when some {@code q_k > 0}. */
  public boolean isAnchored() {
    return anchored;
  }

  /**
   * The same loss with the log centre moved to {@code newCentre} (weights and anchor kept): the
   * query loss of a finite-sum task whose support loss is this one.
   */
  @Override
  public SeparableNonconvexLoss withCentre(double[] newCentre) {
    return new SeparableNonconvexLoss(weights, newCentre, anchorCurvatures, anchorCentre);
  }

  @Override
  public int dimension() {
    return weights.length;
  }

  @Override
  public double value(double[] w) {
    double s = 0;
    for (int k = 0; k < weights.length; k++) {
      double u = w[k] - centre[k];
      double r = w[k] - anchorCentre[k];
      // f = Σ a log(1 + u²) + (q/2) r²
      s += weights[k] * Math.log1p(u * u) + 0.5 * anchorCurvatures[k] * r * r;
    }
    return s;
  }

  @Override
  public void gradient(double[] w, double[] out) {
    for (int k = 0; k < weights.length; k++) {
      double u = w[k] - centre[k];
      // f' = 2a u/(1+u²) + q (w − e)
      out[k] = 2 * weights[k] * u / (1 + u * u) + anchorCurvatures[k] * (w[k] - anchorCentre[k]);
    }
  }

  /** {@code f''} of coordinate {@code k} at {@code u}. */
  private double curvature(int k, double u) {
    double p = 1 + u * u;
    // f'' = 2a(1 − u²)/(1+u²)² + q
    return 2 * weights[k] * (1 - u * u) / (p * p) + anchorCurvatures[k];
  }

  @Override
  public void hessian(double[] w, double[] out) {
    int d = weights.length;
    Arrays.fill(out, 0, d * d, 0.0);
    for (int k = 0; k < d; k++) {
      out[k * d + k] = curvature(k, w[k] - centre[k]);
    }
  }

  @Override
  public void hessianVector(double[] w, double[] v, double[] out) {
    for (int k = 0; k < weights.length; k++) {
      out[k] = curvature(k, w[k] - centre[k]) * v[k];
    }
  }

  /** {@code f'''} of coordinate {@code k} at {@code w}: {@code 4a u(u²−3)/(1+u²)³}. */
  @Override
  public double thirdDerivative(int k, double[] w) {
    double u = w[k] - centre[k];
    double q = 1 + u * u;
    return 4 * weights[k] * u * (u * u - 3) / (q * q * q);
  }

  @Override
  public <T extends CalculusFieldElement<T>> T value(T[] w) {
    T s = w[0].getField().getZero();
    for (int k = 0; k < weights.length; k++) {
      T u = w[k].subtract(centre[k]);
      T r = w[k].subtract(anchorCentre[k]);
      s =
          s.add(u.square().log1p().multiply(weights[k]))
              .add(r.square().multiply(0.5 * anchorCurvatures[k]));
    }
    return s;
  }

  @Override
  public <T extends CalculusFieldElement<T>> void gradient(T[] w, T[] out) {
    for (int k = 0; k < weights.length; k++) {
      T u = w[k].subtract(centre[k]);
      T r = w[k].subtract(anchorCentre[k]);
      out[k] =
          u.multiply(2 * weights[k]).divide(u.square().add(1)).add(r.multiply(anchorCurvatures[k]));
    }
  }

  @Override
  public <T extends CalculusFieldElement<T>> void hessianVector(T[] w, T[] v, T[] out) {
    for (int k = 0; k < weights.length; k++) {
      T u = w[k].subtract(centre[k]);
      T u2 = u.square();
      T c =
          u2.negate()
              .add(1)
              .multiply(2 * weights[k])
              .divide(u2.add(1).square())
              .add(anchorCurvatures[k]);
      out[k] = c.multiply(v[k]);
    }
  }

  @Override
  public FamilyConstant smoothness() {
    double l = 0;
    for (int k = 0; k < weights.length; k++) {
      l = Math.max(l, 2 * weights[k] + anchorCurvatures[k]);
    }
    return new FamilyConstant(
        "L",
        l,
        Exactness.EXACT,
        anchored
            ? "max (2a_k + q_k): |f''| ≤ 2a + q with equality at w_k = c_k"
            : "2 max a_k: |f''| ≤ 2a with equality at w_k = c_k");
  }

  @Override
  public FamilyConstant hessianLipschitz() {
    return new FamilyConstant(
        "rho",
        MAX_THIRD_DERIVATIVE_PER_WEIGHT * maxWeight,
        Exactness.EXACT,
        "max a_k (3+2√2)/2 = max|f'''|, attained at |w_k − c_k| = √2 − 1");
  }

  /**
   * The proximal point {@code argmin_φ f(φ) + (λ/2)‖φ − θ‖²} (iMAML's {@code Alg*(θ)} for this
   * inner loss, Rajeswaran2019 eq. (4)), unique when {@code λ + min_k (q_k − a_k/4) > 0} (the
   * objective is then strongly convex with that modulus). It is separable: coordinate {@code k}
   * solves {@code h(φ) = 2a u/(1 + u²) + q(φ − e_k) + λ(φ − θ_k) = 0}, {@code u = φ − c_k}, whose
   * derivative {@code f'' + λ ≥ λ + q − a/4 > 0}, with the root in {@code [(λθ_k + q e_k − a)/(λ +
   * q), (λθ_k + q e_k + a)/(λ + q)]} (the log part's {@code |·| ≤ a}); Newton's method safeguarded
   * by bisection on that bracket runs to machine precision.
   *
   * @throws IllegalArgumentException when {@code λ + min_k (q_k − a_k/4) ≤ 0}
   */
  public double[] proximalPoint(double[] theta, double lambda) {
    if (!(lambda + smallestCurvature() > 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException(
          "the proximal problem of a separable loss is strongly convex only for lambda > max_k"
              + " (a_k/4 - q_k) = "
              + (-smallestCurvature())
              + ", got "
              + lambda);
    }
    double[] phi = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      double a = weights[k];
      double q = anchorCurvatures[k];
      double mid = (lambda * theta[k] + q * anchorCentre[k]) / (lambda + q);
      double lo = mid - a / (lambda + q);
      double hi = mid + a / (lambda + q);
      double x = mid;
      for (int iteration = 0; iteration < 200 && hi > lo; iteration++) {
        double u = x - centre[k];
        // h = f'(φ) + λ(φ − θ), h' = f''(φ) + λ
        double h = 2 * a * u / (1 + u * u) + q * (x - anchorCentre[k]) + lambda * (x - theta[k]);
        if (h == 0) {
          break;
        }
        if (h > 0) {
          hi = x;
        } else {
          lo = x;
        }
        double next = x - h / (curvature(k, u) + lambda);
        if (!(next > lo && next < hi)) {
          next = 0.5 * (lo + hi);
        }
        if (next == x) {
          break;
        }
        x = next;
      }
      phi[k] = x;
    }
    return phi;
  }

  /** {@code f''} of coordinate {@code k} at the point {@code w}. */
  @Override
  public double curvature(int k, double[] w) {
    return curvature(k, w[k] - centre[k]);
  }

  /**
   * {@code inf_w λ_min(∇²f(w)) = min_k (q_k − a_k/4)} ({@code −max_k a_k/4} without anchor),
   * attained at {@code |w_k − c_k| = √3}.
   */
  @Override
  public double smallestCurvature() {
    double smallest = Double.POSITIVE_INFINITY;
    for (int k = 0; k < weights.length; k++) {
      smallest = Math.min(smallest, anchorCurvatures[k] - weights[k] / 4);
    }
    return smallest;
  }

  /**
   * {@code sup_{‖w‖≤R} ‖∇f(w)‖}. Without anchor: the global supremum {@code (Σa_k²)^{1/2}} is EXACT
   * when the ball contains a point with every {@code |w_k − c_k| = 1} (the nearest one to the
   * origin has norm {@code (Σ(|c_k| − 1)²)^{1/2}}), and a CERTIFIED upper bound otherwise. With an
   * anchor: the CERTIFIED upper bound {@code (Σ (a_k + q_k(R + |e_k|))²)^{1/2}} ({@code +∞} for
   * {@code R = ∞}).
   */
  @Override
  public FamilyConstant gradientBound(double radius) {
    if (!(radius >= 0)) {
      throw new IllegalArgumentException("ball radius must be >= 0, got " + radius);
    }
    if (anchored) {
      double sum = 0;
      for (int k = 0; k < weights.length; k++) {
        double g = weights[k] + anchorCurvatures[k] * (radius + Math.abs(anchorCentre[k]));
        sum += g * g;
      }
      return new FamilyConstant(
          "B_lip",
          Math.sqrt(sum),
          Exactness.CERTIFIED_UPPER_BOUND,
          "(Σ (a_k + q_k(R + |e_k|))²)^{1/2}: |f'_k| ≤ a_k + q_k |w_k − e_k| on the ball ‖w‖ ≤ "
              + radius);
    }
    double nearest = 0;
    for (int k = 0; k < weights.length; k++) {
      double gap = Math.abs(centre[k]) - 1;
      nearest += gap * gap;
    }
    return SeparableGradientBound.of(weights, Math.sqrt(nearest), radius, "|w_k − c_k| = 1");
  }

  @Override
  public String toString() {
    return "SeparableNonconvexLoss[a="
        + Arrays.toString(weights)
        + ", c="
        + Arrays.toString(centre)
        + (anchored
            ? ", q=" + Arrays.toString(anchorCurvatures) + ", e=" + Arrays.toString(anchorCentre)
            : "")
        + "]";
  }

  /** {@code f ≥ 0}: {@code a log(1 + u²) ≥ 0} for {@code a ≥ 0} and the anchor has {@code q ≥ 0}. */
  @Override
  public java.util.OptionalDouble lowerBound() {
    return java.util.OptionalDouble.of(0.0);
  }
}
