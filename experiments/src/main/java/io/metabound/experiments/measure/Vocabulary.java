package io.metabound.experiments.measure;

import io.metabound.experiments.measure.VocabularyEntry.Example;
import io.metabound.experiments.measure.VocabularyEntry.Kind;
import io.metabound.experiments.oracle.Estimator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every name of the measure language, as data: primitives, linear algebra, scalar functions,
 * searches, estimators (with the parameters they read and their defaults) and instance symbols,
 * each with one example claim and the verdict it must get.
 *
 * <p>An example's bound is in the bounds language (numbers, constants, parameters, sqrt, exp, log,
 * min, max), so a measure function appears only on the measured side; no example divides by a
 * quantity that vanishes at a round-number instance (w = 0, c = 0, H = 0), where a search would
 * meet 0/0; a bound's {@code mu} and {@code L} must be positive (the catalogue's domains), so
 * non-convex examples keep {@code mu} on the measured side. The examples are true to the
 * mathematics; the comment above each derives its verdict. Unless stated otherwise the tasks are
 * the resampling case ({@code G_i = H_i}, {@code e_i = c_i}), the centres have coordinates in
 * {@code [−1, 1]} (so {@code ‖c_i‖ ≤ √d}), {@code J = (I − αH)^N}, and "eigenvalue" means one of
 * {@code H_i} for MAML-type maps, which act on each eigenvector of {@code H_i} as a scalar function
 * of its eigenvalue h. Two facts recur: for {@code P_i ⪰ 0}, {@code λ_max(Σ p_i P_i) ≤ max_i
 * λ_max(P_i)} and {@code λ_min(Σ p_i P_i) ≥ min_i λ_min(P_i)}; and {@code ‖Σ p_i X_i‖ ≤ max_i
 * ‖X_i‖}.
 */
public final class Vocabulary {

  private static final String CONVEX =
      "{type: quadratic, dim: [1, 4], tasks: [1, 3], spectrum: [0.1, 10]}";
  private static final String NONCONVEX =
      "{type: quadratic, dim: [1, 4], tasks: [1, 3], spectrum: [-1, 1]}";
  private static final String ONE_TASK =
      "{type: quadratic, dim: [1, 4], tasks: 1, spectrum: [0.1, 10]}";
  private static final String SEPARATE =
      "{type: quadratic, dim: [1, 4], tasks: [1, 3], spectrum: [0.1, 10], outer: separate}";
  private static final String SEVERAL =
      "{type: quadratic, dim: [2, 4], tasks: [2, 3], spectrum: [0.1, 10]}";

  private static final String MAML_PARAMS = "{alpha: [0.01, \"1/L\"], N: [1, 4]}";
  private static final String MAML_STABLE = "{alpha: [0.01, \"0.9/L\"], N: [1, 4]}";
  private static final String ONE_STEP = "{alpha: [0.01, \"1/L\"], N: 1}";
  private static final String LAMBDA = "{lambda: [0.1, 10]}";
  private static final String NONE = "{}";

  private static final List<VocabularyEntry> ENTRIES = build();

  private Vocabulary() {}

  /**
   * Every entry, primitives first, then linear algebra, scalar functions, searches, estimators,
   * symbols.
   */
  public static List<VocabularyEntry> entries() {
    return ENTRIES;
  }

  /** The entry of a function or primitive name ({@code meta_hessian}, {@code eigmin}, …). */
  public static Optional<VocabularyEntry> function(String name) {
    return find(name, Kind.PRIMITIVE, Kind.FUNCTION, Kind.SCALAR_FUNCTION, Kind.SEARCH);
  }

  /** The entry of an instance symbol ({@code L}, {@code w}, {@code identity}, …). */
  public static Optional<VocabularyEntry> symbol(String name) {
    return find(name, Kind.INSTANCE_SYMBOL);
  }

