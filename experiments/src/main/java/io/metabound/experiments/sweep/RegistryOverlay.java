package io.metabound.experiments.sweep;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.EvaluationException;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Relation;
import io.metabound.experiments.oracle.Estimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * The stepsize conditions of the bounds registry drawn over a heatmap: every registered bound on an
 * inner stepsize ({@code alpha-threshold}, {@code inner-stepsize}) or a meta stepsize ({@code
 * beta-threshold}, {@code meta-stepsize}) that applies to the swept estimator, evaluated at the
 * tasks' exact constants.
 *
 * <ul>
 *   <li>(α, β) maps: an α condition independent of α is the vertical line {@code α = f(L, N)}; a β
 *       condition is the curve {@code β = g(α; L, N)}, drawn where the bound's checkable
 *       assumptions hold (e.g. Fallah2020's {@code α ≤ 1/L});
 *   <li>(N, α) maps: an α condition is the curve {@code α = f(N; L)}.
 * </ul>
 *
 * A stepsize threshold ({@link Relation#STEPSIZE_THRESHOLD}) predicts where cells converge, so its
 * gap to the empirical boundary is reported; a stepsize choice ({@link Relation#DEFINITION}, e.g.
 * Fallah2020's {@code β = 1/(12(4L + 2ρα‖∇f‖))}) is drawn as a reference only.
 *
 * <p>A formula may use quantities the tasks do not fix (a task-gradient estimate, a free constant
 * such as Ji2022's {@code C_β}). Such a bound is drawn only when its value does not depend on them
 * here — e.g. {@code ρ = 0} on quadratics removes every gradient-norm term — which is tested by
 * evaluating with two different values; otherwise it is listed as not applicable with the symbol
 * that decides it. Takagi2019's per-eigenvalue conditions are drawn by {@link TakagiOverlay}.
 *
 * <p>Which estimator a paper result speaks of is recorded here: Ji2022 → N-step MAML;
 * Fallah2020 Lemma 4.9 and Theorem 4.12 → one-step MAML, Theorem 4.15 → one-step FO-MAML,
 * Theorem 4.17 → HF-MAML.
 */
public final class RegistryOverlay {

  /** The quantities whose bounds are stepsize conditions on α. */
  private static final Set<String> ALPHA_QUANTITIES = Set.of("alpha-threshold", "inner-stepsize");

  /** The quantities whose bounds are stepsize conditions on β. */
  private static final Set<String> BETA_QUANTITIES = Set.of("beta-threshold", "meta-stepsize");

  /** Symbols an overlay binds itself: the swept parameters. */
  private static final Set<String> SWEPT = Set.of("alpha", "N");

  /** Samples of a β(α) or α(N) curve across the window. */
  static final int SAMPLES = 400;

  /**
   * The registry overlays of one map.
   *
   * @param drawn the overlays that apply
   * @param notApplicable one line per registry stepsize condition that does not, saying why
   */
  public record Selection(List<BoundaryOverlay> drawn, List<String> notApplicable) {
    public Selection {
      drawn = List.copyOf(drawn);
      notApplicable = List.copyOf(notApplicable);
    }
  }

  private RegistryOverlay() {}

  /**
   * Loads the bounds registry (parsing every formula) ahead of use; {@link KernelWarmUp} calls it
   * on an idle core while a command reads its tasks.
   */
  public static void preload() {
    Conditions.ALL.size();
  }

  /** The registry's stepsize conditions, selected once (holder idiom: loaded on first use). */
  private static final class Conditions {
    static final List<Bound> ALL = select();
  }

  /**
   * The registry's stepsize conditions over an (α, β) map.
   *
   * @param estimator the swept estimator
   * @param innerSteps N
   * @param constants the tasks' exact constants ({@code L}, {@code mu}, {@code rho}, …)
   * @param window the plot window (α horizontally, β vertically)
   */
  public static Selection alphaBeta(
      Estimator estimator, int innerSteps, Map<String, Double> constants, PlotWindow window) {
    List<BoundaryOverlay> drawn = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Map<String, String> drawnFormulas = new TreeMap<>();
    for (Bound bound : stepsizeConditions()) {
      String reason = inapplicable(bound, estimator, innerSteps);
      if (reason == null && drawnFormulas.containsKey(lineKey(bound))) {
        reason = "the same line as " + drawnFormulas.get(lineKey(bound)) + ", drawn once";
      }
      if (reason != null) {
        skipped.add(bound.id() + ": " + reason);
        continue;
      }
      TreeMap<String, Double> base = new TreeMap<>(constants);
      base.put("N", (double) innerSteps);
      if (ALPHA_QUANTITIES.contains(bound.quantity())) {
        if (bound.symbols().contains("alpha")) {
          skipped.add(bound.id() + ": an α condition that depends on α has no line on this map");
          continue;
        }
        Evaluated at = evaluate(bound, base);
        if (at.reason != null) {
          skipped.add(bound.id() + ": " + at.reason);
        } else if (!(at.value > window.xMin() && at.value < window.xMax())) {
          skipped.add(bound.id() + ": α = " + at.value + " lies outside the plotted α range");
        } else {
          drawn.add(
              overlay(
                  bound,
                  List.of(Polyline.vertical(at.value, window.yMin(), window.yMax())),
                  null,
                  "α = " + String.format(Locale.ROOT, "%.4g", at.value)));
          drawnFormulas.put(lineKey(bound), bound.id());
        }
        continue;
      }
      double from = Math.max(window.xMin(), 0);
      double[] x = new double[SAMPLES + 1];
      double[] y = new double[SAMPLES + 1];
      String failure = null;
      for (int i = 0; i <= SAMPLES && failure == null; i++) {
        x[i] = from + (window.xMax() - from) * i / SAMPLES;
        Evaluated at = evaluateAt(bound, base, "alpha", x[i]);
        failure = at.reason;
        // outside the bound's hypotheses the curve is not drawn
        y[i] = at.inScope ? at.value : Double.NaN;
      }
      if (failure != null) {
        skipped.add(bound.id() + ": " + failure);
        continue;
      }
      List<Polyline> segments = SpectralOverlay.clipToWindow(x, y, window);
      if (segments.isEmpty()) {
        skipped.add(bound.id() + ": no point of the curve lies in the plotted window");
        continue;
      }
      // a β choice that does not depend on α here (ρ = 0) is labelled with its value
      boolean constant = true;
      for (double v : y) {
        constant &= Double.isNaN(v) || v == y[0];
      }
      String what =
          constant && !Double.isNaN(y[0])
              ? "β = " + String.format(Locale.ROOT, "%.4g", y[0])
              : "β = " + bound.formula().toPlain();
      drawn.add(overlay(bound, segments, predicted(bound, base, "alpha"), what));
      drawnFormulas.put(lineKey(bound), bound.id());
    }
    return new Selection(drawn, skipped);
  }

  /**
   * The registry's α conditions over an (N, α) map: step curves {@code α = f(N; L)}, constant on
   * each N column.
   *
   * @param estimator the swept estimator
   * @param constants the tasks' exact constants
   * @param window the plot window (N horizontally, α vertically)
   * @param dedicated bound ids drawn by a dedicated overlay (skipped here, with that reason)
   */
  public static Selection stepsAlpha(
      Estimator estimator, Map<String, Double> constants, PlotWindow window, Set<String> dedicated) {
    List<BoundaryOverlay> drawn = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Bound bound : stepsizeConditions()) {
      if (!ALPHA_QUANTITIES.contains(bound.quantity())) {
        continue; // β conditions need a β axis
      }
      if (dedicated.contains(bound.id())) {
        skipped.add(bound.id() + ": drawn by its dedicated overlay");
        continue;
      }
      String reason = inapplicable(bound, estimator, -1);
      if (reason == null && !bound.symbols().contains("N")) {
        reason = "one-step result: no N dependence to draw on an (N, α) map";
      }
      if (reason != null) {
        skipped.add(bound.id() + ": " + reason);
        continue;
      }
      // N is a whole number: the curve is a step, constant on each N column (as the map's cells)
      int firstN = (int) Math.max(1, Math.ceil(window.xMin()));
      int lastN = (int) Math.floor(window.xMax());
      if (lastN < firstN) {
        skipped.add(bound.id() + ": no whole N in the plotted range");
        continue;
      }
      double[] x = new double[2 * (lastN - firstN + 1)];
      double[] y = new double[x.length];
      String failure = null;
      for (int n = firstN; n <= lastN && failure == null; n++) {
        Evaluated at = evaluateAt(bound, constants, "N", n);
        failure = at.reason;
        int k = 2 * (n - firstN);
        x[k] = n - 0.5;
        x[k + 1] = n + 0.5;
        y[k] = at.inScope ? at.value : Double.NaN;
        y[k + 1] = y[k];
      }
      if (failure != null) {
        skipped.add(bound.id() + ": " + failure);
        continue;
      }

      drawn.add(
          overlay(
              bound,
              SpectralOverlay.clipToWindow(x, y, window),
              predicted(bound, constants, "N"),
              "α = " + bound.formula().toPlain()));
    }
    return new Selection(drawn, skipped);
  }

  /**
   * What makes two conditions the same line: the paper, quantity, relation and formula (e.g. Ji2022
   * Corollaries 6 and 10 both choose α = 1/(8NL)); a line is drawn once.
   */
  private static String lineKey(Bound bound) {
    return bound.reference().paper()
        + "|"
        + bound.quantity()
        + "|"
        + bound.relation()
        + "|"
        + bound.formula().toPlain();
  }

  /**
   * The threshold a stepsize condition predicts along the swept {@code symbol} (compared with the
   * empirical boundary); null for a stepsize choice, which predicts nothing.
   */
  private static DoubleUnaryOperator predicted(
      Bound bound, Map<String, Double> base, String symbol) {
    if (bound.relation() != Relation.STEPSIZE_THRESHOLD) {
      return null;
    }
    return v -> {
      Evaluated at = evaluateAt(bound, base, symbol, v);
      return at.inScope && at.reason == null ? at.value : Double.NaN;
    };
  }

  /** {@link #evaluate} with one swept symbol set on top of the fixed values. */
  private static Evaluated evaluateAt(
      Bound bound, Map<String, Double> base, String symbol, double value) {
    TreeMap<String, Double> values = new TreeMap<>(base);
    values.put(symbol, value);
    return evaluate(bound, values);
  }

  /** The registry's stepsize conditions other than Takagi2019's per-eigenvalue ones. */
  static List<Bound> stepsizeConditions() {
    return Conditions.ALL;
  }

  private static List<Bound> select() {
    List<Bound> out = new ArrayList<>();
    for (Bound bound : BoundRegistry.all()) {
      boolean stepsize =
          ALPHA_QUANTITIES.contains(bound.quantity()) || BETA_QUANTITIES.contains(bound.quantity());
      boolean condition =
          bound.relation() == Relation.STEPSIZE_THRESHOLD
              || bound.relation() == Relation.DEFINITION;
      if (stepsize && condition && !bound.symbols().contains("lambda_i")) {
        out.add(bound);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Why a bound does not speak of this estimator and N (null when it does).
   *
   * @param innerSteps N, or −1 when N varies along the map
   */
  static String inapplicable(Bound bound, Estimator estimator, int innerSteps) {
    String id = bound.id();
    if (id.startsWith("ji2022.")) {
      return estimator == Estimator.MAML
          ? null
          : "a result on N-step MAML, not " + estimator.displayName();
    }
    Estimator speaksOf;
    if (id.startsWith("fallah2020.lemma4.9.") || id.startsWith("fallah2020.thm4.12.")) {
      speaksOf = Estimator.MAML;
    } else if (id.startsWith("fallah2020.thm4.15.")) {
      speaksOf = Estimator.FOMAML;
    } else if (id.startsWith("fallah2020.thm4.17.")) {
      speaksOf = Estimator.HFMAML;
    } else {
      return "no estimator is recorded for this result";
    }
    if (speaksOf != estimator) {
      return "a result on " + speaksOf.displayName() + ", not " + estimator.displayName();
    }
    if (speaksOf != Estimator.HFMAML && innerSteps != 1) {
      return "a one-step result (N = 1)"
          + (innerSteps > 1 ? ", the map has N = " + innerSteps : ", N varies along the map");
    }
    return null;
  }

  /** A formula value with its scope, or the reason it cannot be evaluated from the tasks. */
  private record Evaluated(double value, boolean inScope, String reason) {}

  /**
   * Evaluates a bound where the swept parameters and the tasks' constants are bound. Symbols they
   * do not fix are bound to 1 and then 2: equal values mean the formula does not depend on them
   * here; different values (or a domain error) make the bound inapplicable, naming the symbols.
   * Checkable assumptions over bound symbols decide the scope.
   */
  private static Evaluated evaluate(Bound bound, Map<String, Double> values) {
    Set<String> free = new TreeSet<>(bound.allSymbols());
    free.removeAll(values.keySet());
    free.removeAll(SWEPT);
    Bindings bound1 = Bindings.of(with(values, free, 1.0));
    double first;
    double second;
    try {
      first = bound.evaluate(bound1);
      second = bound.evaluate(Bindings.of(with(values, free, 2.0)));
    } catch (EvaluationException e) {
      return new Evaluated(Double.NaN, false, "cannot be evaluated here: " + e.getMessage());
    }
    Set<String> formulaFree = new TreeSet<>(bound.symbols());
    formulaFree.removeAll(values.keySet());
    if (Double.compare(first, second) != 0 || Double.isNaN(first)) {
      return new Evaluated(
          Double.NaN,
          false,
          "depends on " + String.join(", ", formulaFree) + ", which the tasks do not fix");
    }
    boolean inScope = true;
    for (Assumption a : bound.assumptions()) {
      if (!a.isCheckable() || !values.keySet().containsAll(a.symbols())) {
        continue; // descriptive, or about a quantity the map does not fix
      }
      try {
        inScope &= a.holds(bound1);
      } catch (EvaluationException e) {
        inScope = false;
      }
    }
    return new Evaluated(first, inScope, null);
  }

  private static Map<String, Double> with(Map<String, Double> values, Set<String> free, double v) {
    TreeMap<String, Double> all = new TreeMap<>(values);
    for (String symbol : free) {
      all.put(symbol, v);
    }
    return all;
  }

  private static BoundaryOverlay overlay(
      Bound bound, List<Polyline> segments, DoubleUnaryOperator predicted, String what) {
    String kind =
        bound.relation() == Relation.STEPSIZE_THRESHOLD
            ? "stepsize condition of a theorem (sufficient, not a stability boundary)"
            : "stepsize choice of a theorem (a reference line)";
    String provenance =
        bound.reference().label()
            + ", "
            + bound.provenance().tag()
            + (bound.provenance().isVerbatim() ? " verbatim" : " reconstructed")
            + "; MetaBound registry "
            + bound.id();
    return new BoundaryOverlay(
        bound.id(),
        bound.reference().paper() + " " + bound.reference().result() + ": " + what,
        provenance,
        segments,
        predicted,
        kind + "; evaluated at the tasks' exact constants");
  }
}
