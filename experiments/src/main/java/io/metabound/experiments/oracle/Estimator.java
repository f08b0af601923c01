package io.metabound.experiments.oracle;

import java.util.Locale;

/**
 * The deterministic meta-gradient estimators whose exact update map {@link EstimatorMaps} builds.
 */
public enum Estimator {
  /** Exact N-step MAML (Ji2022 eq. (3)/(10)). */
  MAML("MAML"),
  /** First-order MAML with N inner steps (Fallah2020 eq. (8), exact gradients). */
  FOMAML("FO-MAML"),
  /** Hessian-free MAML, one inner step, central differences with δ (Fallah2020 eqs. (10)–(11)). */
  HFMAML("HF-MAML"),
  /** iMAML with the exact inner solution and exact implicit gradient (Rajeswaran2019). */
  IMAML("iMAML"),
  /**
   * MAML back-propagated through K GD steps on iMAML's proximal problem (Rajeswaran2019 App. A).
   */
  MAML_PROX("MAML-prox");

  private final String displayName;

  Estimator(String displayName) {
    this.displayName = displayName;
  }

  /** The name used in papers and reports ({@code FO-MAML}, …). */
  public String displayName() {
    return displayName;
  }

  /**
   * Parses a CLI name, ignoring case, {@code -} and {@code _}: {@code maml}, {@code fomaml}, {@code
   * fo-maml}, {@code hf-maml}, {@code imaml}, {@code maml-prox}.
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
        "unknown estimator '" + name + "'; expected maml, fomaml, hfmaml, imaml or maml-prox");
  }
}
