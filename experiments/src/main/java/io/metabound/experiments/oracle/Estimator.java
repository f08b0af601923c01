package io.metabound.experiments.oracle;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The deterministic meta-gradient estimators whose exact update map {@link EstimatorMaps} builds.
 *
 * <p>Each estimator reads a fixed set of claim-level parameters ({@link #parameters()}); a claim
 * that declares a parameter none of its estimators reads can be rejected from this data. Defaults
 * ({@link #parameterDefault}): {@code N = 1} (the one-step estimators of Fallah2020 and Finn et
 * al.), {@code delta = }{@link EstimatorParameters#DEFAULT_DELTA}; every other parameter ({@code
 * alpha}, {@code lambda}, {@code K}, {@code eta}) must be given.
 */
public enum Estimator {
  /** Exact N-step MAML (Ji2022 eq. (3)/(10)). */
  MAML("MAML", "maml", List.of(Parameters.ALPHA, Parameters.STEPS)),
  /** First-order MAML with N inner steps (Fallah2020 eq. (8), exact gradients). */
  FOMAML("FO-MAML", "fomaml", List.of(Parameters.ALPHA, Parameters.STEPS)),
  /**
   * Hessian-free MAML, N inner steps, every Hessian-vector product of the MAML gradient replaced by
   * a central difference with δ (Fallah2020 eqs. (10)–(11) for N = 1).
   */
  HFMAML("HF-MAML", "hfmaml", List.of(Parameters.ALPHA, Parameters.STEPS, Parameters.DELTA)),
  /** iMAML with the exact inner solution and exact implicit gradient (Rajeswaran2019). */
  IMAML("iMAML", "imaml", List.of(Parameters.LAMBDA)),
  /**
   * MAML back-propagated through K GD steps on iMAML's proximal problem (Rajeswaran2019 App. A).
   */
  MAML_PROX(
      "MAML-prox",
      "maml-prox",
      List.of(Parameters.LAMBDA, Parameters.PROX_STEPS, Parameters.PROX_RATE)),
  /**
   * Reptile (Nichol et al. 2018): N GD steps of rate α on each task's inner loss from {@code w},
   * direction {@code w − u_N}, averaged over the tasks; it has no objective.
   */
  REPTILE("Reptile", "reptile", List.of(Parameters.ALPHA, Parameters.STEPS)),
  /**
   * The Moreau-envelope meta-objective {@code Σ p_i min_u f_i(u) + λ/2‖u − w‖²} (inner losses),
   * direction its gradient {@code Σ p_i λ(w − u_i*)}; needs {@code λ + λ_min(H_i) > 0}.
   */
  MOREAU("Moreau envelope", "moreau", List.of(Parameters.LAMBDA));

  /** The claim-level parameter names the estimators read. */
  public static final class Parameters {
    /** Inner step size α. */
    public static final String ALPHA = "alpha";

    /** Inner GD steps N (whole, ≥ 0; default 1). */
    public static final String STEPS = "N";

    /** HF-MAML's finite-difference step δ (default {@link EstimatorParameters#DEFAULT_DELTA}). */
    public static final String DELTA = "delta";

    /** Proximal regulariser λ (iMAML, MAML-prox, Moreau). */
    public static final String LAMBDA = "lambda";

    /** MAML-prox's GD steps K on the proximal problem (whole, ≥ 0). */
    public static final String PROX_STEPS = "K";

    /** MAML-prox's step size η of those steps (> 0). */
    public static final String PROX_RATE = "eta";

    private Parameters() {}
  }

  private final String displayName;
  private final String claimName;
  private final List<String> parameters;

  Estimator(String displayName, String claimName, List<String> parameters) {
    this.displayName = displayName;
    this.claimName = claimName;
    this.parameters = parameters;
  }

  /** The name used in papers and reports ({@code FO-MAML}, …). */
  public String displayName() {
    return displayName;
  }

  /** The name claims and measures write ({@code maml}, {@code fomaml}, {@code maml-prox}, …). */
  public String claimName() {
    return claimName;
  }

  /** The claim-level parameters this estimator reads ({@code alpha}, {@code N}, …), in order. */
  public List<String> parameters() {
    return parameters;
  }

  /**
   * The value a parameter takes when a claim does not declare it: {@code N = 1}, {@code delta =
   * 1e-3}; empty for a parameter that must be declared.
   */
  public static OptionalDouble parameterDefault(String parameter) {
    return switch (parameter) {
      case Parameters.STEPS -> OptionalDouble.of(1);
      case Parameters.DELTA -> OptionalDouble.of(EstimatorParameters.DEFAULT_DELTA);
      default -> OptionalDouble.empty();
    };
  }

  /** True for the parameters that take whole numbers ({@code N}, {@code K}). */
  public static boolean isWholeNumberParameter(String parameter) {
    return parameter.equals(Parameters.STEPS) || parameter.equals(Parameters.PROX_STEPS);
  }

  /**
   * Parses a CLI name, ignoring case, {@code -} and {@code _}: {@code maml}, {@code fomaml}, {@code
   * fo-maml}, {@code hf-maml}, {@code imaml}, {@code maml-prox}, {@code reptile}, {@code moreau}.
   *
   * @throws IllegalArgumentException listing the accepted names
   */
  public static Estimator parse(String name) {
    String key = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    for (Estimator e : values()) {
      if (e.name().toLowerCase(Locale.ROOT).replace("_", "").equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown estimator '"
            + name
            + "'; expected maml, fomaml, hfmaml, imaml, maml-prox, reptile or moreau");
  }
}
