package io.metabound.experiments.scaling;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The log-log slope of a power law {@code y ≈ C x^b}, fitted by weighted least squares on {@code
 * (u, v) = (ln x, ln y)}, with a Student-t confidence interval.
 *
 * <p>With weights {@code w_i}, {@code ū = Σ w u / Σ w}, {@code v̄ = Σ w v / Σ w}, {@code S_uu = Σ
 * w (u − ū)²} and {@code S_uv = Σ w (u − ū)(v − v̄)}, the slope is {@code b = S_uv / S_uu}, the
 * intercept {@code a = v̄ − b ū}, the weighted residual sum {@code χ² = Σ w (v − a − b u)²} and the
 * standard error {@code se(b) = (s² / S_uu)^{1/2}} (Draper and Smith, <i>Applied Regression
 * Analysis</i>, 3rd ed., §9.2). The interval is {@code b ± t_{n−2, 1−(1−level)/2} · se(b)}.
 *
 * <ul>
 *   <li><b>exact</b> data ({@link #exact}): unit weights, {@code s² = χ²/(n − 2)}: the interval
 *       measures how far the data are from a power law on the sequence (it is empty of width, {@code
 *       lo = hi = b}, on an exact power law);
 *   <li><b>Monte Carlo</b> data ({@link #weighted}): {@code w_i = 1/Var(ln y_i)} with the delta
 *       method {@code Var(ln y_i) ≈ (se_i / y_i)²}, and {@code s² = max(1, χ²/(n − 2))} (Birge
 *       ratio): the known sampling variance is a floor, a misfit larger than it widens the
 *       interval. With independent Gaussian errors in {@code ln y} the coverage is at least the
 *       nominal level (exactly nominal when {@code s² = χ²/(n−2)} would be used; {@code max(1, ·)}
 *       only widens).
 * </ul>
 *
 * @param slope the fitted {@code b}
 * @param intercept the fitted {@code a = ln C}
 * @param standardError {@code se(b)}
 * @param lower {@code b − t · se(b)}
 * @param upper {@code b + t · se(b)}
 * @param level the two-sided confidence level of {@code [lower, upper]}
 * @param points the number of points {@code n ≥ 3}
 */
public record SlopeFit(
    double slope,
    double intercept,
    double standardError,
    double lower,
    double upper,
    double level,
    int points) {

  /** An ordinary least-squares fit of exact values (unit weights, residual variance). */
  public static SlopeFit exact(double[] x, double[] y, double level) {
    double[] w = new double[x.length];
    java.util.Arrays.fill(w, 1.0);
    return fit(x, y, w, false, level);
  }

  /**
   * A weighted fit of Monte Carlo means {@code y_i} with standard errors {@code se_i}: {@code w_i =
   * (y_i / se_i)²}. A zero standard error is not allowed (use {@link #exact}).
   */
  public static SlopeFit weighted(double[] x, double[] y, double[] standardErrors, double level) {
    double[] w = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!(standardErrors[i] > 0)) {
        throw new IllegalArgumentException(
            "point " + i + ": a Monte Carlo standard error must be > 0, got " + standardErrors[i]);
      }
      // Var(ln y) ≈ (se / y)², w = 1 / Var(ln y)
      double relative = standardErrors[i] / y[i];
      w[i] = 1 / (relative * relative);
    }
    return fit(x, y, w, true, level);
  }

  private static SlopeFit fit(double[] x, double[] y, double[] w, boolean known, double level) {
    int n = x.length;
    if (n < 3 || y.length != n) {
      throw new IllegalArgumentException("need >= 3 points with one y each, got " + n);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    double sw = 0;
    double su = 0;
    double sv = 0;
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(x[i] > 0 && y[i] > 0) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException(
            "point " + i + ": a log-log fit needs x > 0 and finite y > 0, got (" + x[i] + ", "
                + y[i] + ")");
      }
      u[i] = Math.log(x[i]);
      v[i] = Math.log(y[i]);
      sw += w[i];
      su += w[i] * u[i];
      sv += w[i] * v[i];
    }
    double ubar = su / sw;
    double vbar = sv / sw;
    double suu = 0;
    double suv = 0;
    for (int i = 0; i < n; i++) {
      // S_uu = Σ w (u − ū)², S_uv = Σ w (u − ū)(v − v̄)
      suu += w[i] * (u[i] - ubar) * (u[i] - ubar);
      suv += w[i] * (u[i] - ubar) * (v[i] - vbar);
    }
    if (!(suu > 0)) {
      throw new IllegalArgumentException("the x values must not all be equal");
    }
    double b = suv / suu;
    double a = vbar - b * ubar;
    double chi2 = 0;
    for (int i = 0; i < n; i++) {
      double r = v[i] - a - b * u[i];
      chi2 += w[i] * r * r;
    }
    int dof = n - 2;
    // s² = χ²/(n−2), with the known sampling variance as a floor for Monte Carlo data
    double s2 = known ? Math.max(1, chi2 / dof) : chi2 / dof;
    double se = Math.sqrt(s2 / suu);
    double t = new TDistribution(dof).inverseCumulativeProbability(1 - (1 - level) / 2);
    return new SlopeFit(b, a, se, b - t * se, b + t * se, level, n);
  }
}
