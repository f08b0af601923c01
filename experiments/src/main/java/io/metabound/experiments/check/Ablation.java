package io.metabound.experiments.check;

/**
 * The ablation control of a check: which terms of the bound are supposed to matter, named by the
 * symbol that multiplies them.
 *
 * <p>A whole-bound {@link NegativeControl} shows that a check can fail, but not that every part of
 * the bound is needed: if the bound with {@code rho = 0} substituted into its formula (so its
 * {@code ρ}-terms vanish) still holds on every instance the search found, those terms were never
 * exercised, and a wrong constant inside them would go unnoticed. The ablation control substitutes
 * {@code symbol = 0} into the formula only; the instance's true value of the symbol still decides
 * the hypotheses and the measured side. Its outcome is information ({@link AblationResult}), never
 * a failure: it says whether the domain reaches the regime the terms are for.
 *
 * @param symbol the symbol set to 0 in the formula, e.g. {@code rho}
 * @param terms what that removes, for the report, e.g. {@code ρ-terms (C_L E‖∇l_i(w)‖)}
 */
public record Ablation(String symbol, String terms) {

  public Ablation {
    if (symbol == null || symbol.isBlank() || terms == null || terms.isBlank()) {
      throw new IllegalArgumentException(
          "an ablation needs a symbol and a description of its terms");
    }
  }

  /** The ρ-terms: everything the Hessian-Lipschitz constant multiplies. */
  public static Ablation rho(String terms) {
    return new Ablation("rho", terms);
  }
}
