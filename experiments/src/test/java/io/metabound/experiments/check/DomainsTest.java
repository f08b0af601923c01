package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.SeparableNonconvexLoss;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Vector parameters, shared-Hessian outer losses, separable task domains and unions of domains. */
class DomainsTest {

  private static double[] uniform(SearchSpace s, SplittableRandom r) {
    double[] lo = s.lowerBounds();
    double[] hi = s.upperBounds();
    double[] x = new double[lo.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = lo[k] + r.nextDouble() * (hi[k] - lo[k]);
    }
    return x;
  }

  @Test
  void quadraticDomainDecodesPointsAndSharedHessianOuterLosses() {
    QuadraticDomain domain =
        QuadraticDomain.builder("q")
            .dimensions(1, 3)
            .taskCounts(1, 2)
            .eigenvalues(-1, 1)
            .separateOuterCentre(true)
            .vector("w", 2)
            .parameter(ParameterRange.between("alpha", 0, 1))
            .build();
    SplittableRandom r = new SplittableRandom(1);
    for (SearchSpace s : domain.searchSpaces()) {
      Instance x = s.decode(uniform(s, r), 0);
      assertTrue(domain.admits(x), x.describe());
      assertEquals(x.dimension(), x.vectorParameter("w").length);
      for (double v : x.vectorParameter("w")) {
        assertTrue(Math.abs(v) <= 2);
      }
      for (MetaTask t : x.tasks().tasks()) {
        QuadraticLoss inner = (QuadraticLoss) t.inner();
        QuadraticLoss outer = (QuadraticLoss) t.outer();
        assertArrayEquals(inner.hessian(), outer.hessian());
      }
      // a stale coordinate of a larger dimension, or a missing one, is not admitted
      assertFalse(domain.admits(x.withParameter("w" + x.dimension(), 0.5)));
      assertFalse(domain.admits(Instance.of(x.tasks(), java.util.Map.of("alpha", 0.5), 0, "q")));
    }
  }

  @Test
  void separateOuterCentreRejectsADifferentOuterHessian() {
    QuadraticDomain domain =
        QuadraticDomain.builder("q")
            .dimensions(1, 1)
            .taskCounts(1, 1)
            .separateOuterCentre(true)
            .build();
    QuadraticLoss inner = QuadraticLoss.of(new double[][] {{0.5}}, new double[] {0});
    Instance same =
        Instance.of(
            new io.metabound.experiments.task.TaskSet(
                List.of(
                    new MetaTask(
                        inner, QuadraticLoss.of(new double[][] {{0.5}}, new double[] {0.3}), 1))),
            java.util.Map.of(),
            0,
            "q");
    Instance other =
        Instance.of(
            new io.metabound.experiments.task.TaskSet(
                List.of(
                    new MetaTask(
                        inner, QuadraticLoss.of(new double[][] {{0.7}}, new double[] {0.3}), 1))),
            java.util.Map.of(),
            0,
            "q");
    assertTrue(domain.admits(same));
    assertFalse(domain.admits(other));
  }

  @Test
  void separableDomainDecodesTasksConstantsAndParameters() {
    SeparableDomain domain =
        SeparableDomain.builder("s")
            .dimensions(1, 2)
            .taskCounts(1, 2)
            .weights(0.2, 0.8)
            .centreRadius(1.5)
            .shiftedOuterCentre(true)
            .vector("theta", 1)
            .parameter(
                ParameterRange.of("lambda", c -> 0.05 - c.get("mu"), c -> 2, "[0.05 - mu, 2]"))
            .build();
    SplittableRandom r = new SplittableRandom(2);
    assertEquals(4, domain.searchSpaces().size());
    for (SearchSpace s : domain.searchSpaces()) {
      Instance x = s.decode(uniform(s, r), 0);
      assertTrue(domain.admits(x), x.describe());
      double maxWeight = 0;
      for (MetaTask t : x.tasks().tasks()) {
        SeparableNonconvexLoss inner = (SeparableNonconvexLoss) t.inner();
        SeparableNonconvexLoss outer = (SeparableNonconvexLoss) t.outer();
        assertArrayEquals(inner.weights(), outer.weights());
        maxWeight = Math.max(maxWeight, Arrays.stream(inner.weights()).max().orElseThrow());
      }
      var constants = SeparableDomain.constants(x.tasks());
      // L = 2 max a, ρ = max a (3 + 2√2)/2, μ = −max a/4
      assertEquals(2 * maxWeight, constants.get("L"), 1e-15);
      assertEquals(maxWeight * (3 + 2 * Math.sqrt(2)) / 2, constants.get("rho"), 1e-14);
      assertEquals(-maxWeight / 4, constants.get("mu"), 1e-15);
      assertTrue(x.parameter("lambda") >= 0.05 + maxWeight / 4 - 1e-12);
    }
  }

