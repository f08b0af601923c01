package io.metabound.experiments.sweep;

import io.metabound.experiments.algorithm.MetaGradientEstimator;
import io.metabound.experiments.algorithm.OuterLoop;
import io.metabound.experiments.algorithm.RunStatus;
import io.metabound.experiments.algorithm.TaskBatching;
import io.metabound.experiments.algorithm.Trajectory;
import io.metabound.experiments.linalg.Vectors;
import io.metabound.experiments.oracle.AffineGradientMap;

/**
 * Stochastic estimators: each cell runs the real sampling algorithm ({@link OuterLoop} with the
 * estimator's own batches, constant meta step β, T iterations) seeded with the cell's seed, so the
 * cell replays alone. The classification uses the same criterion as the deterministic sweeps,
 * measured with the exact expected direction {@code ∇F(w) = A w − b} (for Ji2022's resampling
 * MAML on quadratic tasks with additive noise, the estimator is unbiased for exact MAML's
 * direction, docs/THEOREMS.md §6.1):
 *
 * <ul>
 *   <li>DIVERGED when the run diverges (a non-finite value or {@code |w_j| > cap});
 *   <li>CONVERGED when {@code ‖∇F(w_T)‖ ≤ tol·‖∇F(w_0)‖};
 *   <li>UNDECIDED otherwise — with noise, typically the stationarity floor above {@code tol}.
 * </ul>
 *
 * Rate: {@code (‖∇F(w_T)‖/‖∇F(w_0)‖)^{1/T}} (NaN when diverged, 0 when {@code ∇F(w_0) = 0}).
 */
public final class StochasticCellModel implements CellModel {

  /** Builds a fresh, thread-confined estimator (with its own noise oracles) for (N, α). */
  @FunctionalInterface
  public interface EstimatorFactory {
    MetaGradientEstimator create(int steps, double alpha);
  }

  private final EstimatorFactory factory;
  private final EstimatorMapSource expected;
  private final TaskBatching batching;
  private final double[] start;
  private final ConvergenceCriterion criterion;
  private final String description;

  /**
   * @param factory the sampling estimator
   * @param expected the exact expected direction (classification only)
   * @param batching task batching of the outer step
   * @param start {@code w_0}
   * @param criterion T, tolerance, cap
   * @param description what is run, for the sidecar
   */
  public StochasticCellModel(EstimatorFactory factory, EstimatorMapSource expected,
      TaskBatching batching, double[] start, ConvergenceCriterion criterion, String description) {
    this.factory = factory;
    this.expected = expected;
    this.batching = batching;
    this.start = start.clone();
    this.criterion = criterion;
    this.description = description;
  }

  @Override
  public RowEvaluator row(SweepGrid grid, int row) {
    boolean perRow = grid instanceof SweepGrid.AlphaBeta;
    return new RowEvaluator() {
      private MetaGradientEstimator estimator =
          perRow ? factory.create(grid.steps(row, 0), grid.alpha(row, 0)) : null;
      private AffineGradientMap map = perRow ? expected.map(grid.steps(row, 0), grid.alpha(row, 0)) : null;
      private double rate;

      @Override
      public int evaluate(int column, long cellSeed) {
        if (!perRow) {
          estimator = factory.create(grid.steps(row, column), grid.alpha(row, column));
          map = expected.map(grid.steps(row, column), grid.alpha(row, column));
        }
        double[] g = new double[start.length];
        map.apply(start, g);
        double g0 = Vectors.norm(g);
        Trajectory run = OuterLoop.builder(estimator)
            .iterations(criterion.iterations())
            .stepSize(grid.beta(row, column))
            .taskBatching(batching)
            .divergenceCap(criterion.cap())
            .build()
            .run(start, cellSeed);
        if (run.status() == RunStatus.DIVERGED || !Double.isFinite(g0)) {
          rate = Double.NaN;
          return CellStatus.DIVERGED.code();
        }
        if (CellStatus.degenerateStart(Math.max(g0, largest(g)))) {
          rate = Double.NaN;
          return CellStatus.DEGENERATE.code();
        }
        if (g0 == 0) {
          rate = 0;
          return CellStatus.CONVERGED.code();
        }
        map.apply(run.finalIterate(), g);
        double gT = Vectors.norm(g);
        // r = (‖∇F(w_T)‖/‖∇F(w_0)‖)^{1/T}
        rate = Math.pow(gT / g0, 1.0 / Math.max(1, run.iterations()));
        return gT <= criterion.tolerance() * g0
            ? CellStatus.CONVERGED.code()
            : CellStatus.UNDECIDED.code();
      }

      @Override
      public double rate() {
        return rate;
      }
    };
  }

  /** {@code max_j |g_j|} (non-zero whenever g is, even when {@code ‖g‖²} underflowed). */
  private static double largest(double[] g) {
    double m = 0;
    for (double x : g) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  @Override
  public String description() {
    return description;
  }
}
