package io.metabound.experiments.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The probes of stochastic quantities by quantity id and estimator name: the entry point for code
 * (the claims file, the CLI) that knows a quantity and an algorithm by name.
 *
 * <p>Every probe measures at the origin {@code w = 0} with additive Gaussian noise of per-sample
 * levels {@code sigma_g}, {@code sigma_H} on the instance's tasks, and draws every random number
 * from the instance's seed (see {@link ProbeInstances}). The instance parameters each one reads:
 *
 * <table>
 *   <caption>quantity, estimator names, parameters</caption>
 *   <tr><th>quantity</th><th>estimator</th><th>parameters</th><th>kind</th></tr>
 *   <tr><td>{@code path-deviation}, {@code path-deviation-second-moment}</td>
 *       <td>{@code sgd-inner-path}</td><td>alpha, S, j, sigma_g</td><td>Monte Carlo</td></tr>
 *   <tr><td>{@code estimator-bias}, {@code estimator-second-moment}</td>
 *       <td>{@code ji2022-resampling}</td><td>alpha, N, S, D, T, sigma_g, sigma_H</td>
 *       <td>Monte Carlo</td></tr>
 *   <tr><td></td><td>{@code ji2022-finite-sum}</td><td>alpha, N (support and query losses from
 *       the tasks)</td><td>exact</td></tr>
 *   <tr><td></td><td>{@code fallah2020-adapted-gradient}</td><td>alpha, D_in, D_o, sigma_g</td>
 *       <td>Monte Carlo</td></tr>
 *   <tr><td>{@code stepsize-mean}, {@code stepsize-second-moment}</td>
 *       <td>{@code ji2022-resampling}</td><td>alpha, N, C_beta, B_prime, D_L, sigma_g</td>
 *       <td>Monte Carlo</td></tr>
 *   <tr><td></td><td>{@code ji2022-finite-sum}</td><td>alpha, N, C_beta, B_prime</td>
 *       <td>exact (enumerated task draws)</td></tr>
 *   <tr><td></td><td>{@code fallah2020}</td><td>alpha, B_prime, D_beta, sigma_g</td>
 *       <td>Monte Carlo</td></tr>
 *   <tr><td>{@code surrogate-gap}</td><td>{@code fallah2020-test-time}</td><td>alpha, D_test
 *       (tasks are sample pools)</td><td>exact (enumerated batches)</td></tr>
 *   <tr><td>{@code stationarity}</td><td>{@code ji2022-resampling}</td><td>alpha, N, S, D, T, B,
 *       B_prime, D_L, C_beta, K, sigma_g, sigma_H</td><td>Monte Carlo over runs</td></tr>
 *   <tr><td></td><td>{@code ji2022-finite-sum}</td><td>alpha, N, B, B_prime, C_beta, K</td>
 *       <td>Monte Carlo over runs</td></tr>
 *   <tr><td></td><td>{@code fallah2020-maml}, {@code fallah2020-fo-maml},
 *       {@code fallah2020-hf-maml}</td><td>alpha, D_in, D_o, D_h, B, B_prime, D_beta, K, sigma_g,
 *       sigma_H</td><td>Monte Carlo over runs</td></tr>
 * </table>
 *
 * <p>Where an expectation has a closed form on quadratic tasks ({@link QuadraticNoiseMoments}: the
 * second moments of {@code sgd-inner-path}, {@code ji2022-resampling} and {@code
 * fallah2020-adapted-gradient}), the probe returned here computes it exactly on quadratic instances
 * and by Monte Carlo on the others ({@link QuadraticOrProbe}); likewise the step-size moments of
 * {@code ji2022-resampling} and {@code fallah2020} in dimension 1 ({@link StepSizeMoments}).
 *
 * <p>Probes are immutable and may be shared; each measurement builds its own workspace.
 */
public final class MonteCarloProbes {

  /** The estimator name of the inner-path probes. */
  public static final String SGD_INNER_PATH = "sgd-inner-path";

  /** The estimator name of the surrogate-gap probe. */
  public static final String FALLAH_TEST_TIME = "fallah2020-test-time";

  private static final Map<String, Map<String, Probe>> PROBES = catalogue();

  private MonteCarloProbes() {}

  /**
   * The probe measuring {@code quantityId} for {@code estimator}, if there is one.
   *
   * @param quantityId a quantity id of the registry, e.g. {@code estimator-bias}
   * @param estimator an estimator or algorithm name, e.g. {@code ji2022-resampling} (see the class
   *     comment for the names per quantity)
   */
  public static Optional<Probe> forQuantity(String quantityId, String estimator) {
    Map<String, Probe> byEstimator = PROBES.get(quantityId);
    return byEstimator == null ? Optional.empty() : Optional.ofNullable(byEstimator.get(estimator));
  }

