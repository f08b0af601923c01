package io.metabound.experiments.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Takagi, Nagano, Yoshida, Okada (2019), "On the conditions of MAML convergence" (OpenReview
 * r1e8qpVKPS), conditions on α and β [V, poster S2; docs/THEOREMS.md §3]: with one inner step, one
 * task, the same data for both updates and full-batch GD, the simplified MAML update
 * {@code g − αHg} is locally stable iff, for every eigenvalue λ_i of the task Hessian H,
 *
 * <pre>{@code α ≤ 1/λ_i   (Cond-α)   and   β < 2/(λ_i − αλ_i²)   (Cond-β).}</pre>
 *
 * Drawn: for every eigenvalue λ_i > 0 of every task Hessian, the vertical line α = 1/λ_i and the
 * curve β = 2/(λ_i − αλ_i²) for α < 1/λ_i. The predicted threshold is
 * {@code β_T(α) = min_i 2/(λ_i − αλ_i²)} if {@code α ≤ 1/λ_i} for all positive λ_i (a term with
 * α = 1/λ_i exactly bounds nothing), else 0.
 *
 * <p>Exactness: on a quadratic task with the same data, {@code g − αHg} is exactly the FO-MAML
 * direction, so for FO-MAML with N = 1 on one task this is the exact boundary; for exact MAML the
 * true threshold is {@code 2/(λ(1 − αλ)²)}, larger by {@code 1/(1 − αλ)} [docs/THEOREMS.md §3,
 * derivation]. For several tasks it is applied per task (the paper's multi-task form could not be
 * read, [R-lo]), which is not the boundary of the task-averaged update.
 */
public final class TakagiOverlay {

  private TakagiOverlay() {}

  /** Samples of the envelope across the window. */
  static final int SAMPLES = 400;

  /**
   * The two overlays for the given Hessian eigenvalues (all tasks pooled): the per-eigenvalue lines
   * and curves (drawn faint: with many tasks there are dozens), and their envelope, the predicted
   * threshold {@code β_T(α)}, which is compared with the empirical boundary.
   *
   * @param eigenvalues eigenvalues of every task's (inner) Hessian; non-positive ones are skipped
   * @param window the plot window (α horizontally, β vertically)
   */
  public static List<BoundaryOverlay> alphaBeta(double[] eigenvalues, PlotWindow window) {
    double[] positive = distinctPositive(eigenvalues);
    List<Polyline> segments = new ArrayList<>();
    double alphaFrom = Math.max(window.xMin(), 0);
    double betaTop = window.yMax() + (window.yMax() - window.yMin());
    for (double lambda : positive) {
      double critical = 1 / lambda;
      if (critical > window.xMin() && critical < window.xMax()) {
        segments.add(Polyline.vertical(critical, window.yMin(), window.yMax()));
      }
      // β = 2/(λ − αλ²) reaches betaTop at α_end = (λ − 2/betaTop)/λ²
      double alphaEnd = Math.min(window.xMax(), (lambda - 2 / betaTop) / (lambda * lambda));
      if (alphaEnd <= alphaFrom) {
        continue;
      }
      int samples = 200;
      double[] x = new double[samples + 1];
      double[] y = new double[samples + 1];
      for (int i = 0; i <= samples; i++) {
        double alpha = alphaFrom + (alphaEnd - alphaFrom) * i / samples;
        x[i] = alpha;
        // β_c(α) = 2/(λ − αλ²)
        y[i] = 2 / (lambda - alpha * lambda * lambda);
      }
      if (y[0] > betaTop) {
        continue;
      }
      segments.add(new Polyline(x, y));
    }
    String provenance = "Takagi et al. 2019 (OpenReview r1e8qpVKPS), Cond-α and Cond-β, verbatim [V,"
        + " poster]; one inner step, one task; applied per task for several tasks [R-lo]";
    String note = "exact for FO-MAML (N = 1) on one quadratic task; for exact MAML the true"
        + " threshold is larger by 1/(1 − αλ); for several tasks a per-task heuristic";
    BoundaryOverlay perEigenvalue = new BoundaryOverlay(
        "takagi2019.per-eigenvalue",
        "Takagi2019 α = 1/λᵢ, β = 2/(λᵢ − αλᵢ²), every λᵢ",
        provenance, segments, null, note);
    double[] x = new double[SAMPLES + 1];
    double[] y = new double[SAMPLES + 1];
    for (int i = 0; i <= SAMPLES; i++) {
      x[i] = alphaFrom + (window.xMax() - alphaFrom) * i / SAMPLES;
      y[i] = predicted(positive, x[i]);
    }
    BoundaryOverlay envelope = new BoundaryOverlay(
        "takagi2019.envelope",
        "Takagi2019 envelope β_T(α) = minᵢ 2/(λᵢ − αλᵢ²)",
        provenance,
        SpectralOverlay.clipToWindow(x, y, window),
        alpha -> predicted(positive, alpha),
        note);
    return List.of(perEigenvalue, envelope);
  }

  /**
   * {@code β_T(α) = min_i 2/(λ_i − αλ_i²)} over the λ_i with α < 1/λ_i, if α ≤ 1/λ_i for all i,
   * else 0; +∞ when no λ_i bounds β.
   */
  public static double predicted(double[] positiveEigenvalues, double alpha) {
    double threshold = Double.POSITIVE_INFINITY;
    for (double lambda : positiveEigenvalues) {
      double curvature = lambda - alpha * lambda * lambda;
      if (curvature < 0) {
        return 0; // Cond-α fails: α > 1/λ_i
      }
      if (curvature > 0) {
        threshold = Math.min(threshold, 2 / curvature);
      } // α = 1/λ_i exactly: Cond-α holds with equality and Cond-β sets no bound
    }
    return threshold;
  }

  /** The positive eigenvalues, sorted, with exact duplicates removed. */
  static double[] distinctPositive(double[] eigenvalues) {
    return Arrays.stream(eigenvalues).filter(l -> l > 0).sorted().distinct().toArray();
  }
}
