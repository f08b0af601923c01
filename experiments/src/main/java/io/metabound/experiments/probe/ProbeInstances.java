package io.metabound.experiments.probe;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.constant.QuadraticFamilyConstants;
import io.metabound.experiments.family.TaskFamilyConstants;
import io.metabound.experiments.noise.AdditiveGaussianNoise;
import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * What the Monte Carlo probes read from an {@link Instance}: the measurement point, the stochastic
 * oracles, the regularity constants the algorithms use, and the generator of every random number.
 *
 * <p>Conventions shared by every probe of this package:
 *
 * <ul>
 *   <li>the quantities are measured at the <b>origin</b> {@code w = 0} (the runs of the
 *       stationarity probe start there). Domains move the tasks (their centres) instead of the
 *       point, which loses nothing on the translation-invariant families (quadratic and separable
 *       tasks);
 *   <li>the noise is additive Gaussian ({@link AdditiveGaussianNoise}) on each task's inner loss
 *       with the instance's per-sample levels {@code sigma_g} and {@code sigma_H} (default 0): the
 *       only noise model whose σ_g and σ_H hold exactly on all of {@code R^d}. Linear-regression
 *       sampling has σ_g only on a ball, which a stochastic path can leave, so no check relies on
 *       it;
 *   <li>every random number comes from one {@link Well19937c} seeded with {@link Instance#seed()},
 *       drawn in a fixed order, so the same instance gives bit-identical measurements and instances
 *       sharing a seed share their random numbers (common random numbers keep the falsifier's
 *       objective smooth in the continuous coordinates).
 * </ul>
 */
final class ProbeInstances {

  private ProbeInstances() {}

  /** The measurement point: the origin of {@code R^d}. */
  static double[] point(Instance instance) {
    return new double[instance.dimension()];
  }

  /** The generator of every random number of one measurement. */
  static RandomGenerator random(Instance instance) {
    return new Well19937c(instance.seed());
  }

  /** The parameter, or {@code fallback} when the instance does not set it. */
  static double parameterOr(Instance instance, String name, double fallback) {
    return instance.hasParameter(name) ? instance.parameter(name) : fallback;
  }

  /** The integer parameter, or {@code fallback} when the instance does not set it. */
  static int integerOr(Instance instance, String name, int fallback) {
    return instance.hasParameter(name) ? instance.integerParameter(name) : fallback;
  }

  /**
   * Task {@code i} sampled through {@link AdditiveGaussianNoise} on its inner loss with {@code
   * sigma_g} (required) and {@code sigma_H} (default 0), weights kept (the resampling case: inner
   * and outer loss are the same expected loss).
   */
  static StochasticTaskSet additiveNoise(Instance instance) {
    double gradientNoise = instance.parameter("sigma_g");
    double hessianNoise = parameterOr(instance, "sigma_H", 0);
    TaskSet tasks = instance.tasks();
    List<StochasticOracle> oracles = new ArrayList<>(tasks.size());
    double[] weights = new double[tasks.size()];
    for (int i = 0; i < tasks.size(); i++) {
      oracles.add(new AdditiveGaussianNoise(tasks.get(i).inner(), gradientNoise, hessianNoise));
      weights[i] = tasks.get(i).weight();
    }
    return new StochasticTaskSet(oracles, weights);
  }

  /**
   * {@code L} and {@code ρ} of the tasks, as the adaptive step sizes use them: exact for quadratic
   * tasks ({@link QuadraticInstanceConstants}), otherwise from the losses' known constants ({@link
   * TaskFamilyConstants}, exact or certified).
   *
   * @return {@code {L, rho}}
   */
  static double[] smoothness(Instance instance) {
    if (instance.isQuadratic()) {
      var c = QuadraticInstanceConstants.of(instance.tasks());
      return new double[] {c.get("L"), c.get("rho")};
    }
    TaskFamilyConstants c = TaskFamilyConstants.of(instance.tasks(), Double.POSITIVE_INFINITY);
    return new double[] {c.smoothness().value(), c.hessianLipschitz().value()};
  }

  /**
   * {@code b = E_i b_i}, {@code b_i = sup_w ‖∇l_{S_i}(w) − ∇l_{T_i}(w)‖} (Ji2022 Ass. 5): exact for
   * quadratic tasks ({@link QuadraticFamilyConstants}, {@code +∞} when support and query Hessians
   * differ), 0 when every task's support and query losses coincide.
   *
   * @throws IllegalArgumentException for other task sets, where b has no closed form here
   */
  static double meanGap(Instance instance) {
    if (instance.isQuadratic()) {
      return QuadraticFamilyConstants.of(instance.tasks()).meanGap().value();
    }
    for (MetaTask t : instance.tasks().tasks()) {
      if (!t.isSameLoss()) {
        throw new IllegalArgumentException(
            "b = E_i sup_w |grad l_S - grad l_T| is known in closed form only for quadratic tasks"
                + " or equal support and query losses; instance "
                + instance.describe()
                + " has neither");
      }
    }
    return 0;
  }

  /**
   * The {@code b} that Ji2022's finite-sum step size (22) multiplies by {@code C_b}: {@link
   * #meanGap}, or 0 when {@code ρ = 0} (then {@code C_b = 0} and b does not enter, even if it is
   * infinite).
   *
   * @throws IllegalArgumentException when {@code ρ > 0} and b is infinite (support and query
   *     Hessians differ: Ji2022 Ass. 5.2 fails)
   */
  static double stepSizeGap(Instance instance, double rho) {
    double b = meanGap(instance);
    if (rho == 0) {
      return 0;
    }
    if (!Double.isFinite(b)) {
      throw new IllegalArgumentException(
          "Ji2022's step size (22) needs a finite b = E_i b_i; instance "
              + instance.describe()
              + " has b = "
              + b
              + " (support and query Hessians differ)");
    }
    return b;
  }

  /** Task probabilities {@code p_i}. */
  static double[] probabilities(TaskSet tasks) {
    double[] p = new double[tasks.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = tasks.probability(i);
    }
    return p;
  }
}
