package io.metabound.experiments.family;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A seeded generator of separable non-convex task sets {@code f_i(w) = Σ_k a_{ik} log(1 + (w_k −
 * c_{ik})²)}: weights {@code a_{ik} ~ U[minWeight, maxWeight]}, centres {@code c_i ~ N(0,
 * centreSpread² I)}; the outer loss keeps the weights and shifts the centre by {@code
 * queryShift·N(0, I)} ({@code queryShift = 0}: outer = inner). So {@code L ≤ 2 maxWeight} and
 * {@code ρ ≤ maxWeight (3+2√2)/2} for every generated set; {@link TaskFamilyConstants} gives the
 * exact values of a generated set. Same seed, same task set.
 */
public record SeparableTaskFamily(
    int dimension,
    int tasks,
    double minWeight,
    double maxWeight,
    double centreSpread,
    double queryShift) {

  public SeparableTaskFamily {
    if (dimension < 1 || tasks < 1) {
      throw new IllegalArgumentException(
          "separable family needs d >= 1 and m >= 1, got d=" + dimension + ", m=" + tasks);
    }
    if (!(minWeight >= 0) || !(maxWeight >= minWeight) || Double.isInfinite(maxWeight)) {
      throw new IllegalArgumentException(
          "separable family needs 0 <= minWeight <= maxWeight < ∞, got "
              + minWeight
              + ", "
              + maxWeight);
    }
    if (!(centreSpread >= 0) || !(queryShift >= 0)) {
      throw new IllegalArgumentException("separable family needs centreSpread, queryShift >= 0");
    }
  }

  public TaskSet generate(long seed) {
    RandomGenerator random = new Well19937c(seed);
    List<MetaTask> list = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      double[] a = new double[dimension];
      double[] c = new double[dimension];
      for (int k = 0; k < dimension; k++) {
        a[k] = minWeight + (maxWeight - minWeight) * random.nextDouble();
        c[k] = centreSpread * random.nextGaussian();
      }
      SeparableNonconvexLoss inner = new SeparableNonconvexLoss(a, c);
      SeparableNonconvexLoss outer = inner;
      if (queryShift > 0) {
        double[] e = new double[dimension];
        for (int k = 0; k < dimension; k++) {
          e[k] = c[k] + queryShift * random.nextGaussian();
        }
        outer = new SeparableNonconvexLoss(a, e);
      }
      list.add(new MetaTask(inner, outer, 1.0));
    }
    return new TaskSet(list);
  }
}
