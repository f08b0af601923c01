package io.metabound.experiments.algorithm;

import io.metabound.experiments.linalg.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * The meta (outer) iteration shared by every algorithm of the papers:
 *
 * <pre>
 *   w_{k+1} = w_k − β_k · (1/B) Σ_{i∈B_k} Ĝ_i(w_k)      (B_k: B tasks i.i.d. from p)
 *   w_{k+1} = w_k − β_k · Σ_i p_i Ĝ_i(w_k)             (full task batch)
 * </pre>
 *
 * <p>(Ji2022 (4)/(7)/(10)/(12), Fallah2020 (5)/(8)/(10), iMAML (5)), with a fixed or adaptive
 * {@link StepSizeRule}. One {@link Well19937c} seeded with the run's seed drives everything (task
 * draws, the estimator's batches, the step size's batches) in a fixed order, so the same seed gives
 * the identical trajectory.
 *
 * <p>Divergence never throws: after every step the iterate is checked, and a non-finite entry or
 * {@code |w_j| > cap} ends the run as {@link RunStatus#DIVERGED} (a non-finite step size too).
 * {@link RunStatus#CONVERGED} when {@code ‖w_{k+1} − w_k‖ ≤ stepTolerance} (if that tolerance is
 * positive) or when the observer's value is {@code ≤ observedTolerance} (if positive); otherwise
 * {@link RunStatus#UNDECIDED} at the end of the budget. The loop itself allocates only when
 * iterates are recorded. Not thread-safe (the estimator holds workspace).
 */
public final class OuterLoop {

  private final MetaGradientEstimator estimator;
  private final int iterations;
  private final StepSizeRule stepSize;
  private final TaskBatching batching;
  private final double divergenceCap;
  private final double stepTolerance;
  private final ToDoubleFunction<double[]> observer;
  private final double observedTolerance;
  private final boolean recordIterates;

  private OuterLoop(Builder b) {
    this.estimator = b.estimator;
    this.iterations = b.iterations;
    this.stepSize = b.stepSize;
    this.batching = b.batching;
    this.divergenceCap = b.divergenceCap;
    this.stepTolerance = b.stepTolerance;
    this.observer = b.observer;
    this.observedTolerance = b.observedTolerance;
    this.recordIterates = b.recordIterates;
  }

  public static Builder builder(MetaGradientEstimator estimator) {
    return new Builder(estimator);
  }

  /** Draws a task index from {@code p_i} by inversion. */
  static int drawTask(MetaGradientEstimator estimator, RandomGenerator random) {
    int m = estimator.taskCount();
    double u = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < m; i++) {
      cumulative += estimator.taskProbability(i);
      if (u < cumulative) {
        return i;
      }
    }
    // u within rounding of 1: the last task of positive probability
    for (int i = m - 1; i >= 0; i--) {
      if (estimator.taskProbability(i) > 0) {
        return i;
      }
    }
    return m - 1;
  }

  /** Runs from {@code w0} with the given seed. */
  public Trajectory run(double[] w0, long seed) {
    int d = estimator.dimension();
    if (w0.length != d) {
      throw new IllegalArgumentException("w0 has length " + w0.length + ", expected " + d);
    }
    RandomGenerator random = new Well19937c(seed);
    double[] w = w0.clone();
    double[] next = new double[d];
    double[] direction = new double[d];
    double[] task = new double[d];
    double[] norms = new double[iterations + 1];
    double[] steps = new double[iterations];
    double[] observed = observer == null ? null : new double[iterations + 1];
    List<double[]> iterates = recordIterates ? new ArrayList<>() : List.of();

    int k = 0;
    norms[0] = Vectors.norm(w);
    if (recordIterates) {
      iterates.add(w.clone());
    }
    RunStatus status = null;
    boolean divergedIterate = false;
    if (!Vectors.finiteWithin(w, divergenceCap)) {
      status = RunStatus.DIVERGED;
      divergedIterate = true;
    } else if (observer != null) {
      observed[0] = observer.applyAsDouble(w);
      if (observedTolerance > 0 && observed[0] <= observedTolerance) {
        status = RunStatus.CONVERGED;
      }
    }
    while (status == null && k < iterations) {
      double beta = stepSize.stepSize(w, estimator, random);
      if (!Double.isFinite(beta)) {
        // e.g. a NaN task-gradient norm at a finite iterate: no step is taken
        status = RunStatus.DIVERGED;
        break;
      }
      steps[k] = beta;
      Arrays.fill(direction, 0.0);
      if (batching.isFull()) {
        // Σ_i p_i Ĝ_i(w_k)
        for (int i = 0; i < estimator.taskCount(); i++) {
          double p = estimator.taskProbability(i);
          if (p == 0) {
            continue;
          }
          estimator.estimate(i, w, random, task);
          Vectors.axpy(p, task, direction, d);
        }
      } else {
        // (1/B) Σ_{i∈B_k} Ĝ_i(w_k)
        int b = batching.batchSize();
        for (int s = 0; s < b; s++) {
          estimator.estimate(drawTask(estimator, random), w, random, task);
          Vectors.axpy(1.0 / b, task, direction, d);
        }
      }
      // w_{k+1} = w_k − β_k · direction
      double stepSquared = 0;
      for (int j = 0; j < d; j++) {
        next[j] = w[j] - beta * direction[j];
        double delta = next[j] - w[j];
        stepSquared += delta * delta;
      }
      double[] swap = w;
      w = next;
      next = swap;
      k++;
      norms[k] = Vectors.norm(w);
      if (recordIterates) {
        iterates.add(w.clone());
      }
      if (!Vectors.finiteWithin(w, divergenceCap)) {
        status = RunStatus.DIVERGED;
        divergedIterate = true;
        break;
      }
      if (observer != null) {
        observed[k] = observer.applyAsDouble(w);
        if (observedTolerance > 0 && observed[k] <= observedTolerance) {
          status = RunStatus.CONVERGED;
          break;
        }
      }
      if (stepTolerance > 0 && Math.sqrt(stepSquared) <= stepTolerance) {
        status = RunStatus.CONVERGED;
      }
    }
    if (status == null) {
      status = RunStatus.UNDECIDED;
    }
    double[] observedOut;
    if (observer == null) {
      observedOut = new double[0];
    } else {
      // the observer is not called on a diverged iterate
      observedOut = Arrays.copyOf(observed, k + 1);
      if (divergedIterate) {
        observedOut[k] = Double.NaN;
      }
    }
    return new Trajectory(
        status,
        k,
        w.clone(),
        Arrays.copyOf(norms, k + 1),
        Arrays.copyOf(steps, k),
        observedOut,
        recordIterates ? List.copyOf(iterates) : List.of(),
        seed);
  }

  /** Settings of an {@link OuterLoop}; defaults: 100 iterations, all tasks, cap 1e8. */
  public static final class Builder {
    private final MetaGradientEstimator estimator;
    private int iterations = 100;
    private StepSizeRule stepSize;
    private TaskBatching batching = TaskBatching.full();
    private double divergenceCap = 1e8;
    private double stepTolerance = 0;
    private ToDoubleFunction<double[]> observer;
    private double observedTolerance = 0;
    private boolean recordIterates = false;

    private Builder(MetaGradientEstimator estimator) {
      this.estimator = estimator;
    }

    /** Meta-iterations K ≥ 0. */
    public Builder iterations(int iterations) {
      if (iterations < 0) {
        throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
      }
      this.iterations = iterations;
      return this;
    }

    public Builder stepSize(StepSizeRule rule) {
      this.stepSize = rule;
      return this;
    }

    /** A fixed meta step size β. */
    public Builder stepSize(double beta) {
      return stepSize(new StepSizeRule.Constant(beta));
    }

    public Builder taskBatching(TaskBatching batching) {
      this.batching = batching;
      return this;
    }

    /** DIVERGED when some {@code |w_j|} exceeds {@code cap} (default 1e8). */
    public Builder divergenceCap(double cap) {
      if (!(cap > 0)) {
        throw new IllegalArgumentException("divergence cap must be > 0, got " + cap);
      }
      this.divergenceCap = cap;
      return this;
    }

    /** CONVERGED when {@code ‖w_{k+1} − w_k‖ ≤ tolerance}; 0 (default) disables the test. */
    public Builder stepTolerance(double tolerance) {
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException("step tolerance must be >= 0, got " + tolerance);
      }
      this.stepTolerance = tolerance;
      return this;
    }

    /**
     * A quantity recorded at every iterate, e.g. the exact {@code ‖∇F(w_k)‖} from an oracle. Called
     * on finite iterates only; must not modify its argument.
     */
    public Builder observer(ToDoubleFunction<double[]> observer) {
      this.observer = observer;
      return this;
    }

    /** CONVERGED when the observed value is {@code ≤ tolerance}; 0 (default) disables the test. */
    public Builder observedTolerance(double tolerance) {
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException("observed tolerance must be >= 0, got " + tolerance);
      }
      this.observedTolerance = tolerance;
      return this;
    }

    /** Keep copies of all iterates (allocates one array per iteration). */
    public Builder recordIterates(boolean record) {
      this.recordIterates = record;
      return this;
    }

    public OuterLoop build() {
      if (stepSize == null) {
        throw new IllegalArgumentException("the outer loop needs a step size rule");
      }
      if (batching.isFull() && estimator.taskCount() < 1) {
        throw new IllegalArgumentException("the estimator has no tasks");
      }
      return new OuterLoop(this);
    }
  }
}
