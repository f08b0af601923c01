package io.metabound.experiments.finding;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact quantities the findings are computed from, through the same calls as {@code metabound
 * oracle} ({@link EstimatorMaps#betaThreshold} for {@code --quantity beta-threshold}, {@link
 * QuadraticMetaOracle#metaSmoothness} for {@code --quantity meta-smoothness}), the registry's
 * formulas, and the command lines that reproduce them.
 */
final class FindingOracle {

  private FindingOracle() {}

  /** Bisection steps of {@link #convergenceAlphaThreshold}: the bracket shrinks to rounding. */
  private static final int BISECTION_STEPS = 200;

  /**
   * The exact β-threshold {@code β* = min_k 2 Re μ_k/|μ_k|²} of the outer iteration {@code w ← w −
   * β(A w − b)} of an estimator (0 when some eigenvalue μ of A has {@code Re μ ≤ 0}: no β > 0
   * converges), as {@code metabound oracle --quantity beta-threshold} computes it.
   */
  static double betaThreshold(Estimator estimator, TaskSet tasks, EstimatorParameters parameters) {
    return EstimatorMaps.of(tasks).betaThreshold(estimator, parameters).value();
  }

  /** The exact meta-smoothness {@code ‖∇²F‖₂} of N-step MAML ({@code --quantity meta-smoothness}). */
  static double metaSmoothness(TaskSet tasks, double alpha, int steps) {
    return QuadraticMetaOracle.maml(tasks, alpha, steps).metaSmoothness().value();
  }

  /**
   * The largest inner stepsize below which the deterministic outer iteration with meta stepsize β
   * converges: {@code α* = sup{α : β < β*(α') for all α' ∈ [0, α)}}, by bisection on the oracle's
   * β-threshold {@code β*(α)} from the bracket {@code [0, 1000/L]}, widened until its upper end
   * diverges.
   *
   * <p>Along one eigenvalue λ of a one-task Hessian the map's eigenvalue is {@code μ = λ(1 −
   * αλ)^p} (p = 2N for MAML and HF-MAML, N for FO-MAML), so the predicate fails on {@code [α*, ∞)}
   * and, for even p, at the single point {@code α = 1/λ} where μ = 0 (a neutral direction in which
   * ∇F vanishes as well); no bisection midpoint {@code 1000k/(2^j L)} equals {@code 1/L}, so the
   * bisection finds α*.
   *
   * @return α*, or 0 when β does not converge even at α = 0
   */
  static double convergenceAlphaThreshold(
      Estimator estimator, TaskSet tasks, double lipschitz, double beta) {
    if (!converges(estimator, tasks, 0, beta)) {
      return 0;
    }
    double lo = 0;
    double hi = 1000 / lipschitz;
    while (converges(estimator, tasks, hi, beta)) {
      lo = hi;
      hi *= 2;
    }
    for (int i = 0; i < BISECTION_STEPS && hi - lo > Math.ulp(hi); i++) {
      double mid = 0.5 * (lo + hi);
      if (converges(estimator, tasks, mid, beta)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Whether {@code 0 < β < β*(α)}: the estimator's iteration converges from every start. */
  static boolean converges(Estimator estimator, TaskSet tasks, double alpha, double beta) {
    return EstimatorMaps.of(tasks).betaThreshold(estimator, parameters(estimator, alpha, 1)).converges(beta);
  }

  /** The parameters {@code metabound oracle} builds for {@code --alpha A --steps N}. */
  static EstimatorParameters parameters(Estimator estimator, double alpha, int steps) {
    return estimator == Estimator.HFMAML
        ? EstimatorParameters.hfMaml(alpha, EstimatorParameters.DEFAULT_DELTA)
        : EstimatorParameters.maml(alpha, steps);
  }

  /** A registry bound's formula at the given constants (no assumption is checked). */
  static double stated(String boundId, Map<String, Double> constants) {
    return bound(boundId).evaluate(Bindings.of(constants));
  }

  static Bound bound(String boundId) {
    return BoundRegistry.find(boundId)
        .orElseThrow(() -> new IllegalStateException("no registry bound " + boundId));
  }

  /** The registry's statement, quoted with its reference: {@code Takagi2019 Condition (β): …}. */
  static String quote(String boundId) {
    Bound b = bound(boundId);
    return b.reference().label() + ": " + b.statement();
  }

  /** Constants as a map, in order: {@code constants("L", 4.0, "rho", 0.0)}. */
  static Map<String, Double> constants(Object... nameValue) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      m.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
    }
    return m;
  }

  /** Tasks with diagonal Hessians {@code diag(spectrum_i)}, centres at {@code (1, …, 1)}. */
  static TaskSet diagonalTasks(double[]... spectra) {
    List<MetaTask> tasks = new ArrayList<>();
    for (double[] spectrum : spectra) {
      int d = spectrum.length;
      double[][] h = new double[d][d];
      double[] c = new double[d];
      for (int k = 0; k < d; k++) {
        h[k][k] = spectrum[k];
        c[k] = 1;
      }
      tasks.add(MetaTask.same(QuadraticLoss.of(h, c)));
    }
    return new TaskSet(tasks);
  }

  /** {@code x} rounded to six significant digits, as a command line writes it. */
  static double rounded(double x) {
    return new BigDecimal(x).round(new MathContext(6)).doubleValue();
  }

  /**
   * {@code metabound oracle --tasks finding-ID.json --estimator E --quantity Q --alpha A [--steps
   * N]} (HF-MAML takes one step and no {@code --steps}).
   */
  static String oracleCommand(String id, Estimator estimator, String quantity, double alpha, int steps) {
    return "metabound oracle --tasks " + Finding.taskFile(id) + " --estimator " + estimator.claimName()
        + " --quantity " + quantity + " --alpha " + text(alpha)
        + (estimator == Estimator.HFMAML ? "" : " --steps " + steps);
  }

  /** A number as a command line takes it: whole numbers without a fraction, others round-trip. */
  static String text(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** {@code metabound bounds eval ID --set NAME=VALUE ...}. */
  static String evalCommand(String boundId, Map<String, Double> constants) {
    StringBuilder s = new StringBuilder("metabound bounds eval ").append(boundId);
    constants.forEach((k, v) -> s.append(" --set ").append(k).append('=').append(text(v)));
    return s.toString();
  }
}
