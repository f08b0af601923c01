package io.metabound.experiments.algorithm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.RandomTasks;
import io.metabound.experiments.task.TaskSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProximalMamlTest {

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> s = Stream.builder();
    for (int k : new int[] {1, 5, 20}) {
      s.add(Arguments.of("logistic", RandomTasks.logisticTasks(3, 1, 0.05, 100 + k), k));
      s.add(Arguments.of("separable", RandomTasks.separableTasks(3, 1, 200 + k), k));
    }
    return s.build();
  }

  @ParameterizedTest(name = "{0} K={2}")
  @MethodSource("cases")
  void metaGradientIsTheDerivativeOfTheOuterLossThroughTheUnrolledSteps(
      String name, TaskSet tasks, int k) {
    double lambda = 0.8;
    double rate = 0.2;
    ProximalMaml maml = new ProximalMaml(tasks, lambda, k, rate);
    double[] theta = RandomTasks.randomVector(3, 0.8, 300 + k);
    double[] g = new double[3];
    maml.taskDirection(0, theta, g);
    double[] phi = new double[3];
    double[] fd =
        RandomTasks.numericalGradient(
            t -> {
              maml.adapt(0, t, phi);
              return tasks.get(0).outer().value(phi);
            },
            theta,
            1e-5);
    assertTrue(
        RandomTasks.relativeError(g, fd) < 1e-7, name + ": " + RandomTasks.relativeError(g, fd));
  }

  @Test
  void longUnrollsApproachTheImplicitGradient() {
    TaskSet tasks = RandomTasks.quadraticTasks(3, 1, 0.2, 2, true, 17);
    double lambda = 0.5;
    double rate = 1 / (lambda + 2);
    double[] theta = RandomTasks.randomVector(3, 1, 18);
    double[] exact =
        new ImplicitMaml(tasks, lambda, 5000, rate, 0, ImplicitMaml.LinearSolve.DENSE)
            .direction(theta);
    double previous = Double.POSITIVE_INFINITY;
    for (int k : new int[] {5, 20, 80, 2000}) {
      double error =
          RandomTasks.maxAbsDifference(
              new ProximalMaml(tasks, lambda, k, rate).direction(theta), exact);
      assertTrue(error < previous, "K=" + k);
      previous = error;
    }
    assertTrue(previous < 1e-10, "error at K=2000: " + previous);
  }
}
