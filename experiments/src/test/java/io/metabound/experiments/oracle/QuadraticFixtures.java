package io.metabound.experiments.oracle;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticFamily;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random quadratic task sets and small vector helpers shared by the oracle tests. */
public final class QuadraticFixtures {

  private QuadraticFixtures() {}

  /**
   * A random task set: inner Hessians with eigenvalues in [0.2, 2] (or [−1, 2] when indefinite),
   * centres ~ N(0, I), weights in [0.5, 2]; finite-sum tasks get an independent outer Hessian from
   * the same range and {@code e = c + N(0, 0.25 I)}.
   */
  public static TaskSet random(long seed, int d, int m, boolean finiteSum, boolean indefinite) {
    double lo = indefinite ? -1.0 : 0.2;
    TaskSet inner = new QuadraticFamily(d, m, lo, 2.0, 1.0, 0.0, false, seed).generate();
    TaskSet outer = new QuadraticFamily(d, m, lo, 2.0, 1.0, 0.0, false, seed + 7919).generate();
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<MetaTask> tasks = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      QuadraticLoss s = (QuadraticLoss) inner.get(i).inner();
      double weight = 0.5 + 1.5 * random.nextDouble();
      if (finiteSum) {
        double[] e = s.centre();
        for (int k = 0; k < d; k++) {
          e[k] += 0.5 * random.nextGaussian();
        }
        QuadraticLoss t = new QuadraticLoss(((QuadraticLoss) outer.get(i).inner()).hessian(), e);
        tasks.add(new MetaTask(s, t, weight));
      } else {
        tasks.add(new MetaTask(s, s, weight));
      }
    }
    return new TaskSet(tasks);
  }

  /** A standard Gaussian vector. */
  public static double[] gaussian(SplittableRandom random, int d) {
    double[] v = new double[d];
    for (int k = 0; k < d; k++) {
      v[k] = random.nextGaussian();
    }
    return v;
  }

  public static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  public static double distance(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return Math.sqrt(s);
  }

  /** Frobenius distance of two row-major matrices. */
  public static double matrixDistance(double[] a, double[] b) {
    return distance(a, b);
  }

  /**
   * Largest |eigenvalue| of the inner and outer Hessians (by power-free brute force: Frobenius).
   */
  public static double frobeniusScale(TaskSet tasks) {
    double s = 0;
    for (MetaTask t : tasks.tasks()) {
      s = Math.max(s, norm(((QuadraticLoss) t.inner()).hessian()));
      s = Math.max(s, norm(((QuadraticLoss) t.outer()).hessian()));
    }
    return s;
  }
}
