package io.metabound.experiments.probe;

import io.metabound.experiments.oracle.Estimator;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exact (closed-form or deterministic) probes by quantity id and estimator, for callers that
 * name a quantity and an estimator rather than a probe class (the claims file: "meta-smoothness of
 * fomaml ≤ …").
 *
 * <table>
 *   <caption>quantity → estimators → probe (instance parameters it reads)</caption>
 *   <tr><th>quantity</th><th>estimators</th><th>probe</th></tr>
 *   <tr><td>{@code meta-smoothness}</td><td>all</td><td>{@link MetaSmoothnessProbe}: exact
 *       {@code σ_max(A)} on quadratics; pairwise at {@code w, u} otherwise (MAML, FO-MAML,
 *       HF-MAML)</td></tr>
 *   <tr><td>{@code beta-threshold}</td><td>all</td><td>{@link BetaThresholdProbe} (quadratics)</td></tr>
 *   <tr><td>{@code alpha-threshold}</td><td>maml, fomaml, hfmaml</td><td>{@link
 *       ConvergenceAlphaThresholdProbe#withBeta}: largest α converging with the instance's {@code
 *       beta} (one quadratic task)</td></tr>
 *   <tr><td>{@code path-sensitivity}, {@code gradient-growth}, {@code product-deviation}, {@code
 *       expansion-factor}, {@code expansion-factor-squared}</td><td>maml, fomaml, hfmaml (they
 *       share the inner GD path)</td><td>{@link PathSensitivityProbe}, {@link
 *       GradientGrowthProbe}, {@link ProductDeviationProbe} (quadratics)</td></tr>
 *   <tr><td>{@code meta-gradient-deviation}, {@code stability-margin}</td><td>maml</td><td>{@link
 *       MetaGradientDeviationProbe}, {@link StabilityMarginProbe} (exact Lemma-14 constant,
 *       quadratics, resampling)</td></tr>
 *   <tr><td>{@code task-gradient-norm}</td><td>maml, fomaml, hfmaml</td><td>{@link
 *       TaskGradientNormProbe} at {@code w}</td></tr>
 *   <tr><td>{@code taylor-remainder}</td><td>maml</td><td>{@link TaylorRemainderProbe}</td></tr>
 *   <tr><td>{@code finite-difference-error}</td><td>hfmaml</td><td>{@link
 *       FiniteDifferenceErrorProbe} at {@code w, v, delta}</td></tr>
 *   <tr><td>{@code imaml-error}, {@code implicit-jacobian}, {@code cg-iterations}, {@code
 *       meta-gradient-calls}, {@code gradient-computations}</td><td>imaml</td><td>{@link
 *       ImplicitGradientErrorProbe}, {@link ImplicitJacobianNormProbe}, {@link CgIterationsProbe},
 *       {@link MetaGradientCallsProbe}, {@link ImplicitGradientCostProbe}</td></tr>
 *   <tr><td>{@code memory}</td><td>imaml, maml</td><td>{@link MemoryProbe}</td></tr>
 * </table>
 *
 * Estimator names are parsed by {@link Estimator#parse} ({@code maml}, {@code fo-maml}, {@code
 * hfmaml}, {@code imaml}, {@code maml-prox}, {@code reptile}, {@code moreau}, case and dashes
 * ignored); "all" includes Reptile and the Moreau envelope, whose exact maps {@link
 * io.metabound.experiments.oracle.EstimatorMaps} builds on quadratics. Stochastic quantities
 * (moments, biases, stationarity of runs) have no exact probe here.
 */
public final class ExactProbes {

  private static final Set<Estimator> ALL =
      Collections.unmodifiableSet(EnumSet.allOf(Estimator.class));
  private static final Set<Estimator> INNER_PATH =
      Collections.unmodifiableSet(EnumSet.of(Estimator.MAML, Estimator.FOMAML, Estimator.HFMAML));

  private ExactProbes() {}

  /**
   * The exact probe of a quantity for an estimator.
   *
   * @param quantityId a quantity id ({@code meta-smoothness}, …)
   * @param estimator an estimator name ({@code maml}, {@code fomaml}, …)
   * @return the probe, or empty when this pair has no exact probe
   * @throws IllegalArgumentException when the estimator name is unknown (listing the known ones)
   */
  public static Optional<Probe> forQuantity(String quantityId, String estimator) {
    Estimator e = Estimator.parse(estimator);
    Set<Estimator> admitted = supported().get(quantityId);
    if (admitted == null || !admitted.contains(e)) {
      return Optional.empty();
    }
    Probe probe =
        switch (quantityId) {
          case "meta-smoothness" -> MetaSmoothnessProbe.of(e);
          case "beta-threshold" -> BetaThresholdProbe.of(e);
          case "alpha-threshold" -> ConvergenceAlphaThresholdProbe.withBeta(e);
          case "path-sensitivity" -> PathSensitivityProbe.atStep();
          case "expansion-factor" -> PathSensitivityProbe.expansionFactor();
          case "expansion-factor-squared" -> PathSensitivityProbe.expansionFactorSquared();
          case "gradient-growth" -> new GradientGrowthProbe();
          case "product-deviation" -> new ProductDeviationProbe();
          case "meta-gradient-deviation" -> new MetaGradientDeviationProbe();
          case "stability-margin" -> new StabilityMarginProbe();
          case "task-gradient-norm" -> new TaskGradientNormProbe();
          case "taylor-remainder" -> new TaylorRemainderProbe();
          case "finite-difference-error" -> new FiniteDifferenceErrorProbe();
          case "imaml-error" -> new ImplicitGradientErrorProbe();
          case "implicit-jacobian" -> new ImplicitJacobianNormProbe();
          case "cg-iterations" -> new CgIterationsProbe();
          case "meta-gradient-calls" -> new MetaGradientCallsProbe();
          case "gradient-computations" -> new ImplicitGradientCostProbe();
          case "memory" -> e == Estimator.MAML ? MemoryProbe.maml() : MemoryProbe.imaml();
          default -> throw new AssertionError(quantityId);
        };
    return Optional.of(probe);
  }

  /** Every quantity id with an exact probe, with the estimators it is defined for. */
  public static Map<String, Set<Estimator>> supported() {
    Map<String, Set<Estimator>> m = new LinkedHashMap<>();
    m.put("meta-smoothness", ALL);
    m.put("beta-threshold", ALL);
    m.put("alpha-threshold", INNER_PATH);
    for (String q :
        new String[] {
          "path-sensitivity",
          "expansion-factor",
          "expansion-factor-squared",
          "gradient-growth",
          "product-deviation",
          "task-gradient-norm"
        }) {
      m.put(q, INNER_PATH);
    }
    m.put("meta-gradient-deviation", only(Estimator.MAML));
    m.put("stability-margin", only(Estimator.MAML));
    m.put("taylor-remainder", only(Estimator.MAML));
    m.put("finite-difference-error", only(Estimator.HFMAML));
    for (String q :
        new String[] {
          "imaml-error",
          "implicit-jacobian",
          "cg-iterations",
          "meta-gradient-calls",
          "gradient-computations"
        }) {
      m.put(q, only(Estimator.IMAML));
    }
    m.put("memory", Collections.unmodifiableSet(EnumSet.of(Estimator.IMAML, Estimator.MAML)));
    return Collections.unmodifiableMap(m);
  }

  private static Set<Estimator> only(Estimator e) {
    return Collections.unmodifiableSet(EnumSet.of(e));
  }
}