  /** The estimator names available for a quantity, in a fixed order (empty when none). */
  public static List<String> estimators(String quantityId) {
    Map<String, Probe> byEstimator = PROBES.get(quantityId);
    return byEstimator == null ? List.of() : List.copyOf(byEstimator.keySet());
  }

  /** Every quantity id with at least one probe here, in a fixed order. */
  public static List<String> quantities() {
    return List.copyOf(PROBES.keySet());
  }

  /**
   * The {@code stationarity} probe of {@code algorithm} in its plateau variant: the mean of {@code
   * ‖∇𝓛(w_k)‖} over the last {@code K_tail} of {@code K} iterations, i.e. the limit {@code K → ∞}
   * of the theorems' ζ-average (see {@link StationarityProbe}).
   *
   * @throws IllegalArgumentException for an unknown algorithm name
   */
  public static Probe stationarityPlateau(String algorithm) {
    return new StationarityProbe(
        StationarityAlgorithm.byId(algorithm)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no stationarity algorithm '"
                            + algorithm
                            + "'; algorithms: "
                            + estimators("stationarity"))),
        true);
  }

  /** Like {@link #forQuantity}, with a one-line error naming what exists when nothing matches. */
  public static Probe require(String quantityId, String estimator) {
    return forQuantity(quantityId, estimator)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no Monte Carlo probe for quantity '"
                        + quantityId
                        + "' and estimator '"
                        + estimator
                        + "'"
                        + (PROBES.containsKey(quantityId)
                            ? "; estimators: " + estimators(quantityId)
                            : "; quantities: " + quantities())));
  }

  private static Map<String, Map<String, Probe>> catalogue() {
    Map<String, Map<String, Probe>> m = new LinkedHashMap<>();
    m.put("path-deviation", Map.of(SGD_INNER_PATH, new PathDeviationProbe()));
    m.put(
        "path-deviation-second-moment",
        Map.of(
            SGD_INNER_PATH,
            exactOnQuadratics(
                ClosedFormMomentProbe.Moment.PATH_DEVIATION, new PathDeviationSecondMomentProbe())));
    m.put(
        "estimator-bias",
        byName(StochasticEstimator.values(), StochasticEstimator::id, EstimatorBiasProbe::new));
    Map<String, Probe> secondMoments =
        byName(
            StochasticEstimator.values(),
            StochasticEstimator::id,
            EstimatorSecondMomentProbe::new);
    secondMoments.put(
        StochasticEstimator.JI_RESAMPLING.id(),
        exactOnQuadratics(
            ClosedFormMomentProbe.Moment.JI_RESAMPLING,
            secondMoments.get(StochasticEstimator.JI_RESAMPLING.id())));
    secondMoments.put(
        StochasticEstimator.FALLAH_ADAPTED_GRADIENT.id(),
        exactOnQuadratics(
            ClosedFormMomentProbe.Moment.FALLAH_ADAPTED_GRADIENT,
            secondMoments.get(StochasticEstimator.FALLAH_ADAPTED_GRADIENT.id())));
    m.put("estimator-second-moment", secondMoments);
    m.put(
        "stepsize-mean",
        byName(StepSizeSetting.values(), StepSizeSetting::id, StepSizeMeanProbe::new));
    m.put(
        "stepsize-second-moment",
        byName(StepSizeSetting.values(), StepSizeSetting::id, StepSizeSecondMomentProbe::new));
    m.put("surrogate-gap", Map.of(FALLAH_TEST_TIME, new SurrogateGapProbe()));
    m.put(
        "stationarity",
        byName(StationarityAlgorithm.values(), StationarityAlgorithm::id, StationarityProbe::new));
    Map<String, Map<String, Probe>> frozen = new LinkedHashMap<>();
    m.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    return Collections.unmodifiableMap(frozen);
  }

  /** The closed form on quadratic instances, the Monte Carlo probe elsewhere. */
  private static Probe exactOnQuadratics(ClosedFormMomentProbe.Moment moment, Probe monteCarlo) {
    return new QuadraticOrProbe(new ClosedFormMomentProbe(moment), monteCarlo);
  }

  private static <E> Map<String, Probe> byName(
      E[] values, Function<E, String> name, Function<E, Probe> probe) {
    Map<String, Probe> out = new LinkedHashMap<>();
    List<E> list = new ArrayList<>(List.of(values));
    for (E e : list) {
      out.put(name.apply(e), probe.apply(e));
    }
    return out;
  }
}
