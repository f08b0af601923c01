package io.metabound.reports.report;

import io.metabound.bounds.registry.Quantity;
import java.util.EnumMap;
import java.util.Map;

/**
 * The mathematical symbol of every {@link Quantity}, for the left-hand side of a statement in the
 * LaTeX export: {@code meta-smoothness} reads {@code L_{\mathcal{L}}} rather than {@code
 * \text{meta-smoothness}}. The notation follows the papers (Ji, Yang and Liang: meta-objective
 * {@code \mathcal{L}}, task losses {@code l_i}, inner GD path {@code \widetilde{w}_j}, estimator
 * {@code \widehat{G}_i}; Fallah et al.: MAML objective {@code F}; Rajeswaran et al.: inner solution
 * {@code \mathcal{A}^{\star}_i}). Each symbol is math-mode content needing only amsmath and
 * amssymb, defining no macros.
 */
final class QuantitySymbols {

  private static final Map<Quantity, String> SYMBOLS = symbols();

  private QuantitySymbols() {}

  /**
   * @param quantityId a {@link Quantity} id, e.g. {@code meta-smoothness}
   * @return its symbol in math-mode LaTeX
   * @throws IllegalArgumentException for an unknown id
   */
  static String latex(String quantityId) {
    return latex(Quantity.require(quantityId));
  }

  /**
   * @param quantity a quantity
   * @return its symbol in math-mode LaTeX
   * @throws IllegalStateException when the quantity has no symbol (a programming error caught by
   *     the tests)
   */
  static String latex(Quantity quantity) {
    String symbol = SYMBOLS.get(quantity);
    if (symbol == null) {
      throw new IllegalStateException("quantity " + quantity.id() + " has no LaTeX symbol");
    }
    return symbol;
  }

  private static Map<Quantity, String> symbols() {
    Map<Quantity, String> m = new EnumMap<>(Quantity.class);
    m.put(Quantity.META_SMOOTHNESS, "L_{\\mathcal{L}}");
    m.put(Quantity.SMOOTHNESS_COEFFICIENT, "C_{\\mathcal{L}}");
    m.put(Quantity.PATH_SENSITIVITY, "\\frac{\\|\\widetilde{w}_j - \\widetilde{u}_j\\|}{\\|w - u\\|}");
    m.put(Quantity.PATH_DEVIATION, "\\mathbb{E}\\|w_j - \\widetilde{w}_j\\|");
    m.put(Quantity.PATH_DEVIATION_SECOND_MOMENT, "\\mathbb{E}\\|w_j - \\widetilde{w}_j\\|^2");
    m.put(Quantity.GRADIENT_GROWTH, "\\frac{\\|\\nabla l_i(\\widetilde{w}_j)\\|}{\\|\\nabla l_i(w)\\|}");
    m.put(Quantity.PRODUCT_DEVIATION, "\\Bigl\\|\\prod_j (I - A_j) - I\\Bigr\\|");
    m.put(Quantity.META_GRADIENT_DEVIATION, "\\|\\nabla\\mathcal{L}_i(w) - \\nabla l_i(w)\\|");
    m.put(Quantity.TASK_GRADIENT_NORM, "\\mathbb{E}_i\\|\\nabla l_i(w)\\|");
    m.put(Quantity.ESTIMATOR_BIAS, "\\|\\mathbb{E}[\\widehat{G}_i(w)] - \\nabla\\mathcal{L}(w)\\|");
    m.put(Quantity.ESTIMATOR_SECOND_MOMENT, "\\mathbb{E}\\|\\widehat{G}_i(w)\\|^2");
    m.put(Quantity.STEPSIZE_MEAN, "\\mathbb{E}[\\beta_k \\mid w_k]");
    m.put(Quantity.STEPSIZE_SECOND_MOMENT, "\\mathbb{E}[\\beta_k^2 \\mid w_k]");
    m.put(Quantity.META_STEPSIZE, "\\beta_k");
    m.put(Quantity.INNER_STEPSIZE, "\\alpha^{\\star}");
    m.put(Quantity.EXPANSION_FACTOR, "(1 + \\alpha L)^{N}");
    m.put(Quantity.EXPANSION_FACTOR_SQUARED, "(1 + \\alpha L)^{2N}");
    m.put(Quantity.STABILITY_MARGIN, "\\gamma");
    m.put(Quantity.STATIONARITY, "\\mathbb{E}\\|\\nabla\\mathcal{L}(w_{\\zeta})\\|");
    m.put(Quantity.STATIONARITY_FLOOR, "\\epsilon_{\\infty}");
    m.put(Quantity.BETA_THRESHOLD, "\\beta_{\\max}");
    m.put(Quantity.ALPHA_THRESHOLD, "\\alpha_{\\max}");
    m.put(Quantity.CONVERGENCE_RATE, "r_k");
    m.put(Quantity.ITERATIONS_TO_EPSILON, "K_{\\epsilon}");
    m.put(Quantity.META_GRADIENT_CALLS, "n_{G}");
    m.put(Quantity.IMAML_ERROR, "\\|g_i - d_{\\theta}\\mathcal{L}_i(\\mathcal{A}^{\\star}_i(\\theta))\\|");
    m.put(Quantity.IMPLICIT_JACOBIAN, "\\frac{d\\mathcal{A}^{\\star}_i}{d\\theta}");
    m.put(Quantity.GRADIENT_COMPUTATIONS, "n_{\\nabla}");
    m.put(Quantity.GRADIENT_COMPUTATIONS_PER_ITERATION, "n_{\\nabla,k}");
    m.put(Quantity.HESSIAN_COMPUTATIONS_PER_ITERATION, "n_{\\nabla^2,k}");
    m.put(Quantity.CG_ITERATIONS, "n_{\\mathrm{CG}}");
    m.put(Quantity.MEMORY, "\\mathrm{Mem}");
    m.put(Quantity.SOLVER_ACCURACY, "\\delta_{\\mathrm{sol}}");
    m.put(Quantity.BATCH_SIZE, "|\\mathcal{B}|");
    m.put(Quantity.FINITE_DIFFERENCE_ERROR, "\\|\\widehat{H}_{\\delta} v - \\nabla^2 f(w) v\\|");
    m.put(Quantity.FINITE_DIFFERENCE_STEP, "\\delta_{\\mathrm{FD}}");
    m.put(Quantity.SURROGATE_GAP, "\\|\\nabla\\widehat{F}(w) - \\nabla F(w)\\|");
    m.put(Quantity.SURROGATE_HESSIAN_EIGENVALUE, "\\lambda(\\nabla^2 \\widetilde{\\mathcal{L}})");
    m.put(Quantity.TAYLOR_REMAINDER,
        "\\frac{|F(u) - F(w) - \\nabla F(w)^{\\top}(u - w)|}{\\|u - w\\|^2}");
    return m;
  }
}
