package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.QuadraticLoss;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The falsifier must find, and the shrinker must simplify, a deliberately wrong bound registered
 * only here: "‖∇²F‖ ≤ L" for N-step MAML on quadratic tasks with negative curvature. One task with
 * H = −L gives ‖∇²F‖ = (1 + αL)^{2N} L, so the ratio is (1 + αL)^{2N} > 1 for every α > 0.
 */
class PlantedViolationTest {

  @TempDir Path directory;

  @Test
  void falsifierFindsShrinkerSimplifiesAndTheFileReplays() throws Exception {
    BoundCheck planted = Fixtures.plantedViolation();
    CheckSettings settings =
        CheckSettings.defaults(42).withEvaluationBudget(300).withCounterexampleDirectory(directory);
    CheckResult r = planted.run(settings);

    assertEquals(Verdict.VIOLATED, r.verdict());
    assertTrue(r.isUnexpectedViolation());
    // the search itself found a large ratio: up to (1 + 1)^{2·3} = 64
    assertTrue(
        r.search().bestSearchRatio() > 4, "best search ratio " + r.search().bestSearchRatio());

    // shrunk to a small instance with round numbers
    Instance x = r.instance();
    assertEquals(1, x.taskCount(), x.describe());
    assertTrue(x.dimension() <= 2, x.describe());
    QuadraticLoss q = (QuadraticLoss) x.tasks().get(0).inner();
    for (double h : q.hessian()) {
      assertTrue(Shrinker.complexity(h) <= 2, "entry " + h + " of " + x.describe());
    }
    for (double c : q.centre()) {
      assertEquals(0.0, c, "the Hessian does not depend on the centre");
    }
    for (double v : x.parameters().values()) {
      assertTrue(Shrinker.complexity(v) <= 2, "parameter " + v + " of " + x.describe());
    }
    assertEquals(1, x.integerParameter("N"), "one inner step already violates");
    assertTrue(r.ratio() > 1);
    assertTrue(!r.shrinkSteps().isEmpty());
    // ratio of the shrunk instance: d = 1, H = [λ] with λ < 0, L = |λ|: (1 + α|λ|)² exactly
    if (x.dimension() == 1) {
      double lambda = q.h(0, 0);
      double alpha = x.parameter("alpha");
      assertTrue(lambda < 0);
      assertEquals(Math.pow(1 - alpha * lambda, 2), r.ratio(), 1e-12);
    }

    // the counterexample file is a task file plus parameters, seed and bound, and it replays
    assertNotNull(r.counterexample());
    Path file = Path.of(r.counterexample());
    String json = Files.readString(file);
    for (String field :
        new String[] {"\"tasks\"", "\"H\"", "\"c\"", "\"params\"", "\"seed\"", "\"bound\""}) {
      assertTrue(json.contains(field), field + " missing in " + json);
    }
    Replay.Outcome replay =
        Replay.replay(
            file, id -> id.equals(planted.boundId()) ? Optional.of(planted) : Optional.empty());
    assertEquals(Verdict.VIOLATED, replay.result().verdict());
    assertTrue(replay.reproduced());
    assertEquals(r.ratio(), replay.result().ratio());
    assertEquals(r.instance(), replay.result().instance());
  }

  @Test
  void theTrueBoundHoldsOnTheSameDomainAndIsTight() {
    CheckResult r =
        Fixtures.trueSmoothness().run(CheckSettings.defaults(42).withEvaluationBudget(300));
    assertEquals(Verdict.HOLDS, r.verdict());
    // one task with H = −L I attains (1 + αL)^{2N} L: the largest ratio is 1
    assertEquals(1.0, r.ratio(), 1e-9);
    assertTrue(r.tight());
  }
}
