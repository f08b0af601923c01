package io.metabound.experiments.sweep;

import io.metabound.experiments.oracle.AffineGradientMap;

/**
 * Deterministic estimators on quadratic tasks: each cell iterates the estimator's exact affine
 * update map {@code w ← w − β (A w − b)} ({@link AffineIteration}). For (α, β) maps the map is
 * built once per α row and shared by the row's cells; for (N, α) maps once per cell.
 */
public final class AffineCellModel implements CellModel {

  private final EstimatorMapSource maps;
  private final double[] start;
  private final ConvergenceCriterion criterion;
  private final int dimension;

  /**
   * @param maps the estimator's map {@code (N, α) ↦ (A, b)}
   * @param start the start {@code w_0} (length {@code d})
   * @param criterion {@code T}, tolerance and cap
   */
  public AffineCellModel(EstimatorMapSource maps, double[] start, ConvergenceCriterion criterion) {
    this.maps = maps;
    this.start = start.clone();
    this.criterion = criterion;
    this.dimension = start.length;
    for (double x : start) {
      if (!Double.isFinite(x)) {
        throw new SweepInputException("--start: coordinates must be finite numbers");
      }
    }
  }

  @Override
  public RowEvaluator row(SweepGrid grid, int row) {
    AffineIteration iteration = new AffineIteration(dimension);
    if (grid instanceof SweepGrid.AlphaBeta) {
      AffineGradientMap map = checked(maps.map(grid.steps(row, 0), grid.alpha(row, 0)));
      double[] a = map.matrix();
      double[] b = map.offset();
      boolean underflows = maps.underflows(grid.steps(row, 0), grid.alpha(row, 0));
      return new Classified(iteration) {
        @Override
        public int evaluate(int column, long cellSeed) {
          return classify(iteration.run(a, b, grid.beta(row, column), start, criterion), underflows);
        }
      };
    }
    return new Classified(iteration) {
      @Override
      public int evaluate(int column, long cellSeed) {
        int steps = grid.steps(row, column);
        double alpha = grid.alpha(row, column);
        AffineGradientMap map = checked(maps.map(steps, alpha));
        int code = iteration.run(map.matrix(), map.offset(), grid.beta(row, column), start, criterion);
        return classify(code, code == CellStatus.CONVERGED.code() && maps.underflows(steps, alpha));
      }
    };
  }

  /**
   * The iteration's status, except that a start with an exactly zero gradient (converged, rate 0)
   * on a map that underflowed is {@link CellStatus#DEGENERATE} (rate NaN): there the zero is an
   * artefact of double precision, not a stationary start.
   */
  private abstract static class Classified implements RowEvaluator {
    private final AffineIteration iteration;
    private boolean degenerate;

    Classified(AffineIteration iteration) {
      this.iteration = iteration;
    }

    int classify(int code, boolean underflows) {
      degenerate = underflows && code == CellStatus.CONVERGED.code() && iteration.rate() == 0;
      return degenerate ? CellStatus.DEGENERATE.code() : code;
    }

    @Override
    public double rate() {
      return degenerate ? Double.NaN : iteration.rate();
    }
  }

  private AffineGradientMap checked(AffineGradientMap map) {
    if (map.dimension() != dimension) {
      throw new SweepInputException("--start: has " + dimension + " coordinates but the tasks have "
          + "dimension " + map.dimension());
    }
    return map;
  }

  @Override
  public String description() {
    return "exact affine update map of the deterministic estimator, iterated T times per cell";
  }
}
