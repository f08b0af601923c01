package io.metabound.bounds.papers;

import static io.metabound.bounds.registry.Relation.DEFINITION;
import static io.metabound.bounds.registry.Relation.UPPER_BOUND;

import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import java.util.List;

/**
 * The results of Aravind Rajeswaran, Chelsea Finn, Sham M. Kakade and Sergey Levine, "Meta-Learning
 * with Implicit Gradients", Advances in Neural Information Processing Systems 32 (NeurIPS 2019)
 * (arXiv:1909.04630).
 *
 * <p>Setting: {@code F(theta) = (1/M) sum_i L_i(Alg*_i(theta))} with the proximal inner problem
 * {@code Alg*_i(theta) = argmin_phi G_i(phi, theta)}, {@code G_i = L^_i(phi) + (lambda/2)||phi -
 * theta||^2} (4). Assumption 2 (App. E): {@code L_i} is B-Lipschitz and L-smooth; {@code G_i(.,
 * theta)} is beta-smooth and mu-strongly convex, {@code kappa = beta/mu}; {@code L^_i} has a
 * rho-Lipschitz Hessian; {@code ||Alg*_i(theta)|| <= D}. The paper's B and D are the catalogued
 * {@code B_lip} and {@code D_sol}; {@code Delta} stands for {@code F(0) - min F}. Everything up to
 * Lemma 3 and the informal Theorem 1 / Corollary 1 was read verbatim (LaTeX alt-text, source S4);
 * the formal appendix Theorem 1 is a reconstruction. See {@code docs/THEOREMS.md} §4.
 */
public final class Rajeswaran2019 {

  /** The paper key used in ids and references. */
  public static final String PAPER = "Rajeswaran2019";

  /** The full citation. */
  public static final String CITATION =
      "Aravind Rajeswaran, Chelsea Finn, Sham M. Kakade and Sergey Levine. Meta-Learning with"
          + " Implicit Gradients. Advances in Neural Information Processing Systems 32 (NeurIPS"
          + " 2019); arXiv:1909.04630.";

  private static final Definitions DEFS =
      Definitions.builder()
          .define("C_delta", "2*lambda*rho/mu^2*B_lip + lambda*L/mu")
          .define("Table_log", "log(D_sol/delta)")
          .build();

  private static final PaperBounds PAPER_BOUNDS = new PaperBounds(PAPER, CITATION, DEFS);

  private static final Assumption ASSUMPTION_2 =
      Assumption.descriptive(
          "Assumption 2 (App. E): L_i B-Lipschitz (B = B_lip) and L-smooth; G_i(., theta)"
              + " beta-smooth and mu-strongly convex, kappa = beta/mu; L^_i has a rho-Lipschitz"
              + " Hessian; the minimiser of G_i is unique with ||Alg*_i(theta)|| <= D (= D_sol)");
  private static final Assumption ASSUMPTION_1 =
      Assumption.descriptive(
          "Assumption 1 (App. C): a Hessian-vector product of L^_i costs at most a universal"
              + " constant (typically 5) times a gradient, and at most 2x its memory");
  private static final Assumption KAPPA_AT_LEAST_ONE =
      Assumption.parse("kappa >= 1", "a condition number is at least 1");
  private static final Assumption INNER_ACCURATE =
      Assumption.descriptive(
          "||phi_i - Alg*_i(theta)|| <= delta (delta-approximate algorithm, Def 1)");
  private static final Assumption JVP_ACCURATE =
      Assumption.descriptive(
          "||g_i - (I + ∇²L^_i(phi_i)/lambda)^(-1) ∇L_i(phi_i)|| <= delta' (Def 2)");
  private static final Assumption DELTA_SMALL =
      Assumption.parse("delta < mu/(2*rho)", "Lemma 3: inner accuracy delta < mu/(2 rho)");

