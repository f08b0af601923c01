package io.metabound.experiments.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.Estimator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Static types, every static problem with its column, and what a measure reads. */
class MeasureValidatorTest {

  private static final MeasureContext CONTEXT =
      MeasureContext.of(Set.of("alpha", "N", "beta", "lambda"), true);

  private static List<MeasureProblem> problems(String measure, MeasureContext context) {
    return MeasureValidator.validate(MeasureParser.parse(measure), context);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "eigmin(meta_hessian(maml))|SCALAR",
        "meta_hessian(fomaml)|MATRIX",
        "dist(stationary_point(maml), stationary_point(fomaml))|SCALAR",
        "meta_gradient(reptile, w) - N*alpha*task_hessian(1)*(w - task_optimum(1))|VECTOR",
        "spectral_radius(identity - beta*meta_hessian(maml))|SCALAR",
        "argmin(meta_objective(maml, origin), alpha, -1, 1)|SCALAR",
        "w / 2|VECTOR",
        "-identity|MATRIX",
        "identity * identity * w|VECTOR",
        "w * 2|VECTOR",
        "task_hessian(1)^2|MATRIX",
        "inverse(transpose(identity))^-1|MATRIX",
        "min(L, mu, kappa, rho, d, m, sigma)|SCALAR",
        "argmax(argmin(gamma^2 - eta, gamma, eta, 1), eta, 0, 1)|SCALAR"
      })
  void wellFormedMeasuresHaveTheirType(String measure, MeasureType type) {
    assertEquals(List.of(), problems(measure, CONTEXT));
    assertEquals(type, MeasureValidator.typeOf(MeasureParser.parse(measure), CONTEXT));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "foo(1)|1|unknown function 'foo' (known: meta_hessian",
        "eigmin(meta_hessian(maml)) + gamma|30|unknown symbol 'gamma'; the claim declares the"
            + " parameters N, alpha, beta, lambda; the instance has L, d, kappa",
        "maml + 1|1|'maml' is an estimator; it can only be the estimator argument of"
            + " meta_hessian, meta_gradient, meta_objective, adapted_test_loss, stationary_point, beta_threshold",
        "eigmin + 1|1|'eigmin' is a function; call it as eigmin(...)",
        "L(2)|1|'L' is not a function",
        "eigmin(identity, identity)|1|eigmin takes 1 argument (eigmin(matrix) -> scalar), got 2",
        "min(1)|1|min takes at least 2 arguments",
        "eigmin(w)|8|eigmin expects a matrix as argument 1, got a vector",
        "meta_gradient(maml, 1)|21|meta_gradient expects a vector as argument 2, got a scalar",
        "meta_hessian(alpha)|14|meta_hessian expects an estimator as argument 1 (maml, fomaml,"
            + " hfmaml, imaml, maml-prox, reptile, moreau), got alpha",
        "meta_hessian(maml_prox)|14|got maml_prox",
        "task_hessian(0)|14|tasks are numbered 1 to m; got 0",
        "task_hessian(1.5)|14|tasks are numbered 1 to m; got 1.5",
        "task_hessian(w)|14|task_hessian expects a task number as argument 1, got a vector",
        "w * w|3|cannot apply '*' to a vector and a vector: use dot(u, v)",
        "w * identity|3|a vector can only be multiplied by a scalar, or by a matrix on its left",
        "w + identity|3|cannot apply '+' to a vector and a matrix: both sides must have the same"
            + " type",
        "1 - w|3|cannot apply '-' to a scalar and a vector",
        "identity / w|10|cannot apply '/' to a matrix and a vector: the divisor must be a scalar",
        "2 / identity|3|the divisor must be a scalar",
        "w ^ 2|3|cannot apply '^' to a vector and a scalar",
        "identity ^ identity|10|cannot apply '^' to a matrix and a matrix",
        "identity ^ 0.5|10|a matrix power needs a whole exponent",
        "argmin(alpha, 2, 0, 1)|15|argmin expects a parameter name as argument 2",
        "argmin(L, L, 0, 1)|11|argmin cannot search over 'L': it is not a parameter",
        "argmin(1, w, 0, 1)|11|argmin cannot search over 'w'",
        "argmax(1, maml, 0, 1)|11|argmax cannot search over 'maml'",
        "argmin(meta_objective(maml, origin), N, 1, 5)|38|argmin cannot search over N: it takes"
            + " whole numbers",
        "argmin(w, alpha, 0, 1)|8|argmin expects a scalar as argument 1, got a vector",
        "argmin(1, alpha, 0, w)|21|argmin expects a scalar as argument 4, got a vector",
        "meta_hessian(maml-prox)|14|maml-prox reads K, which the claim does not declare (it"
            + " declares N, alpha, beta, lambda); declare K or bind it with argmin/argmax"
      })
  void staticProblemsNameTheirColumnAndWhatExists(String measure, int column, String message) {
    List<MeasureProblem> found = problems(measure, CONTEXT);
    assertTrue(
        found.stream().anyMatch(p -> p.column() == column && p.message().contains(message)),
        measure + " -> " + found);
  }

  @Test
  void pointAndParametersDependOnWhatTheClaimDeclares() {
    MeasureContext noPoint = MeasureContext.of(Set.of(), false);
    List<MeasureProblem> w = problems("norm(w)", noPoint);
    assertEquals(1, w.size());
    assertEquals(6, w.get(0).column());
    assertTrue(w.get(0).message().contains("declares no point"), w.toString());
    List<MeasureProblem> alpha = problems("eigmin(meta_hessian(maml))", noPoint);
    assertEquals(1, alpha.size(), alpha.toString());
    assertTrue(alpha.get(0).message().contains("maml reads alpha"), alpha.toString());
    // N has a default (1), delta too: hfmaml needs only alpha
    assertEquals(
        List.of(),
        problems("eigmin(meta_hessian(hfmaml))", MeasureContext.of(Set.of("alpha"), false)));
    // argmin binds alpha inside its expression, not in lo and hi
    assertEquals(
        List.of(), problems("argmin(meta_objective(maml, origin), alpha, -1, 1)", noPoint));
    List<MeasureProblem> outside = problems("argmin(alpha, alpha, 0, alpha)", noPoint);
    assertEquals(1, outside.size(), outside.toString());
    assertEquals(25, outside.get(0).column());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<MeasureProblem> found =
        problems("foo(1) + eigmin(w) + gamma * meta_hessian(moreau, 1)", CONTEXT);
    assertEquals(4, found.size(), found.toString());
    assertEquals(List.of(1, 17, 22, 30), found.stream().map(MeasureProblem::column).toList());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MeasureValidator.typeOf(MeasureParser.parse("w * w + eigmin(1)"), CONTEXT));
    assertTrue(
        e.getMessage().contains("column 3: ") && e.getMessage().contains("; column 16: "),
        e.getMessage());
  }

  private static MeasureRequirements requirements(String measure) {
    return MeasureRequirements.of(MeasureParser.parse(measure));
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "maml|alpha N",
        "fomaml|alpha N",
        "hfmaml|alpha N delta",
        "imaml|lambda",
        "maml-prox|K eta lambda",
        "reptile|alpha N",
        "moreau|lambda"
      })
  void parametersReadPerEstimator(String estimator, String parameters) {
    MeasureRequirements r = requirements("eigmin(meta_hessian(" + estimator + "))");
    assertEquals(Set.of(parameters.split(" ")), r.parameters());
    assertEquals(EnumSet.of(Vocabulary.estimator(estimator).orElseThrow()), r.estimators());
    assertEquals(
        Set.of(parameters.split(" ")),
        Set.copyOf(Vocabulary.estimator(estimator).orElseThrow().parameters()));
  }

  @Test
  void requirementsOfSymbolsPointConstantsAndSearches() {
    MeasureRequirements r =
        requirements(
            "norm(meta_gradient(reptile, w) - N*alpha*task_hessian(1)*(w - task_optimum(1))) / L"
                + " + beta * sigma");
    assertEquals(Set.of("N", "alpha", "beta"), r.parameters());
    assertTrue(r.usesPoint());
    assertEquals(Set.of("L", "sigma"), r.constants());
    assertEquals(EnumSet.of(Estimator.REPTILE), r.estimators());
    assertEquals(
        Set.of("alpha"),
        r.requiredParameters().stream()
            .filter(p -> !p.equals("beta"))
            .collect(java.util.stream.Collectors.toSet()));

    MeasureRequirements search = requirements("argmin(meta_objective(maml, origin), alpha, -1, 1)");
    assertEquals(Set.of("N"), search.parameters());
    assertEquals(Set.of(), search.requiredParameters());
    assertTrue(!search.usesPoint());
    assertEquals(EnumSet.of(Estimator.MAML), search.estimators());

    // alpha is bound inside, but read by lo outside
    assertEquals(
        Set.of("alpha", "N"),
        requirements("argmin(eigmax(meta_hessian(maml)), alpha, 0, alpha)").parameters());
    assertEquals(
        Set.of("lambda", "N", "alpha"),
        requirements("spectral_radius(identity - beta_threshold(fomaml)*meta_hessian(imaml))")
            .parameters());
    assertEquals(Set.of(), requirements("trace(identity) + norm(origin)").parameters());
    assertEquals(Set.of("d"), requirements("trace(identity) - d").constants());
  }
}
