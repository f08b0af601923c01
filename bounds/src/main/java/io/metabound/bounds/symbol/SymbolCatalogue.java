package io.metabound.bounds.symbol;

import static io.metabound.bounds.symbol.Domain.NONNEGATIVE;
import static io.metabound.bounds.symbol.Domain.NONNEGATIVE_INTEGER;
import static io.metabound.bounds.symbol.Domain.POSITIVE;
import static io.metabound.bounds.symbol.Domain.POSITIVE_INTEGER;
import static io.metabound.bounds.symbol.Domain.REAL;

import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.SymbolRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The symbols the bounds are written in, with their LaTeX form, meaning and domain.
 *
 * <p>Sources: Fallah, Mokhtari and Ozdaglar (2020), "On the convergence theory of gradient-based
 * model-agnostic meta-learning algorithms" (Assumptions 4.2–4.7, batches {@code D_in, D_o, D_h,
 * D_test, D_beta, B'}); Ji, Yang and Liang (2022), "Theoretical convergence of multi-step
 * model-agnostic meta-learning" (Assumptions 1–5, batches {@code S, T, D, B, B'_k, D_{L_k}});
 * Rajeswaran et al. (2019), iMAML ({@code lambda, delta, delta', B, D, kappa}); Takagi et al.
 * (2019) on the Hessian eigenvalues {@code lambda_i}. See {@code docs/THEOREMS.md}.
 *
 * <p>To add a symbol, append one {@code entry(...)} to {@link #ENTRIES}. Names must be unique
 * expression identifiers that are not function names; both are checked when the class loads.
 */
public final class SymbolCatalogue {

  // One line per symbol: name, LaTeX, meaning, domain.
  private static final List<Symbol> ENTRIES =
      List.of(
          entry("L", "L", "gradient Lipschitz constant (max over tasks)", POSITIVE),
          entry("rho", "\\rho", "Hessian Lipschitz constant (max over tasks)", NONNEGATIVE),
          entry("mu", "\\mu", "strong convexity constant", POSITIVE),
          entry(
              "sigma",
              "\\sigma",
              "task-gradient spread (Ji2022 Ass. 2 / Fallah2020 Ass. 4.5)",
              NONNEGATIVE),
          entry(
              "sigma_g",
              "\\sigma_g",
              "per-sample gradient noise (Ji2022 Ass. 3; Fallah2020's \\tilde\\sigma)",
              NONNEGATIVE),
          entry(
              "sigma_H",
              "\\sigma_H",
              "per-sample Hessian noise (Ji2022 Ass. 3; Fallah2020 Ass. 4.6)",
              NONNEGATIVE),
          entry("alpha", "\\alpha", "inner (adaptation) stepsize", NONNEGATIVE),
          entry("beta", "\\beta", "meta (outer) stepsize", POSITIVE),
          entry("N", "N", "number of inner gradient steps", POSITIVE_INTEGER),
          entry("j", "j", "inner step index", NONNEGATIVE_INTEGER),
          entry("lambda", "\\lambda", "iMAML proximal regulariser", POSITIVE),
          entry("lambda_i", "\\lambda_i", "Hessian eigenvalue (Takagi2019)", REAL),
          entry("kappa", "\\kappa", "condition number", POSITIVE),
          entry(
              "delta",
              "\\delta",
              "inner-solve accuracy (iMAML) / finite-difference step (HF-MAML)",
              POSITIVE),
          entry("delta_prime", "\\delta'", "conjugate-gradient accuracy (iMAML)", POSITIVE),
          entry("epsilon", "\\epsilon", "target accuracy", POSITIVE),
          entry("Delta", "\\Delta", "initial suboptimality", NONNEGATIVE),
          entry("K", "K", "number of meta iterations", POSITIVE_INTEGER),
          entry("S", "S", "inner gradient batch size (Ji2022)", POSITIVE_INTEGER),
          entry("B", "B", "task batch size", POSITIVE_INTEGER),
          entry("D", "D", "Hessian batch size (Ji2022)", POSITIVE_INTEGER),
          entry("T", "T", "outer (query) gradient batch size (Ji2022)", POSITIVE_INTEGER),
          entry(
              "D_in",
              "D_{\\mathrm{in}}",
              "inner-step gradient batch size (Fallah2020 D^i_in)",
              POSITIVE_INTEGER),
          entry("D_o", "D_{o}", "outer gradient batch size (Fallah2020 D^i_o)", POSITIVE_INTEGER),
          entry("D_h", "D_{h}", "Hessian batch size (Fallah2020 D^i_h)", POSITIVE_INTEGER),
          entry(
              "D_test",
              "D_{\\mathrm{test}}",
              "test-time sample batch size (Fallah2020 Thm 4.11)",
              POSITIVE_INTEGER),
          entry(
              "D_beta",
              "D_{\\beta}",
              "per-task sample batch of the stepsize estimate (Fallah2020 (16))",
              POSITIVE_INTEGER),
          entry(
              "B_prime",
              "B'",
              "task batch of the stepsize estimate (Fallah2020 (16); Ji2022 B'_k)",
              POSITIVE_INTEGER),
          entry(
              "D_L",
              "D_{L}",
              "per-task sample batch of the stepsize estimate (Ji2022 D_{L_k})",
              POSITIVE_INTEGER),
          entry("C_beta", "C_\\beta", "meta stepsize constant (Ji2022 (14))", POSITIVE),
          entry("b", "b", "mean support/query gradient gap E_i b_i (Ji2022 Ass. 5)", NONNEGATIVE),
          entry(
              "b_sq",
              "\\overline{b^2}",
              "mean squared support/query gradient gap E_i b_i^2 (Ji2022 Ass. 5)",
              NONNEGATIVE),
          entry(
              "grad_task_mean",
              "\\mathbb{E}_i\\|\\nabla l_i(w)\\|",
              "mean task-gradient norm at w",
              NONNEGATIVE),
          entry(
              "grad_meta", "\\|\\nabla\\mathcal{L}(w)\\|", "meta-gradient norm at w", NONNEGATIVE),
          entry("M", "M", "number of tasks", POSITIVE_INTEGER),
          entry(
              "B_lip",
              "B",
              "Lipschitz constant of the iMAML outer loss (Rajeswaran2019)",
              NONNEGATIVE),
          entry(
              "D_sol",
              "D",
              "iMAML bound on the norm of the inner solution Alg* (Rajeswaran2019)",
              POSITIVE),
          entry("L_F", "L_F", "smoothness constant of the meta-objective", POSITIVE),
          entry("phi", "\\phi", "free parameter of Fallah2020 (21)", POSITIVE),
          entry(
              "grad_task_est",
              "\\hat{g}",
              "B'-average of sampled task-gradient norms estimating grad_task_mean (Ji2022"
                  + " (14)/(22), Fallah2020 (16))",
              NONNEGATIVE),
          entry(
              "grad_query",
              "\\|\\nabla l_{T_i}(w)\\|",
              "query-loss gradient norm of one task (Ji2022 finite sum)",
              NONNEGATIVE),
          entry(
              "grad_support",
              "\\|\\nabla l_{S_i}(w)\\|",
              "support-loss gradient norm of one task (Ji2022 finite sum)",
              NONNEGATIVE),
          entry(
              "grad_adapted",
              "\\|\\nabla f_i(w - \\alpha\\nabla f_i(w))\\|",
              "task gradient norm at the exactly adapted point (Fallah2020 (21))",
              NONNEGATIVE),
          entry(
              "v_norm",
              "\\|v\\|",
              "norm of the vector of a finite-difference Hessian-vector product (Fallah2020 (9),"
                  + " (11))",
              NONNEGATIVE),
          entry("c", "c", "generic constant", REAL),
          entry("x", "x", "free variable", REAL));

  private static final Map<String, Symbol> BY_NAME = index(ENTRIES);

  private SymbolCatalogue() {}

  private static Symbol entry(String name, String latex, String meaning, Domain domain) {
    return new Symbol(name, latex, meaning, domain);
  }

  private static Map<String, Symbol> index(List<Symbol> entries) {
    Map<String, Symbol> byName = new LinkedHashMap<>();
    for (Symbol symbol : entries) {
      try {
        new SymbolRef(symbol.name()); // validates the name as the parser would read it
      } catch (IllegalArgumentException badName) {
        throw new IllegalStateException("symbol catalogue: " + badName.getMessage(), badName);
      }
      if (byName.put(symbol.name(), symbol) != null) {
        throw new IllegalStateException("symbol catalogue lists '" + symbol.name() + "' twice");
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /**
   * The catalogued symbol with this name.
   *
   * @param name the plain name, e.g. {@code sigma_g}
   * @return the symbol, or empty when the name is not catalogued
   */
  public static Optional<Symbol> lookup(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The catalogued symbol with this name.
   *
   * @param name the plain name
   * @return the symbol
   * @throws IllegalArgumentException naming the symbol when it is not catalogued
   */
  public static Symbol require(String name) {
    Symbol symbol = BY_NAME.get(name);
    if (symbol == null) {
      throw new IllegalArgumentException("unknown symbol '" + name + "' (not in the catalogue)");
    }
    return symbol;
  }

  /**
   * Every catalogued symbol, in catalogue order.
   *
   * @return an unmodifiable list
   */
  public static List<Symbol> all() {
    return ENTRIES;
  }

  /**
   * The symbols of an expression that are not catalogued, sorted by name.
   *
   * @param expression the expression to inspect
   * @return an unmodifiable, sorted list; empty when every symbol is catalogued
   */
  public static List<String> unknownSymbols(Expression expression) {
    Objects.requireNonNull(expression, "expression");
    List<String> unknown = new ArrayList<>();
    for (String name : expression.symbols()) {
      if (!BY_NAME.containsKey(name)) {
        unknown.add(name);
      }
    }
    return List.copyOf(unknown);
  }
}