  private static final List<Bound> BOUNDS =
      List.of(
          lemma1ImplicitJacobian(),
          lemma1JacobianNorm(),
          lemma2AgdIterations(),
          lemma3GradientError(),
          lemma3GradientErrorQuadratic(),
          thm1GradientComputations(),
          thm1Memory(),
          thm1FormalGradientComputations(),
          thm1DeltaChoice(),
          thm1DeltaPrimeChoice(),
          thm1ConjugateGradientIterations(),
          cor1MetaGradientCalls(),
          cor1GradientComputations(),
          table1(
              "rajeswaran2019.table1.imaml-compute",
              "iMAML compute",
              "sqrt(kappa)*Table_log",
              "gradient-computations"),
          table1("rajeswaran2019.table1.imaml-memory", "iMAML memory", "1", "memory"),
          table1(
              "rajeswaran2019.table1.maml-gd-compute",
              "MAML (GD inner solver) compute",
              "kappa*Table_log",
              "gradient-computations"),
          table1(
              "rajeswaran2019.table1.maml-gd-memory",
              "MAML (GD inner solver) memory",
              "kappa*Table_log",
              "memory"),
          table1(
              "rajeswaran2019.table1.maml-agd-compute",
              "MAML (AGD inner solver) compute",
              "sqrt(kappa)*Table_log",
              "gradient-computations"),
          table1(
              "rajeswaran2019.table1.maml-agd-memory",
              "MAML (AGD inner solver) memory",
              "sqrt(kappa)*Table_log",
              "memory"),
          table1(
              "rajeswaran2019.table1.truncated-compute",
              "Truncated backpropagation (GD) compute",
              "kappa*Table_log",
              "gradient-computations"),
          table1(
              "rajeswaran2019.table1.truncated-memory",
              "Truncated backpropagation (GD) memory",
              "kappa*log(1/epsilon)",
              "memory"));

  private Rajeswaran2019() {}

  /**
   * @return every registered bound of the paper, in the paper's order
   */
  public static List<Bound> bounds() {
    return BOUNDS;
  }

