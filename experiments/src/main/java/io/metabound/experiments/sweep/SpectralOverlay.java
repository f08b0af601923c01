package io.metabound.experiments.sweep;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact stability boundary of the chosen estimator, from the spectrum of its update map
 * ({@link BetaThreshold}, from the oracle):
 *
 * <ul>
 *   <li>(α, β) maps: {@code β*(α) = min_μ 2 Re μ/|μ|²} over the eigenvalues μ of {@code A(N, α)};
 *   <li>(N, α) maps with fixed β: for each N, the smallest α at which {@code β ≥ β*(α, N)} (the
 *       first instability along α), found by a fine scan and bisection.
 * </ul>
 *
 * Exact for the deterministic estimators on quadratic tasks (the iterates are linear), so the
 * empirical boundary must sit on it up to the grid resolution and the undecided band of finite T.
 */
public final class SpectralOverlay {

  /** Samples of the β*(α) curve across the window. */
  static final int SAMPLES = 400;

  private SpectralOverlay() {}

  /** The exact β*(α) boundary of an (α, β) map with N inner steps. */
  public static BoundaryOverlay alphaBeta(
      EstimatorMapSource maps, int innerSteps, double[] start, PlotWindow window,
      String estimatorName) {
    double from = Math.max(window.xMin(), 0);
    double[] x = new double[SAMPLES + 1];
    double[] y = new double[SAMPLES + 1];
    // independent samples: parallel (the map source is thread-safe), written by index
    java.util.stream.IntStream.rangeClosed(0, SAMPLES).parallel().forEach(i -> {
      double alpha = from + (window.xMax() - from) * i / SAMPLES;
      x[i] = alpha;
      y[i] = threshold(maps.map(innerSteps, alpha), start);
    });
    return new BoundaryOverlay(
        "spectral.exact",
        "spectral boundary β*(α) = min 2Re μ/|μ|² (exact)",
        "exact: spectrum of the " + estimatorName + " affine update map A(N, α) on these quadratic tasks"
            + " (MetaBound oracle; |1 − βμ| < 1 for every eigenvalue μ)",
        clipToWindow(x, y, window),
        alpha -> threshold(maps.map(innerSteps, alpha), start),
        "exact for the deterministic estimator on quadratic tasks");
  }

  /** The exact first-instability α*(N) of an (N, α) map with fixed β. */
  public static BoundaryOverlay stepsAlpha(
      EstimatorMapSource maps, StepsRange steps, double beta, double[] start, PlotWindow window,
      String estimatorName) {
    double[] x = new double[steps.count()];
    double[] y = new double[steps.count()];
    double alphaMax = window.yMax();
    java.util.stream.IntStream.range(0, steps.count()).parallel().forEach(k -> {
      int n = steps.steps(k);
      x[k] = n;
      y[k] = firstUnstableAlpha(maps, n, beta, start, alphaMax);
    });
    List<Polyline> segments = new ArrayList<>();
    // a step curve: α*(N) is constant on each N cell
    double[] sx = new double[2 * x.length];
    double[] sy = new double[2 * x.length];
    for (int k = 0; k < x.length; k++) {
      sx[2 * k] = x[k] - 0.5;
      sx[2 * k + 1] = x[k] + 0.5;
      sy[2 * k] = Math.min(y[k], alphaMax);
      sy[2 * k + 1] = Math.min(y[k], alphaMax);
    }
    segments.add(new Polyline(sx, sy));
    int first = steps.first();
    double[] table = y.clone();
    return new BoundaryOverlay(
        "spectral.exact",
        "spectral boundary α*(N) at β = " + beta + " (exact)",
        "exact: first α with β ≥ min 2Re μ/|μ|² over the eigenvalues μ of the " + estimatorName
            + " update map A(N, α)",
        segments,
        n -> table[(int) Math.round(n) - first],
        "exact for the deterministic estimator on quadratic tasks; +∞ when stable up to the"
            + " window's largest α");
  }

  /**
   * The smallest α in (0, alphaMax] at which {@code β ≥ β*(α, N)}, or +∞ if there is none: scan
   * 400 points, then bisect the first sign change to relative precision 1e-12.
   */
  static double firstUnstableAlpha(
      EstimatorMapSource maps, int n, double beta, double[] start, double alphaMax) {
    int scan = 400;
    double previous = 0;
    for (int i = 1; i <= scan; i++) {
      double alpha = alphaMax * i / scan;
      if (!stable(maps, n, alpha, beta, start)) {
        double lo = previous;
        double hi = alpha;
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
          double mid = 0.5 * (lo + hi);
          if (stable(maps, n, mid, beta, start)) {
            lo = mid;
          } else {
            hi = mid;
          }
        }
        return hi;
      }
      previous = alpha;
    }
    return Double.POSITIVE_INFINITY;
  }

  private static boolean stable(
      EstimatorMapSource maps, int n, double alpha, double beta, double[] start) {
    return beta < threshold(maps.map(n, alpha), start);
  }

  /**
   * {@code β*(A)}, except +∞ when the gradient at the start is exactly zero: then the start is a
   * fixed point and every β converges by the classification's definition (e.g. MAML at α = 1/λ on
   * one task, where {@code A = 0} and {@code b = 0}).
   */
  static double threshold(AffineGradientMap map, double[] start) {
    double[] g = new double[map.dimension()];
    map.apply(start, g);
    for (double x : g) {
      if (x != 0) {
        return BetaThreshold.of(map).value();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * Clamps a sampled curve to a band one window-height above and below the window (so lines leave
   * the frame cleanly and vector files stay small; the drawing clips to the frame) and splits it
   * at NaN samples. {@code +∞} (no threshold) is drawn at the band's top.
   */
  static List<Polyline> clipToWindow(double[] x, double[] y, PlotWindow window) {
    double top = window.yMax() + (window.yMax() - window.yMin());
    double bottom = window.yMin() - (window.yMax() - window.yMin());
    List<Polyline> pieces = new ArrayList<>();
    List<double[]> current = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isNaN(y[i])) {
        flush(current, pieces);
      } else {
        current.add(new double[] {x[i], Math.max(bottom, Math.min(top, y[i]))});
      }
    }
    flush(current, pieces);
    return pieces;
  }

  private static void flush(List<double[]> points, List<Polyline> pieces) {
    if (points.size() >= 2) {
      double[] px = new double[points.size()];
      double[] py = new double[points.size()];
      for (int i = 0; i < px.length; i++) {
        px[i] = points.get(i)[0];
        py[i] = points.get(i)[1];
      }
      pieces.add(new Polyline(px, py));
    }
    points.clear();
  }
}
