package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.task.QuadraticLoss;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuadraticDomainTest {

  /** Decoded Hessians are symmetric with exactly the requested spectrum, parameters in range. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void decodedInstancesHaveTheRequestedSpectrumAndRanges(long seed) {
    QuadraticDomain domain = Fixtures.indefiniteQuadratics();
    List<SearchSpace> spaces = domain.searchSpaces();
    assertEquals(9, spaces.size()); // d ∈ {1,2,3} × m ∈ {1,2,3}
    Well19937c random = new Well19937c(seed);
    SearchSpace space = spaces.get(random.nextInt(spaces.size()));
    double[] lo = space.lowerBounds();
    double[] hi = space.upperBounds();
    double[] x = new double[lo.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lo[i] + random.nextDouble() * (hi[i] - lo[i]);
    }
    Instance instance = space.decode(x, seed);
    int d = instance.dimension();
    QuadraticLoss first = (QuadraticLoss) instance.tasks().get(0).inner();
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        assertEquals(first.h(r, k), first.h(k, r));
      }
    }
    // the first d coordinates are task 0's eigenvalues
    double[] expected = Arrays.copyOf(x, d);
    Arrays.sort(expected);
    double[] actual = QuadraticInstanceConstants.eigenvalues(first);
    Arrays.sort(actual);
    assertArrayEquals(expected, actual, 1e-12);
    double l = QuadraticInstanceConstants.of(instance.tasks()).get("L");
    double alpha = instance.parameter("alpha");
    assertTrue(alpha >= 0.01 && alpha <= 1 / l * (1 + 1e-12));
    int n = instance.integerParameter("N");
    assertTrue(n >= 1 && n <= 3);
    assertTrue(domain.admits(instance));
    assertEquals(seed, instance.seed());
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 1.0})
  void integerRangesCoverEveryValueUniformly(double u) {
    ParameterRange n = ParameterRange.integers("N", 1, 3);
    double v = n.decode(u, java.util.Map.of());
    assertEquals(u == 0.0 ? 1 : u == 0.5 ? 2 : 3, v);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void instancesOutsideTheDomainAreNotAdmitted(int which) {
    QuadraticDomain domain = Fixtures.indefiniteQuadratics();
    QuadraticLoss tooCurved = QuadraticLoss.of(new double[][] {{3}}, new double[] {0});
    Instance outside =
        Instance.of(
            new io.metabound.experiments.task.TaskSet(
                List.of(io.metabound.experiments.task.MetaTask.same(tooCurved))),
            which == 0 ? java.util.Map.of("alpha", 0.1, "N", 1.0) : java.util.Map.of("alpha", 0.1),
            0,
            "quadratic");
    assertFalse(domain.admits(outside));
  }

  /**
   * The shrinker may propose tasks whose Hessians are all zero (L = 0): a range written as the
   * expression 1/L then has no value there, and the instance is outside the domain rather than an
   * error (regression: the domain used to throw from the symbol-domain check of L).
   */
  @org.junit.jupiter.api.Test
  void rangeExpressionsUndefinedOnAnInstanceExcludeIt() {
    QuadraticDomain domain =
        QuadraticDomain.builder("quadratic")
            .dimensions(1, 1)
            .taskCounts(1, 1)
            .eigenvalues(-1, 1)
            .parameter(ParameterRange.expressions("alpha", "0", "1/L"))
            .build();
    QuadraticLoss flat = QuadraticLoss.of(new double[][] {{0}}, new double[] {0});
    QuadraticLoss curved = QuadraticLoss.of(new double[][] {{-0.5}}, new double[] {0});
    Instance zeroL = instance(flat, 0.5);
    assertFalse(domain.admits(zeroL));
    assertTrue(domain.admits(instance(curved, 2.0)));
    assertFalse(domain.admits(instance(curved, 2.5)));
    // a symbol that is not bound at all is a configuration error, reported as such
    ParameterRange unknown = ParameterRange.expressions("beta", "0", "1/kappa");
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> unknown.contains(0.1, java.util.Map.of("L", 1.0)));
    assertTrue(e.getMessage().contains("kappa"), e.getMessage());
  }

  private static Instance instance(QuadraticLoss loss, double alpha) {
    return Instance.of(
        new io.metabound.experiments.task.TaskSet(
            List.of(io.metabound.experiments.task.MetaTask.same(loss))),
        java.util.Map.of("alpha", alpha),
        0,
        "quadratic");
  }
}
