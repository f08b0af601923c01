package io.metabound.experiments.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Ji, Yang, Liang (2022), "Theoretical Convergence of Multi-Step MAML" (JMLR 23; arXiv
 * 2002.07836), Corollary 6 and 10: the inner step size must scale as {@code α = c/(N L)} —
 * {@code c = 1/8} is the paper's choice [R-hi], and the proof works for any {@code c} with
 * {@code (1 + c/N)^{2N} < 2}, e.g. every {@code c < (ln 2)/2} [docs/THEOREMS.md §1.5]. L is the
 * gradient-Lipschitz constant of the task losses, {@code max_i ‖H_i‖₂} on quadratic tasks (exact).
 *
 * <p>This is a sufficient condition inside a convergence proof, not a stability boundary: the
 * comparison reports how far below the empirical boundary the curve sits, per N.
 */
public final class Ji2022StepsOverlay {

  /** The paper's choice {@code c = 1/8}. */
  public static final double C_PAPER = 1.0 / 8;
  /** The largest constant the proof admits for every N, {@code (ln 2)/2}. */
  public static final double C_LIMIT = Math.log(2) / 2;

  private Ji2022StepsOverlay() {}

  /**
   * The curve {@code α = c/(N L)} over the window's N range.
   *
   * @param c the constant
   * @param smoothness {@code L}
   */
  public static BoundaryOverlay curve(double c, double smoothness, PlotWindow window) {
    int samples = 400;
    double from = Math.max(window.xMin(), 0.5);
    double[] x = new double[samples + 1];
    double[] y = new double[samples + 1];
    for (int i = 0; i <= samples; i++) {
      double n = from + (window.xMax() - from) * i / samples;
      x[i] = n;
      // α = c/(N L)
      y[i] = c / (n * smoothness);
    }
    List<Polyline> segments = new ArrayList<>(SpectralOverlay.clipToWindow(x, y, window));
    String cText = c == C_PAPER ? "1/8" : c == C_LIMIT ? "(ln 2)/2" : Double.toString(c);
    return new BoundaryOverlay(
        "ji2022.alpha-c" + (c == C_PAPER ? "-1over8" : c == C_LIMIT ? "-ln2over2" : "-" + c),
        "Ji2022 α = " + cText + "/(N L)",
        "Ji, Yang, Liang 2022 (JMLR 23), Cor. 6/10: α = 1/(8NL) [R-hi];"
            + " admissible c < (ln 2)/2 from Lemma 15's (1 + αL)^{2N} < 2 [R-med]",
        segments,
        n -> c / (n * smoothness),
        "sufficient step-size choice of a convergence proof, not a stability boundary");
  }
}