  /** The estimator a measure names ({@code maml}, …, {@code maml-prox}, {@code moreau}). */
  public static Optional<Estimator> estimator(String name) {
    for (Estimator e : Estimator.values()) {
      if (e.claimName().equals(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The scalar constants of an instance: L, mu, kappa, rho, d, m, sigma. */
  public static Set<String> instanceConstants() {
    Set<String> names = new LinkedHashSet<>();
    for (VocabularyEntry e : ENTRIES) {
      if (e.kind() == Kind.INSTANCE_SYMBOL && e.type() == MeasureType.SCALAR) {
        names.add(e.name());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  /** The names of the entries of the given kinds, in table order. */
  public static List<String> names(Kind... kinds) {
    List<String> names = new ArrayList<>();
    for (VocabularyEntry e : ENTRIES) {
      for (Kind k : kinds) {
        if (e.kind() == k) {
          names.add(e.name());
        }
      }
    }
    return names;
  }

  private static Optional<VocabularyEntry> find(String name, Kind... kinds) {
    for (VocabularyEntry e : ENTRIES) {
      for (Kind k : kinds) {
        if (e.kind() == k && e.name().equals(name)) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- builders

  /** {@code "measure <= bound"} or {@code "measure >= bound"} that must hold on the family. */
  private static Example holds(String claim, String family, String params) {
    return example(claim, family, params, 0, "HOLDS");
  }

  /** As {@link #holds}, the claim declaring a point {@code w ∈ [−1, 1]^d}. */
  private static Example holdsAtPoint(String claim, String family, String params) {
    return example(claim, family, params, 1, "HOLDS");
  }

  /** A claim that some instance of the family violates. */
  private static Example violated(String claim, String family, String params) {
    return example(claim, family, params, 0, "VIOLATED");
  }

  private static Example example(
      String claim, String family, String params, double point, String verdict) {
    String relation = claim.contains(" <= ") ? "<=" : ">=";
    int at = claim.indexOf(" " + relation + " ");
    return new Example(
        claim.substring(0, at), relation, claim.substring(at + 4), family, params, point, verdict);
  }

  /**
   * A function from its signature, {@code name(kind, …) -> type} with the kinds' {@link
   * ArgumentKind#label() labels} and {@code , ...} for a repeated last argument.
   */
  private static VocabularyEntry call(
      Kind kind, String signature, String meaning, Example example) {
    int open = signature.indexOf('(');
    int close = signature.indexOf(')');
    String[] labels = signature.substring(open + 1, close).split(", ");
    boolean variadic = labels[labels.length - 1].equals("...");
    List<ArgumentKind> arguments = new ArrayList<>();
    for (String label : labels) {
      for (ArgumentKind k : ArgumentKind.values()) {
        if (k.label().equals(label)) {
          arguments.add(k);
        }
      }
    }
    MeasureType type = MeasureType.valueOf(signature.substring(close + 5).toUpperCase(Locale.ROOT));
    return new VocabularyEntry(
        signature.substring(0, open),
        kind,
        arguments,
        variadic,
        type,
        meaning,
        List.of(),
        Map.of(),
        example);
  }

  /** An instance symbol from {@code name: type}. */
  private static VocabularyEntry symbol(String signature, String meaning, Example example) {
    int colon = signature.indexOf(": ");
    MeasureType type = MeasureType.valueOf(signature.substring(colon + 2).toUpperCase(Locale.ROOT));
    return new VocabularyEntry(
        signature.substring(0, colon),
        Kind.INSTANCE_SYMBOL,
        List.of(),
        false,
        type,
        meaning,
        List.of(),
        Map.of(),
        example);
  }

  private static VocabularyEntry estimator(Estimator e, String meaning, Example example) {
    Map<String, Double> defaults = new LinkedHashMap<>();
    for (String p : e.parameters()) {
      Estimator.parameterDefault(p).ifPresent(v -> defaults.put(p, v));
    }
    return new VocabularyEntry(
        e.claimName(),
        Kind.ESTIMATOR,
        List.of(),
        false,
        null,
        meaning,
        e.parameters(),
        defaults,
        example);
  }

  // ---------------------------------------------------------------- the table

  private static List<VocabularyEntry> build() {
    List<VocabularyEntry> t = new ArrayList<>();
    Kind primitive = Kind.PRIMITIVE;
    Kind function = Kind.FUNCTION;
    Kind scalar = Kind.SCALAR_FUNCTION;

    // A = Σ p J H J has the eigenvalues h(1 − αh)^{2N} ∈ [0, h] ⊆ [0, L] on each task when
    // 0 ≤ αh ≤ 1; a sum of PSD terms with p summing to 1 has norm ≤ L.
    t.add(
        call(
            primitive,
            "meta_hessian(estimator) -> matrix",
            "the Jacobian A of E's update direction g(w) = A w − b (for maml the meta-Hessian ∇²F)",
            holds("opnorm(meta_hessian(maml)) <= L", CONVEX, MAML_PARAMS)));
    // g(w) − g(0) = A w and A ⪰ 0 (eigenvalues h(1 − αh)^{2N} ≥ 0): wᵀAw ≥ 0, exactly 0 at w = 0.
    t.add(
        call(
            primitive,
            "meta_gradient(estimator, vector) -> vector",
            "E's update direction g(w) = A w − b at the point (MAML: ∇F(w); Reptile: w − u_N;"
                + " Moreau: λ(w − u*))",
            holdsAtPoint(
                "dot(meta_gradient(maml, w) - meta_gradient(maml, origin), w) >= 0",
                CONVEX,
                MAML_PARAMS)));
    // F = Σ p ½(φ − e)ᵀG(φ − e) ≥ 0 when every G ⪰ 0 (separate outer losses, spectrum > 0).
    t.add(
        call(
            primitive,
            "meta_objective(estimator, vector) -> scalar",
            "E's objective at the point: MAML, HF-MAML (MAML's), iMAML, MAML-prox the outer loss"
                + " after adaptation, Moreau the envelope; an error for fomaml and reptile",
            holdsAtPoint(
                "meta_objective(maml, w) >= 0",
                "{type: quadratic, dim: [1, 4], tasks: [2, 3], spectrum: [0.1, 10], outer:"
                    + " separate}",
                "{alpha: [0.01, \"1/L\"], N: [1, 3]}")));
    // Gaussian linear regression, data: expected, one MAML step from the origin: the loss
    // ½[(‖θ̄‖² + tr M ν²/d)… ] is a convex quadratic in α whose minimiser is positive whenever the
    // task varies (ν > 0) (Bernacchia 2021: "the optimal learning rate for adaptation is
    // positive"); derivation in ExpectedRegressionModel. Checked by the claims pipeline only:
    // this family is not quadratic.
    t.add(
        call(
            primitive,
            "adapted_test_loss(estimator, vector) -> scalar",
            "the expected loss on a fresh task of the family after E's inner adaptation from the"
                + " point (linear-regression family, data: expected; exact for N = 1 MAML,"
                + " FO-MAML, HF-MAML)",
            holds(
                "argmin(adapted_test_loss(maml, origin), alpha, -1, 1) >= 0",
                "{type: linear-regression, dim: [1, 4], tasks: 1, samples: {train: [1, 20],"
                    + " validation: [1, 20]}, noise: 0.5, prior: 1, data: expected}",
                "{N: 1}")));
    // One task: ∇F = J H J (w − c) vanishes only at c (A ≻ 0 when αh ≤ 1/2); the rounding of
    // the solve is about cond(A) ε ‖c‖ ≤ 3e4 · 2.2e-16 · 2, far below 1e-8.
    t.add(
        call(
            primitive,
            "stationary_point(estimator) -> vector",
            "the point where E's direction vanishes: the solution of A w = b (an error when A is"
                + " singular)",
            holds(
                "dist(stationary_point(maml), task_optimum(1)) <= 1e-8",
                ONE_TASK,
                "{alpha: [0.01, \"0.5/L\"], N: [1, 4]}")));
    // 0 ≺ A ⪯ L I when 0 < αh ≤ 0.9 (meta_hessian), so β* = 2/λ_max(A) ≥ 2/L.
    t.add(
        call(
            primitive,
            "beta_threshold(estimator) -> scalar",
            "sup β with spectral radius of I − βA below 1: 0 if some eigenvalue of A has real part"
                + " ≤ 0, 2/λ_max(A) for symmetric A ≻ 0, min 2 Re μ/|μ|² otherwise (double only)",
            holds("beta_threshold(maml) >= 2/L", CONVEX, MAML_STABLE)));
    // L is the largest |eigenvalue| of every inner and outer Hessian (same Jacobi, so equal).
    t.add(
        call(
            primitive,
            "task_hessian(task number) -> matrix",
            "the inner Hessian H_i of task i (1-based)",
            holds("eigmax(task_hessian(1)) <= L", CONVEX, NONE)));
    // One task, resampling: b = J H J c = A c, so g(c) = A c − b = 0 up to ε‖A‖‖c‖ ≈ 1e-14.
    t.add(
        call(
            primitive,
            "task_optimum(task number) -> vector",
            "the minimiser c_i of task i's inner loss (1-based)",
            holds("norm(meta_gradient(maml, task_optimum(1))) <= 1e-9", ONE_TASK, MAML_PARAMS)));

    // A negative eigenvalue h of H_1 gives A = J H J (one task) the eigenvalue h(1 − αh)² < 0.
    t.add(
        call(
            function,
            "eigmin(matrix) -> scalar",
            "smallest eigenvalue of a symmetric matrix (Jacobi, working precision; a non-symmetric"
                + " argument is an error)",
            violated("eigmin(meta_hessian(maml)) >= 0", NONCONVEX, ONE_STEP)));
    // Eigenvalues h(1 − αh)^{2N}: ≤ h ≤ L for 0 ≤ h ≤ 1/α, negative for h < 0.
    t.add(
        call(
            function,
            "eigmax(matrix) -> scalar",
            "largest eigenvalue of a symmetric matrix (Jacobi, working precision)",
            holds("eigmax(meta_hessian(maml)) <= L", NONCONVEX, MAML_PARAMS)));
    // ‖Σ p G J‖ ≤ max ‖G‖ ‖J‖ ≤ L · max|1 − αh|^N ≤ L for 0 < αh ≤ 1.
    t.add(
        call(
            function,
            "opnorm(matrix) -> scalar",
            "spectral norm √λ_max(MᵀM) of any matrix (Jacobi on MᵀM, working precision)",
            holds("opnorm(meta_hessian(fomaml)) <= L", SEPARATE, MAML_PARAMS)));
    // β = β*/2 < 2 Re μ/|μ|² for every eigenvalue μ: |1 − βμ|² = 1 − 2β Re μ + β²|μ|² < 1; and
    // when β* = 0 the matrix is I, radius 1. FO-MAML with separate losses: non-symmetric A.
    t.add(
        call(
            function,
            "spectral_radius(matrix) -> scalar",
            "max |eigenvalue| (Jacobi for symmetric matrices; non-symmetric ones in double only)",
            holds(
                "spectral_radius(identity - beta_threshold(fomaml)/2*meta_hessian(fomaml)) <= 1",
                SEPARATE,
                "{alpha: [0.01, \"1/L\"], N: [1, 3]}")));
    // The d eigenvalues of A are each ≤ L (meta_hessian).
    t.add(
        call(
            function,
            "trace(matrix) -> scalar",
            "Σ_k M_kk",
            holds("trace(meta_hessian(maml)) <= d*L", CONVEX, MAML_PARAMS)));
    // One task, x = αh ∈ (0, 1]: 0 ≤ (1 − x)^N − (1 − Nx) ≤ C(N, 2) x² (Bernoulli, and Taylor with
    // a non-positive third-order remainder), so Reptile's A = I − (I − αH)^N satisfies ‖(A − NαH)
    // w‖ ≤ C(N, 2)(αL)² ‖w‖ ≤ C(N, 2)(αL)² √d for w ∈ [−1, 1]^d.
    t.add(
        call(
            function,
            "norm(vector) -> scalar",
            "Euclidean norm of a vector",
            holdsAtPoint(
                "norm((meta_hessian(reptile) - N*alpha*task_hessian(1))*w)"
                    + " <= N*(N - 1)/2*(alpha*L)^2*sqrt(d)",
                ONE_TASK,
                "{alpha: [0.01, \"1/L\"], N: [2, 5]}")));
    // One task: iMAML's ∇F = J H J (w − c) and Moreau's λ(H + λI)^{-1}H (w − c) both vanish at c.
    t.add(
        call(
            function,
            "dist(vector, vector) -> scalar",
            "‖u − v‖",
            holds(
                "dist(stationary_point(imaml), stationary_point(moreau)) <= 1e-8",
                ONE_TASK,
                LAMBDA)));
    // g(w) = A(w − w*) with A ≻ 0 (αh ≤ 0.9): the product is (w − w*)ᵀA(w − w*) ≥ 0.
    t.add(
        call(
            function,
            "dot(vector, vector) -> scalar",
            "uᵀv",
            holdsAtPoint(
                "dot(meta_gradient(maml, w), w - stationary_point(maml)) >= 0",
                CONVEX,
                "{alpha: [0.01, \"0.9/L\"], N: [1, 3]}")));
    // iMAML's A = Σ p J H J has eigenvalues h/(1 + h/λ)² ≥ μ/(1 + L/λ)² (μ ≤ h ≤ L), so
    // ‖A⁻¹‖ = 1/λ_min(A) ≤ (1 + L/λ)²/μ.
    t.add(
        call(
            function,
            "inverse(matrix) -> matrix",
            "M⁻¹ by LU with partial pivoting (a singular matrix is an error)",
            holds("opnorm(inverse(meta_hessian(imaml))) <= (1 + L/lambda)^2/mu", CONVEX, LAMBDA)));
    // With every G_i = H_i, FO-MAML's A = Σ p H (I − αH)^N is symmetric (each term commutes).
    t.add(
        call(
            function,
            "transpose(matrix) -> matrix",
            "Mᵀ",
            holds(
                "opnorm(meta_hessian(fomaml) - transpose(meta_hessian(fomaml))) <= 1e-12*L",
                CONVEX,
                MAML_PARAMS)));

    // The spectral norm is at most the Frobenius norm √tr(AᵀA) (equal in d = 1); αh ≤ 1/2 keeps
    // A = Σ p G (I − αH)^N away from 0, where the ratio would be 0/0.
    t.add(
        call(
            scalar,
            "sqrt(scalar) -> scalar",
            "square root (NaN below 0)",
            holds(
                "opnorm(meta_hessian(fomaml))"
                    + " / sqrt(trace(transpose(meta_hessian(fomaml))*meta_hessian(fomaml))) <= 1",
                SEPARATE,
                "{alpha: [0.01, \"0.5/L\"], N: [1, 4]}")));
    // ‖A‖ ≤ (1 + αL)^{2N} L (maml) ≤ e^{2NαL} L.
    t.add(
        call(
            scalar,
            "exp(scalar) -> scalar",
            "natural exponential",
            holds("opnorm(meta_hessian(maml)) / exp(2*N*alpha*L) <= L", NONCONVEX, MAML_PARAMS)));
    // The log of the maml estimator example; equality when an eigenvalue −L is the extreme one.
    // αh ≤ 1/2 keeps A ≠ 0 (no log 0) whenever L > 0.
    t.add(
        call(
            scalar,
            "log(scalar) -> scalar",
            "natural logarithm",
            holds(
                "log(opnorm(meta_hessian(maml))/L) <= 2*N*log(1 + alpha*L)",
                NONCONVEX,
                "{alpha: [0.01, \"0.5/L\"], N: [1, 4]}")));
    // |λ| ≤ ‖A‖ ≤ (1 + αL)² L for N = 1.
    t.add(
        call(
            scalar,
            "abs(scalar) -> scalar",
            "absolute value",
            holds("abs(eigmin(meta_hessian(maml))) <= L*(1 + alpha*L)^2", NONCONVEX, ONE_STEP)));
    // N = 1, eigenvalues h(1 − αh)²: ≥ 0 for h ≥ 0, and −|h|(1 + α|h|)² ≥ −L(1 + αL)² for h < 0;
    // λ_min of the sum is ≥ the smallest of the terms'. Equality for an eigenvalue −L.
    t.add(
        call(
            scalar,
            "min(scalar, scalar, ...) -> scalar",
            "smallest of two or more scalars",
            holds(
                "min(eigmin(meta_hessian(maml)), 0) >= -L*(1 + alpha*L)^2", NONCONVEX, ONE_STEP)));
    // The largest |eigenvalue| of the symmetric A: h ∈ [0, L] gives ≤ h ≤ L, h < 0 gives
    // |h|(1 + α|h|)² ≤ L(1 + αL)².
    t.add(
        call(
            scalar,
            "max(scalar, scalar, ...) -> scalar",
            "largest of two or more scalars",
            holds(
                "max(eigmax(meta_hessian(maml)), -eigmin(meta_hessian(maml))) <= L*(1 + alpha*L)^2",
                NONCONVEX,
                ONE_STEP)));
    // ceil(x) ≥ x.
    t.add(
        call(
            scalar,
            "ceil(scalar) -> scalar",
            "smallest integer not below the argument",
            holds("ceil(trace(identity)/2) >= d/2", CONVEX, NONE)));
    // tr(I) = d exactly, a whole number.
    t.add(
        call(
            scalar,
            "floor(scalar) -> scalar",
            "largest integer not above the argument",
            holds("floor(trace(identity)) >= d", CONVEX, NONE)));

    // d = 1, one task h = L > 0: ∇²F = h(1 − αh)^{2N} ≥ 0 vanishes on [0, 2/L] only at α = 1/L
    // (for any centre); for N = 1 it is quadratic there and the search resolves it to ~3e-8/L
    // (α is read by maml, so the tolerance is double's).
    t.add(
        call(
            Kind.SEARCH,
            "argmin(scalar, parameter name, scalar, scalar) -> scalar",
            "the p ∈ [lo, hi] minimising the scalar EXPR, p re-bound inside EXPR and its"
                + " estimators: 401-point grid, then golden section in the best cell to √(working"
                + " precision); ties to the smallest p; certified only up to the grid's resolution"
                + " of several minima",
            holds(
                "abs(argmin(eigmax(meta_hessian(maml)), alpha, 0, 2/L) - 1/L) <= 1e-6/L",
                "{type: quadratic, dim: 1, tasks: 1, spectrum: [0.1, 10]}",
                "{N: 1}")));
    // dA/dα = −2N Σ p H² (I − αH)^{2N−1} ≺ 0 for αh < 1, so λ_max(A) falls and β* = 2/λ_max
    // rises strictly on [0, 0.5/L] (A ≻ 0 there): the maximiser is the right end, 0.5/L.
    t.add(
        call(
            Kind.SEARCH,
            "argmax(scalar, parameter name, scalar, scalar) -> scalar",
            "the p ∈ [lo, hi] maximising the scalar EXPR (as argmin, of −EXPR)",
            holds(
                "argmax(beta_threshold(maml), alpha, 0, 0.5/L) >= 0.5/L", CONVEX, "{N: [1, 3]}")));

    // ‖J‖ ≤ max|1 − αh|^N ≤ (1 + αL)^N for |h| ≤ L, so ‖Σ p J H J‖ ≤ (1 + αL)^{2N} L (Ji2022
    // Prop. 1's growth; equality for an extreme eigenvalue −L).
    t.add(
        estimator(
            Estimator.MAML,
            "exact N-step MAML: A = Σ p J G J, J = (I − αH)^N; objective Σ p ½(φ − e)ᵀG(φ − e)",
            holds("opnorm(meta_hessian(maml)) <= (1 + alpha*L)^(2*N)*L", NONCONVEX, MAML_PARAMS)));
    // Two or more tasks with different Hessians: MAML's fixed point weights c_i by
    // J H J, FO-MAML's by H J; they differ by a fraction of the spread of the c_i (Fallah2020).
    t.add(
        estimator(
            Estimator.FOMAML,
            "first-order MAML: A = Σ p G J, b = Σ p G (e − c + J c); no objective",
            violated(
                "dist(stationary_point(maml), stationary_point(fomaml)) <= 1e-6",
                SEVERAL,
                "{alpha: [0.01, \"0.5/L\"], N: 1}")));
    // A quadratic's central difference is exact, so HF-MAML is MAML up to rounding
    // N ε ‖H‖ ‖x‖/δ ≈ 3 · 2.2e-16 · 10 · 4/1e-4 ≈ 3e-10.
    t.add(
        estimator(
            Estimator.HFMAML,
            "HF-MAML: N inner steps, each Hessian-vector product a central difference with δ;"
                + " objective MAML's (its direction approximates MAML's gradient)",
            holdsAtPoint(
                "dist(meta_gradient(hfmaml, w), meta_gradient(maml, w))"
                    + " / (1 + norm(meta_gradient(maml, w))) <= 1e-6",
                CONVEX,
                "{alpha: [0.01, \"1/L\"], N: [1, 3], delta: [0.0001, 0.01]}")));
    // Eigenvalues λ²h/(h + λ)² ≤ h ≤ L and ≤ λ/4 ((h + λ)² ≥ 4λh).
    t.add(
        estimator(
            Estimator.IMAML,
            "iMAML with the exact inner solution: J = λ(H + λI)^{-1}, A = Σ p J G J; needs λ +"
                + " λ_min(H_i) > 0",
            holds("eigmax(meta_hessian(imaml)) <= min(L, lambda/4)", CONVEX, LAMBDA)));
    // M_K = S + q^K (1 − S) on each eigenvalue, S = λ/(h + λ), q = 1 − η(h + λ) ∈ [0, 1) for
    // η ≤ 1/(L + λ): M_K ∈ (0, 1], so A = Σ p M H M ≻ 0.
    t.add(
        estimator(
            Estimator.MAML_PROX,
            "MAML through K GD steps of rate η on the proximal problem: M_{k+1} = (I − η(H +"
                + " λI))M_k + ηλI, A = Σ p M_K G M_K",
            holds(
                "eigmin(meta_hessian(maml-prox)) >= 0",
                CONVEX,
                "{lambda: [0.1, 10], K: [1, 20], eta: [0.001, \"1/(L + lambda)\"]}")));
    // Eigenvalues 1 − (1 − αh)^N ∈ [αh, 1] for αh ∈ (0, 1]: 0 ≺ A ⪯ I, so β* = 2/λ_max ≥ 2.
    t.add(
        estimator(
            Estimator.REPTILE,
            "Reptile: N GD steps from w, direction w − u_N = Σ p (I − (I − αH)^N)(w − c); no"
                + " objective",
            holds("beta_threshold(reptile) >= 2", CONVEX, "{alpha: [0.01, \"1/L\"], N: [1, 5]}")));
    // Eigenvalues λh/(h + λ) < min(h, λ) ≤ min(L, λ).
    t.add(
        estimator(
            Estimator.MOREAU,
            "Moreau envelope Σ p min_u f(u) + λ/2‖u − w‖²: gradient λ(w − u*), A = Σ p λH(H +"
                + " λI)^{-1}; needs λ + λ_min(H_i) > 0",
            holds("eigmax(meta_hessian(moreau)) <= min(L, lambda)", CONVEX, LAMBDA)));

    // g(w) − g(0) = A w, ‖A‖ ≤ L (meta_hessian) and ‖w‖ ≤ √d for w ∈ [−1, 1]^d.
    t.add(
        symbol(
            "w: vector",
            "the claim's point (present when the claim declares one)",
            holdsAtPoint(
                "norm(meta_gradient(maml, w) - meta_gradient(maml, origin)) <= L*sqrt(d)",
                CONVEX,
                MAML_PARAMS)));
    // β = β*/2 = 1/λ_max: the eigenvalues of I − βA are 1 − λ/λ_max ∈ [0, 1).
    t.add(
        symbol(
            "identity: matrix",
            "the d × d identity matrix",
            holds(
                "spectral_radius(identity - beta_threshold(maml)/2*meta_hessian(maml)) <= 1",
                CONVEX,
                MAML_STABLE)));
    // g(0) = −Σ p R c with 0 ⪯ R = I − (I − αH)^N ⪯ I: ‖g(0)‖ ≤ max ‖c_i‖ ≤ √d.
    t.add(
        symbol(
            "origin: vector",
            "the zero vector",
            holds(
                "norm(meta_gradient(reptile, origin)) <= sqrt(d)",
                CONVEX,
                "{alpha: [0.01, \"1/L\"], N: [1, 5]}")));
    // L bounds |every eigenvalue| of every H_i (the same Jacobi eigenvalues, so tight).
    t.add(
        symbol(
            "L: scalar",
            "largest |eigenvalue| of any inner or outer Hessian",
            holds(
                "max(abs(eigmin(task_hessian(1))), abs(eigmax(task_hessian(1)))) <= L",
                NONCONVEX,
                NONE)));
    // mu is the smallest eigenvalue of all inner Hessians (the same Jacobi values: exactly 0 when
    // task 1 has it). On the measure side mu may be negative; a bound's mu must be > 0.
    t.add(
        symbol(
            "mu: scalar",
            "smallest eigenvalue of any inner Hessian",
            holds("eigmin(task_hessian(1)) - mu >= 0", NONCONVEX, NONE)));
    // λ_max(H_1) ≤ L and λ_min(H_1) ≥ μ > 0.
    t.add(
        symbol(
            "kappa: scalar",
            "L/mu, defined when mu > 0",
            holds("eigmax(task_hessian(1))/eigmin(task_hessian(1)) <= kappa", CONVEX, NONE)));
    // Quadratics have constant Hessians.
    t.add(
        symbol(
            "rho: scalar",
            "Hessian-Lipschitz constant: 0 on quadratics",
            holds("rho <= 0", CONVEX, NONE)));
    // tr(I) = d.
    t.add(symbol("d: scalar", "the dimension", holds("trace(identity) <= d", CONVEX, NONE)));
    // A task set has at least one task.
    t.add(symbol("m: scalar", "the number of tasks", holds("m >= 1", CONVEX, NONE)));
    // σ² = Σ p ‖g_i − ḡ‖² ≤ Σ p ‖g_i‖² ≤ max ‖g_i‖², g_i = H_i(w − c_i), ‖g_i‖ ≤ L‖w − c_i‖, and
    // ‖w − c_i‖ ≤ 2√d for w and c_i in [−1, 1]^d.
    t.add(
        symbol(
            "sigma: scalar",
            "task-gradient spread √(Σ p ‖∇l_i(w) − Σ_j p_j ∇l_j(w)‖²) of the outer losses at w"
                + " (the origin when the claim declares no point)",
            holdsAtPoint("sigma <= 2*L*sqrt(d)", CONVEX, NONE)));
    return List.copyOf(t);
  }
}
