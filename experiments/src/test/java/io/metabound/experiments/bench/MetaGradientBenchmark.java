package io.metabound.experiments.bench;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.MetaHessian;
import io.metabound.experiments.oracle.QuadraticMetaOracle;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticFamily;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the exact quadratic oracles: the N-step MAML meta-gradient at a point (O(m d²)),
 * the meta-Hessian (O(m d³)), one affine update map per α as a sweep row needs it (O(m d³),
 * independent of N), and the one-off preparation (an eigen-decomposition per task).
 *
 * <p>Set-up: {@code quadratic:dim=d,tasks=8,spectrum=0.1:10,seed=2024}, α = 0.05, N = 5; resampling
 * tasks, or finite-sum tasks with an independent query Hessian per task (the general code path).
 *
 * <p>Not part of the default build: the {@code bench} package is excluded from test compilation
 * unless the {@code bench} profile is active, which adds JMH and runs {@code org.openjdk.jmh.Main}
 * on the test class path in the {@code test} phase. From the repository root:
 *
 * <pre>{@code
 * mvn -o -Pbench -pl bounds,experiments test -DskipTests -Djmh.args="MetaGradientBenchmark"
 * }</pre>
 *
 * <p>({@code -pl bounds,experiments} builds the bounds module in the same reactor; with an up to
 * date bounds jar installed, {@code -pl experiments} suffices.) {@code jmh.args} takes any JMH
 * options, e.g. {@code -Djmh.args="MetaGradientBenchmark -f 1 -wi 2 -i 3 -p dimension=50"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MetaGradientBenchmark {

  @Param({"10", "50"})
  public int dimension;

  @Param({"8"})
  public int tasks;

  @Param({"5"})
  public int steps;

  @Param({"false", "true"})
  public boolean finiteSum;

  private TaskSet taskSet;
  private QuadraticMetaOracle oracle;
  private EstimatorMaps maps;
  private EstimatorParameters parameters;
  private double[] point;
  private double[] gradient;

  @Setup
  public void setUp() {
    TaskSet inner = new QuadraticFamily(dimension, tasks, 0.1, 10, 1, 0, false, 2024).generate();
    if (finiteSum) {
      TaskSet outer = new QuadraticFamily(dimension, tasks, 0.1, 10, 1, 0, false, 2025).generate();
      List<MetaTask> list = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        list.add(new MetaTask(inner.get(i).inner(), outer.get(i).inner(), 1));
      }
      taskSet = new TaskSet(list);
    } else {
      taskSet = inner;
    }
    QuadraticTasks prepared = QuadraticTasks.of(taskSet);
    oracle = QuadraticMetaOracle.maml(prepared, 0.05, steps);
    maps = EstimatorMaps.of(prepared);
    parameters = EstimatorParameters.maml(0.05, steps);
    SplittableRandom random = new SplittableRandom(1);
    point = new double[dimension];
    for (int k = 0; k < dimension; k++) {
      point[k] = random.nextGaussian();
    }
    gradient = new double[dimension];
  }

  /** Exact ∇F(w), written into a reused array. */
  @Benchmark
  public void metaGradient(Blackhole blackhole) {
    oracle.metaGradient(point, gradient);
    blackhole.consume(gradient);
  }

  /** Exact ∇²F = Σ p J G J. */
  @Benchmark
  public MetaHessian metaHessian() {
    return oracle.metaHessian();
  }

  /** One sweep row: the exact MAML update map for a new α, from the cached eigenbases. */
  @Benchmark
  public AffineGradientMap mamlMapForNewAlpha() {
    return maps.map(Estimator.MAML, parameters);
  }

  /** One-off: extract the tasks and eigen-decompose every inner Hessian. */
  @Benchmark
  public QuadraticTasks prepareTasks() {
    return QuadraticTasks.of(taskSet);
  }
}