  /**
   * Anchored separable domain: every task's inner and outer loss share the anchor (q, e) within its
   * ranges, the constants are L = max(2a + q), μ = min(q − a/4), ρ as without anchor, and an
   * unanchored domain does not admit anchored tasks (nor the reverse).
   */
  @Test
  void anchoredSeparableDomainSharesTheAnchorAndItsConstantsFollow() {
    SeparableDomain domain =
        SeparableDomain.builder("anchored")
            .dimensions(1, 2)
            .taskCounts(1, 2)
            .weights(0.2, 0.8)
            .centreRadius(1.5)
            .shiftedOuterCentre(true)
            .anchor(0.1, 1, 30)
            .vector("w", 3)
            .build();
    SeparableDomain plain =
        SeparableDomain.builder("plain").dimensions(1, 2).taskCounts(1, 2).vector("w", 3).build();
    SplittableRandom r = new SplittableRandom(5);
    for (SearchSpace s : domain.searchSpaces()) {
      Instance x = s.decode(uniform(s, r), 0);
      assertTrue(domain.admits(x), x.describe());
      assertFalse(plain.admits(x), x.describe());
      double l = 0;
      double mu = Double.POSITIVE_INFINITY;
      double maxWeight = 0;
      for (MetaTask t : x.tasks().tasks()) {
        SeparableNonconvexLoss inner = (SeparableNonconvexLoss) t.inner();
        SeparableNonconvexLoss outer = (SeparableNonconvexLoss) t.outer();
        assertTrue(inner.isAnchored());
        assertArrayEquals(inner.anchorCurvatures(), outer.anchorCurvatures());
        assertArrayEquals(inner.anchorCentre(), outer.anchorCentre());
        double[] a = inner.weights();
        double[] q = inner.anchorCurvatures();
        for (int k = 0; k < a.length; k++) {
          assertTrue(q[k] >= 0.1 && q[k] <= 1);
          assertTrue(Math.abs(inner.anchorCentre()[k]) <= 30);
          l = Math.max(l, 2 * a[k] + q[k]);
          mu = Math.min(mu, q[k] - a[k] / 4);
          maxWeight = Math.max(maxWeight, a[k]);
        }
      }
      var constants = SeparableDomain.constants(x.tasks());
      assertEquals(l, constants.get("L"), 1e-15);
      assertEquals(mu, constants.get("mu"), 1e-15);
      assertEquals(maxWeight * (3 + 2 * Math.sqrt(2)) / 2, constants.get("rho"), 1e-14);
    }
    for (SearchSpace s : plain.searchSpaces()) {
      assertFalse(domain.admits(s.decode(uniform(s, r), 0)));
    }
  }

  @Test
  void unionSearchesEveryPartAndAdmitsWhatAnyPartAdmits() {
    QuadraticDomain q = QuadraticDomain.builder("q").dimensions(1, 1).taskCounts(1, 1).build();
    SeparableDomain s = SeparableDomain.builder("s").dimensions(1, 1).taskCounts(1, 1).build();
    UnionDomain u = UnionDomain.of(q, s);
    assertEquals(2, u.searchSpaces().size());
    SplittableRandom r = new SplittableRandom(3);
    Instance fromQ = q.searchSpaces().get(0).decode(uniform(q.searchSpaces().get(0), r), 0);
    Instance fromS = s.searchSpaces().get(0).decode(uniform(s.searchSpaces().get(0), r), 0);
    assertTrue(u.admits(fromQ));
    assertTrue(u.admits(fromS));
    assertFalse(s.admits(fromQ));
    assertTrue(u.description().contains("∪"));
    assertThrows(IllegalArgumentException.class, UnionDomain::of);
  }
}