  /**
   * Lemma 1 [V] (6): if {@code I + ∇²L^_i(phi_i)/lambda} is invertible, {@code phi_i =
   * Alg*_i(theta)}, then {@code dAlg*_i(theta)/dtheta = (I + ∇²L^_i(phi_i)/lambda)^(-1)};
   * registered per eigenvalue {@code lambda_i} of {@code ∇²L^_i(phi_i)}: {@code 1/(1 +
   * lambda_i/lambda)}.
   */
  private static Bound lemma1ImplicitJacobian() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.lemma1.implicit-jacobian",
        "Implicit Jacobian of the proximal inner solution, per eigenvalue",
        "Lemma 1",
        "(6)",
        "1/(1 + lambda_i/lambda)",
        DEFINITION,
        "implicit-jacobian",
        List.of(
            Assumption.parse(
                "lambda + lambda_i > 0",
                "positive-definite case: holds when G_i is strongly convex (Assumption 2)"),
            Assumption.descriptive(
                "I + ∇²L^_i(phi_i)/lambda invertible, phi_i = Alg*_i(theta) (Lemma 1)")),
        "[V]",
        "docs/THEOREMS.md §4; S4 (LaTeX alt-text)",
        "The statement is a matrix identity; this is its spectral form. lambda_i denotes an"
            + " eigenvalue of the inner Hessian ∇²L^_i(phi_i) (the catalogue symbol shared with"
            + " Takagi2019), and the Jacobian has the same eigenvectors. Exact for a quadratic"
            + " inner loss: dAlg*/dtheta = (I + A/lambda)^(-1).");
  }

  /**
   * Spectral-norm bound of Lemma 1's Jacobian [derived]: under Assumption 2, {@code ∇²L^_i + lambda
   * I >= mu I}, hence {@code ||(I + ∇²L^_i/lambda)^(-1)|| <= lambda/mu}.
   */
  private static Bound lemma1JacobianNorm() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.lemma1.jacobian-norm",
        "Spectral norm of the implicit Jacobian",
        "Lemma 1",
        "(6)",
        "lambda/mu",
        UPPER_BOUND,
        "implicit-jacobian",
        List.of(ASSUMPTION_2),
        "[derived]",
        "docs/THEOREMS.md §4 (the bound ||A^(-1)|| <= lambda/mu used in the proof of Lemma 3)",
        "Derived from Lemma 1 and Assumption 2, where mu is the strong convexity of G_i (it"
            + " includes lambda). If mu denoted the strong convexity of L^_i alone the bound would"
            + " read lambda/(lambda + mu). Equality when the smallest Hessian eigenvalue is mu -"
            + " lambda.");
  }

  /**
   * Lemma 2 [V] (from Bubeck): for f L-smooth and mu-strongly convex, {@code kappa = L/mu},
   * Nesterov's AGD finds {@code ||x - x*|| <= delta} within {@code 2 sqrt(kappa) log(2 kappa ||x*||
   * / delta)} gradient computations.
   */
  private static Bound lemma2AgdIterations() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.lemma2.agd-iterations",
        "Accelerated gradient descent to a delta-accurate inner solution",
        "Lemma 2",
        "",
        "2*sqrt(kappa)*log(2*kappa*D_sol/delta)",
        UPPER_BOUND,
        "gradient-computations",
        List.of(
            KAPPA_AT_LEAST_ONE,
            Assumption.descriptive(
                "f L-smooth and mu-strongly convex with kappa = L/mu; ||x*|| <= D_sol; AGD started"
                    + " at 0")),
        "[V]",
        "docs/THEOREMS.md §4; S4",
        "The lemma has ||x*||; D_sol bounds it (Assumption 2: ||Alg*_i(theta)|| <= D).");
  }

  /**
   * Lemma 3 [V]: under Assumption 2, {@code ||phi_i - Alg*_i(theta)|| <= delta}, a delta'-accurate
   * Jacobian-vector product and {@code delta < mu/(2 rho)}, {@code ||g_i - d_theta
   * L_i(Alg*_i(theta))|| <= (2 lambda rho B / mu^2 + lambda L / mu) delta + delta'}.
   */
  private static Bound lemma3GradientError() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.lemma3.gradient-error",
        "Implicit meta-gradient accuracy",
        "Lemma 3",
        "",
        "C_delta*delta + delta_prime",
        UPPER_BOUND,
        "imaml-error",
        List.of(DELTA_SMALL, ASSUMPTION_2, INNER_ACCURATE, JVP_ACCURATE),
        "[V]",
        "docs/THEOREMS.md §4; S4 (statement; the proof is cut off, completed in docs/THEOREMS.md)",
        "Proof completion: A^(-1)a - C^(-1)c = A^(-1)(a - c) + A^(-1)(C - A)C^(-1)c with ||A^(-1)||"
            + " <= lambda/mu, ||C^(-1)|| <= 2 lambda/mu, ||C - A|| <= rho delta/lambda. Numerical"
            + " check in docs/THEOREMS.md §6.4: max ratio 0.99. "
            + DEFS.where("C_delta"));
  }

  /**
   * Lemma 3 at {@code rho = 0} (quadratic inner loss) [derived]: {@code (lambda L / mu) delta +
   * delta'}.
   */
  private static Bound lemma3GradientErrorQuadratic() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.lemma3.gradient-error-quadratic",
        "Implicit meta-gradient accuracy, quadratic inner loss",
        "Lemma 3",
        "",
        "lambda*L/mu*delta + delta_prime",
        UPPER_BOUND,
        "imaml-error",
        List.of(ASSUMPTION_2, INNER_ACCURATE, JVP_ACCURATE),
        "[derived]",
        "docs/THEOREMS.md §5.4 (Lemma 3 with rho = 0)",
        "The rho = 0 specialisation of rajeswaran2019.lemma3.gradient-error (the condition delta <"
            + " mu/(2 rho) becomes vacuous). Not printed in the paper.");
  }

  /**
   * Theorem 1, informal [V]: Algorithm 2 returns {@code g_i} with {@code ||g_i - d_theta
   * L_i(Alg*_i(theta))|| <= epsilon} using {@code O~(sqrt(kappa) log(poly(kappa, D, B, L, rho, mu,
   * lambda)/epsilon))} gradient computations of {@code L^_i}.
   */
  private static Bound thm1GradientComputations() {
    return PAPER_BOUNDS.orderBound(
        "rajeswaran2019.thm1.gradient-computations",
        "Cost of an epsilon-accurate implicit meta-gradient (informal)",
        "Theorem 1",
        "",
        "sqrt(kappa)*log(1/epsilon)",
        "gradient-computations",
        List.of(ASSUMPTION_1, ASSUMPTION_2),
        "[V]",
        "docs/THEOREMS.md §4; S4 (main-text informal statement)",
        "O~(.): the poly(kappa, D, B, L, rho, mu, lambda) factor inside the log is unspecified, so"
            + " only the sqrt(kappa) and log(1/epsilon) scalings are checkable.");
  }

  /** Theorem 1, informal [V]: memory at most {@code 2 Mem(∇L^_i)}. */
  private static Bound thm1Memory() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.thm1.memory",
        "Memory of Algorithm 2",
        "Theorem 1",
        "",
        "2",
        UPPER_BOUND,
        "memory",
        List.of(ASSUMPTION_1, ASSUMPTION_2),
        "[V]",
        "docs/THEOREMS.md §4; S4",
        "In multiples of Mem(∇L^_i); independent of the number of inner steps.");
  }

  /**
   * Theorem 1, formal (appendix) [R-med]: with {@code delta' = epsilon/2}, {@code delta =
   * epsilon/(2 C_delta)}, AGD on {@code G_i} (Lemma 2) and AGD/CG on the SPD system, {@code 2
   * sqrt(kappa) log(4 kappa D C_delta / epsilon) + 2 sqrt(kappa) log(4 kappa lambda B / (mu
   * epsilon))} gradient-equivalents, {@code C_delta = 2 lambda rho B / mu^2 + lambda L / mu}.
   */
  private static Bound thm1FormalGradientComputations() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.thm1.formal-gradient-computations",
        "Cost of an epsilon-accurate implicit meta-gradient (formal reconstruction)",
        "Theorem 1",
        "",
        "2*sqrt(kappa)*log(4*kappa*D_sol*C_delta/epsilon)"
            + " + 2*sqrt(kappa)*log(4*kappa*lambda*B_lip/(mu*epsilon))",
        UPPER_BOUND,
        "gradient-computations",
        List.of(
            KAPPA_AT_LEAST_ONE,
            DEFS.assumption(
                "epsilon/(2*C_delta) < mu/(2*rho)",
                "the chosen delta = epsilon/(2 C_delta) satisfies Lemma 3's delta < mu/(2 rho)"),
            ASSUMPTION_1,
            ASSUMPTION_2),
        "[R-med]",
        "docs/THEOREMS.md §4 (the appendix theorem is not in S4; the only combination of Lemmas 2-3"
            + " consistent with the informal statement)",
        "Counts gradients of L^_i and HVPs alike. The paper's exact log arguments may differ by"
            + " constant factors. The linear system (I + ∇²L^_i/lambda) g = ∇L_i has condition"
            + " number <= kappa and ||g*|| <= lambda B/mu. "
            + DEFS.where("C_delta"));
  }

  /** Theorem 1, formal [R-med]: the inner accuracy {@code delta = epsilon / (2 C_delta)}. */
  private static Bound thm1DeltaChoice() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.thm1.delta-choice",
        "Inner-solve accuracy chosen in the formal Theorem 1",
        "Theorem 1",
        "",
        "epsilon/(2*C_delta)",
        DEFINITION,
        "solver-accuracy",
        List.of(ASSUMPTION_2),
        "[R-med]",
        "docs/THEOREMS.md §4",
        "Also needs delta < mu/(2 rho) (Lemma 3): the paper takes a min with a term below mu/(2"
            + " rho). With delta' = epsilon/2, Lemma 3 then gives error <= epsilon. "
            + DEFS.where("C_delta"));
  }

  /** Theorem 1, formal [R-med]: the linear-solve accuracy {@code delta' = epsilon/2}. */
  private static Bound thm1DeltaPrimeChoice() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.thm1.delta-prime-choice",
        "Conjugate-gradient accuracy chosen in the formal Theorem 1",
        "Theorem 1",
        "",
        "epsilon/2",
        DEFINITION,
        "solver-accuracy",
        List.of(ASSUMPTION_2),
        "[R-med]",
        "docs/THEOREMS.md §4",
        "Half of the error budget goes to the Jacobian-vector product.");
  }

  /**
   * CG iteration count [R-med]: since {@code ||g_m - g*|| <= 2 sqrt(kappa) ((sqrt(kappa) -
   * 1)/(sqrt(kappa) + 1))^m ||g*||} and {@code ||g*|| <= lambda B / mu}, every {@code m >= X :=
   * (sqrt(kappa)/2) ln(2 sqrt(kappa) lambda B / (mu delta'))} CG steps suffice.
   *
   * <p>The registered formula is {@code ceil(X)}: the statement "any m >= X suffices" is a claim
   * about integer step counts, and the least integer with {@code m >= X} is {@code ceil(X)}, so the
   * statement is exactly "the number of steps needed is at most {@code ceil(X)}". Comparing the
   * integer count with the real {@code X} itself would test a claim the statement does not make
   * (that {@code X} steps, a non-integer, suffice), and fails by less than one step whenever {@code
   * X} is not an integer. Nothing is loosened: {@code ceil(X)} is the tightest integer the
   * statement implies.
   */
  private static Bound thm1ConjugateGradientIterations() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.thm1.cg-iterations",
        "Conjugate-gradient steps for a delta'-accurate Jacobian-vector product",
        "Theorem 1",
        "",
        "ceil(sqrt(kappa)/2*log(2*sqrt(kappa)*lambda*B_lip/(mu*delta_prime)))",
        UPPER_BOUND,
        "cg-iterations",
        List.of(KAPPA_AT_LEAST_ONE, ASSUMPTION_2),
        "[R-med]",
        "docs/THEOREMS.md §4 (standard CG alternative to Lemma 2 for the linear system)",
        "The ceiling of the real sufficient count X = (sqrt(kappa)/2) ln(...): any integer m >= X"
            + " suffices and the least such m is ceil(X), so the number of steps needed is at most"
            + " ceil(X) (the comparison of an integer count with X itself would be off by the"
            + " rounding, not by the theory). Uses"
            + " ((sqrt(kappa)-1)/(sqrt(kappa)+1))^m <= exp(-2m/sqrt(kappa)). In exact arithmetic CG"
            + " also terminates after at most (number of distinct eigenvalues) steps.");
  }

  /**
   * Corollary 1 [V]: iMAML with full batch M (GD on F, F L_F-smooth) finds {@code ||∇F(theta)|| <=
   * epsilon} within {@code 4 M L_F (F(0) - min F) / epsilon^2} calls to Implicit-Meta-Gradient.
   */
  private static Bound cor1MetaGradientCalls() {
    return PAPER_BOUNDS.bound(
        "rajeswaran2019.cor1.meta-gradient-calls",
        "Calls to Implicit-Meta-Gradient to an epsilon-stationary point",
        "Corollary 1",
        "",
        "4*M*L_F*Delta/epsilon^2",
        UPPER_BOUND,
        "meta-gradient-calls",
        List.of(
            Assumption.descriptive(
                "the conditions of Theorem 1; F is L_F-smooth; full-batch GD over the M tasks"),
            ASSUMPTION_2),
        "[V]",
        "docs/THEOREMS.md §4; S4",
        "Delta stands for F(0) - min_theta F(theta) (initialisation at theta = 0). The paper writes"
            + " both L_F and L_f. [R] The 4 follows from GD with step 1/L_F and meta-gradient error"
            + " <= epsilon/2 (decrease >= 3 epsilon^2/(8 L_F) per step); divided by M it is the"
            + " number of meta iterations.");
  }

  /**
   * Corollary 1 [V]: {@code O~(M sqrt(kappa) L_F (F(0) - min F)/epsilon^2 log(poly(...)/epsilon))}
   * computations of {@code ∇L^_i} in total.
   */
  private static Bound cor1GradientComputations() {
    return PAPER_BOUNDS.orderBound(
        "rajeswaran2019.cor1.gradient-computations",
        "Total gradient computations of iMAML",
        "Corollary 1",
        "",
        "M*sqrt(kappa)*L_F*Delta/epsilon^2*log(1/epsilon)",
        "gradient-computations",
        List.of(ASSUMPTION_1, ASSUMPTION_2),
        "[V]",
        "docs/THEOREMS.md §4; S4",
        "O~(.): the poly(kappa, D, B, L, rho, mu, lambda) factor inside the log is unspecified."
            + " Memory O~(Mem(∇L^_i)). Delta = F(0) - min F.");
  }

  /** A Table 1 entry [V]: compute or memory of a meta-gradient method, to error delta. */
  private static Bound table1(String id, String title, String formula, String quantity) {
    return PAPER_BOUNDS.orderBound(
        id,
        title + " (Table 1)",
        "Table 1",
        "",
        formula,
        quantity,
        List.of(ASSUMPTION_2),
        "[V]",
        "docs/THEOREMS.md §4; S4 Table 1",
        "Memory in multiples of Mem(∇L^_i). Errors: iMAML delta, MAML 0, truncated backprop"
            + " epsilon. D_sol/delta is the accuracy ratio of the inner solve.");
  }
}
