package io.metabound.experiments.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.family.regression.DataReading;
import io.metabound.experiments.family.regression.ExpectedRegressionModel;
import io.metabound.experiments.family.regression.LinearRegressionSetting;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.hipparchus.util.Binary64;
import org.hipparchus.util.Binary64Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class LinearRegressionDomainTest {

  private static final int MAX_TRAIN = 6;
  private static final int MAX_VALIDATION = 4;
  private static final double NOISE = 0.3;
  private static final double PRIOR = 1.5;
  private static final double CENTRE = 0.5;
  private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  /** d = 1…5, m = 1…3, n_t = 1…6 (so n_t < d occurs), n_v = 2…4, Σ = diag(s ∈ [0.5, 2]). */
  static LinearRegressionDomain domain(DataReading reading) {
    return LinearRegressionDomain.builder(reading)
        .dimensions(1, 5)
        .taskCounts(1, 3)
        .trainSamples(1, MAX_TRAIN)
        .validationSamples(2, MAX_VALIDATION)
        .noise(NOISE)
        .prior(PRIOR)
        .centreRadius(CENTRE)
        .covariance(0.5, 2)
        .vector("w", 1)
        .parameter(ParameterRange.expressions("alpha", "0.01", "1/L"))
        .parameter(ParameterRange.integers("N", 1, 2))
        .build();
  }

  static double[] uniformPoint(SearchSpace space, RandomGenerator random) {
    double[] lo = space.lowerBounds();
    double[] hi = space.upperBounds();
    double[] x = new double[lo.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = lo[i] + random.nextDouble() * (hi[i] - lo[i]);
    }
    return x;
  }

  /** A random shape and point of it. */
  static Decoded decodeRandom(DataReading reading, long seed) {
    RandomGenerator random = new Well19937c(seed);
    List<SearchSpace> spaces = domain(reading).searchSpaces();
    SearchSpace space = spaces.get(random.nextInt(spaces.size()));
    double[] x = uniformPoint(space, random);
    return new Decoded(space, x, space.decode(x, seed));
  }

  record Decoded(SearchSpace space, double[] point, Instance instance) {}

  @ParameterizedTest
  @EnumSource(DataReading.class)
  void shapesRunOverDimensionsThenTaskCounts(DataReading reading) {
    List<SearchSpace> spaces = domain(reading).searchSpaces();
    assertEquals(15, spaces.size());
    assertEquals(reading.familyName() + " d=1 m=1", spaces.get(0).description());
    assertEquals(reading.familyName() + " d=1 m=3", spaces.get(2).description());
    assertEquals(reading.familyName() + " d=5 m=3", spaces.get(14).description());
    // d=2, m=3: Σ (2), θ̄ (2), z (6), n_t and n_v (2), data, w (2), alpha and N (2)
    int data = reading == DataReading.SAMPLED ? 3 * (MAX_TRAIN + MAX_VALIDATION) * 3 : 0;
    assertEquals(2 + 2 + 6 + 2 + data + 2 + 2, spaces.get(5).lowerBounds().length);
    double[] lo = spaces.get(5).lowerBounds();
    double[] hi = spaces.get(5).upperBounds();
    assertEquals(0.5, lo[0]);
    assertEquals(2, hi[1]);
    assertEquals(-CENTRE, lo[2]);
    assertEquals(0.001, lo[4]);
    assertEquals(0.999, hi[9]);
    assertEquals(0, lo[10]);
    assertEquals(1, hi[11]);
  }

  /** Same point, same instance; decoded instances belong to the domain and carry its data. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void decodingIsDeterministicAndAdmitted(long seed) {
    for (DataReading reading : DataReading.values()) {
      LinearRegressionDomain domain = domain(reading);
      Decoded decoded = decodeRandom(reading, seed);
      Instance instance = decoded.instance();
      assertEquals(instance, decoded.space().decode(decoded.point().clone(), seed));
      assertTrue(domain.admits(instance), instance.describe());
      assertEquals(reading.familyName(), instance.family());
      assertEquals(NOISE, instance.parameter("noise"));
      assertEquals(PRIOR, instance.parameter("prior"));
      int nT = instance.integerParameter("n_t");
      int nV = instance.integerParameter("n_v");
      assertTrue(nT >= 1 && nT <= MAX_TRAIN && nV >= 2 && nV <= MAX_VALIDATION);
      double[] priorMean = instance.vectorParameter("theta_bar");
      for (double c : priorMean) {
        assertTrue(Math.abs(c) <= CENTRE);
      }
      double l = LinearRegressionDomain.constants(instance).get("L");
      double alpha = instance.parameter("alpha");
      assertTrue(alpha >= 0.01 && alpha <= 1 / l * (1 + 1e-12), "alpha " + alpha + ", L " + l);
      assertEquals(instance.dimension(), instance.vectorParameter("w").length);
    }
  }

  /** The features and targets the sampled reading decodes, rebuilt from the point here. */
  static double[][][] data(Decoded decoded, int task, boolean validation) {
    int d = decoded.instance().dimension();
    int m = decoded.instance().taskCount();
    double[] x = decoded.point();
    int n = decoded.instance().integerParameter(validation ? "n_v" : "n_t");
    double[] theta = theta(decoded, task);
    int at = 2 * d + m * d + 2 + task * (MAX_TRAIN + MAX_VALIDATION) * (d + 1);
    int rows = validation ? MAX_VALIDATION : MAX_TRAIN;
    if (validation) {
      at += MAX_TRAIN * (d + 1);
    }
    double[][] features = new double[n][d];
    double[][] targets = new double[1][n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < d; k++) {
        features[j][k] = Math.sqrt(x[k]) * NORMAL.inverseCumulativeProbability(x[at + j * d + k]);
        targets[0][j] += features[j][k] * theta[k];
      }
      targets[0][j] += NOISE * NORMAL.inverseCumulativeProbability(x[at + rows * d + j]);
    }
    return new double[][][] {features, targets};
  }

  /** {@code θ_i = θ̄ + (ν/√d) Φ⁻¹(u)}. */
  static double[] theta(Decoded decoded, int task) {
    int d = decoded.instance().dimension();
    double[] theta = new double[d];
    for (int k = 0; k < d; k++) {
      double u = decoded.point()[2 * d + task * d + k];
      theta[k] =
          decoded.point()[d + k] + PRIOR / Math.sqrt(d) * NORMAL.inverseCumulativeProbability(u);
    }
    return theta;
  }

  /** Sampled reading: the task quadratics are the data's least-squares losses at every w. */
  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14, 15, 16})
  void sampledTasksAreTheLeastSquaresLossesOfTheirData(long seed) {
    assertSampledTasksAreTheirLeastSquaresLosses(decodeRandom(DataReading.SAMPLED, seed), seed);
  }

  /** d = 5 with n_t = 1, 2, 3 train samples: singular S_t, minimum-norm centres, still exact. */
  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.2, 0.4})
  void sampledTasksAreExactWithFewerSamplesThanDimensions(double trainCoordinate) {
    List<SearchSpace> spaces = domain(DataReading.SAMPLED).searchSpaces();
    SearchSpace space = spaces.get(spaces.size() - 1);
    double[] x = uniformPoint(space, new Well19937c(61));
    // d = 5, m = 3: Σ (5), θ̄ (5), z (15), then n_t
    x[25] = trainCoordinate;
    Decoded decoded = new Decoded(space, x, space.decode(x, 61));
    assertEquals(5, decoded.instance().dimension());
    assertTrue(decoded.instance().integerParameter("n_t") < 5);
    assertTrue(domain(DataReading.SAMPLED).admits(decoded.instance()));
    assertSampledTasksAreTheirLeastSquaresLosses(decoded, 62);
  }

  static void assertSampledTasksAreTheirLeastSquaresLosses(Decoded decoded, long seed) {
    Instance instance = decoded.instance();
    int d = instance.dimension();
    RandomGenerator random = new Well19937c(seed + 50);
    for (int i = 0; i < instance.taskCount(); i++) {
      MetaTask task = instance.tasks().get(i);
      for (boolean validation : new boolean[] {false, true}) {
        double[][][] data = data(decoded, i, validation);
        LeastSquaresLoss leastSquares = new LeastSquaresLoss(data[0], data[1][0]);
        QuadraticLoss q = (QuadraticLoss) (validation ? task.outer() : task.inner());
        for (int t = 0; t < 10; t++) {
          double[] w = new double[d];
          for (int k = 0; k < d; k++) {
            w[k] = 3 * random.nextGaussian();
          }
          double expected = leastSquares.value(w);
          assertEquals(expected, q.value(w), 1e-12 * Math.max(1, expected), "task " + i);
        }
      }
    }
  }

  /** Sampled reading: L, mu are the extreme eigenvalues of XᵀX/n, via the SVD of X (σ_k²/n). */
  @ParameterizedTest
  @ValueSource(longs = {21, 22, 23, 24, 25, 26})
  void sampledConstantsAreTheSampleCovarianceEigenvalues(long seed) {
    Decoded decoded = decodeRandom(DataReading.SAMPLED, seed);
    Instance instance = decoded.instance();
    int d = instance.dimension();
    double largest = 0;
    double smallestInner = Double.POSITIVE_INFINITY;
    for (int i = 0; i < instance.taskCount(); i++) {
      for (boolean validation : new boolean[] {false, true}) {
        double[][] x = data(decoded, i, validation)[0];
        int n = x.length;
        double[] singular =
            new SingularValueDecomposition(new Array2DRowRealMatrix(x)).getSingularValues();
        largest = Math.max(largest, singular[0] * singular[0] / n);
        if (!validation) {
          double last = singular[singular.length - 1];
          smallestInner = Math.min(smallestInner, n < d ? 0 : last * last / n);
        }
      }
    }
    Map<String, Double> c = LinearRegressionDomain.constants(instance);
    assertEquals(largest, c.get("L"), 1e-12 * largest);
    assertEquals(smallestInner, c.get("mu"), 1e-12 * largest);
    assertEquals(d, c.get("d"));
    assertEquals(instance.taskCount(), c.get("m"));
    assertEquals(instance.parameter("n_t"), c.get("n_t"));
    assertEquals(instance.parameter("n_v"), c.get("n_v"));
    assertEquals(NOISE, c.get("noise"));
    assertEquals(0.0, c.get("rho"));
  }

  /** Expected reading: every task is QuadraticLoss(Σ, θ_i, σ²/2); L, mu are Σ's extremes. */
  @ParameterizedTest
  @ValueSource(longs = {31, 32, 33, 34})
  void expectedTasksAreTheExpectedLosses(long seed) {
    Decoded decoded = decodeRandom(DataReading.EXPECTED, seed);
    Instance instance = decoded.instance();
    int d = instance.dimension();
    double[] spectrum = Arrays.copyOf(decoded.point(), d);
    for (int i = 0; i < instance.taskCount(); i++) {
      MetaTask task = instance.tasks().get(i);
      assertTrue(task.isSameLoss());
      QuadraticLoss q = (QuadraticLoss) task.inner();
      for (int k = 0; k < d; k++) {
        assertEquals(spectrum[k], q.h(k, k));
      }
      assertArrayEquals(theta(decoded, i), q.centre(), 1e-15);
      assertEquals(0.5 * NOISE * NOISE, q.offset());
    }
    Map<String, Double> c = LinearRegressionDomain.constants(instance);
    double max = Arrays.stream(spectrum).max().orElseThrow();
    double min = Arrays.stream(spectrum).min().orElseThrow();
    assertEquals(max, c.get("L"), 1e-15 * max);
    assertEquals(min, c.get("mu"), 1e-15 * max);
  }

  /** An expected instance rebuilds its model, also after a JSON round trip (a counterexample). */
  @ParameterizedTest
  @ValueSource(longs = {41, 42, 43})
  void expectedInstancesReplayExactly(long seed) {
    Instance instance = decodeRandom(DataReading.EXPECTED, seed).instance();
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    InstanceJson.write(instance, json);
    Instance replayed = InstanceJson.read(json, Path.of("counterexample.json"));
    assertEquals(instance, replayed);
    assertTrue(domain(DataReading.EXPECTED).admits(replayed));
    LinearRegressionSetting setting = LinearRegressionSetting.of(replayed);
    assertEquals(instance.integerParameter("n_t"), setting.trainSamples());
    assertArrayEquals(instance.vectorParameter("theta_bar"), setting.priorMean(), 0.0);
    Binary64[] w = new Binary64[instance.dimension()];
    Arrays.fill(w, new Binary64(0.25));
    EstimatorParameters p = EstimatorParameters.maml(instance.parameter("alpha"), 1);
    double before =
        ExpectedRegressionModel.of(instance, Binary64Field.getInstance())
            .adaptedTestLoss(Estimator.MAML, p, w)
            .getReal();
    double after =
        ExpectedRegressionModel.of(replayed, Binary64Field.getInstance())
            .adaptedTestLoss(Estimator.MAML, p, w)
            .getReal();
    assertEquals(before, after, 0.0);
    Instance sampled = decodeRandom(DataReading.SAMPLED, seed).instance();
    assertThrows(
        IllegalArgumentException.class,
        () -> ExpectedRegressionModel.of(sampled, Binary64Field.getInstance()));
  }

  /** Every integer of both sample-size ranges is decoded, uniformly spread over [0, 1]. */
  @Test
  void sampleSizesCoverTheirRanges() {
    SearchSpace space = domain(DataReading.SAMPLED).searchSpaces().get(0);
    double[] x = space.lowerBounds();
    // d = 1, m = 1: Σ, θ̄, z, then n_t and n_v
    int at = 3;
    TreeSet<Integer> train = new TreeSet<>();
    TreeSet<Integer> validation = new TreeSet<>();
    int[] counts = new int[MAX_TRAIN + 1];
    for (int t = 0; t <= 600; t++) {
      x[at] = t / 600.0;
      x[at + 1] = t / 600.0;
      Instance instance = space.decode(x, 0);
      int nT = instance.integerParameter("n_t");
      train.add(nT);
      validation.add(instance.integerParameter("n_v"));
      if (t < 600) {
        counts[nT]++;
      }
    }
    assertEquals(new TreeSet<>(List.of(1, 2, 3, 4, 5, 6)), train);
    assertEquals(new TreeSet<>(List.of(2, 3, 4)), validation);
    for (int n = 1; n <= MAX_TRAIN; n++) {
      assertEquals(100, counts[n], "n_t = " + n);
    }
  }

  static Instance editTask(Instance x, int task, UnaryOperator<MetaTask> edit) {
    List<MetaTask> tasks = new ArrayList<>(x.tasks().tasks());
    tasks.set(task, edit.apply(tasks.get(task)));
    return x.withTasks(new TaskSet(tasks));
  }

  static Instance without(Instance x, String name) {
    TreeMap<String, Double> p = new TreeMap<>(x.parameters());
    p.remove(name);
    return new Instance(x.tasks(), p, x.seed(), x.family());
  }

  /** Edits that leave the domain: each one is rejected. */
  @ParameterizedTest
  @ValueSource(longs = {51, 52, 53})
  void editedInstancesAreRejected(long seed) {
    for (DataReading reading : DataReading.values()) {
      LinearRegressionDomain domain = domain(reading);
      Instance x = decodeRandom(reading, seed).instance();
      int d = x.dimension();
      assertTrue(domain.admits(x));
      List<Instance> edits = new ArrayList<>();
      edits.add(new Instance(x.tasks(), x.parameters(), x.seed(), "quadratic"));
      edits.add(x.withParameter("noise", 2 * NOISE));
      edits.add(x.withParameter("prior", 1));
      edits.add(x.withParameter("n_t", MAX_TRAIN + 1));
      edits.add(x.withParameter("n_t", 1.5));
      edits.add(x.withParameter("n_v", 1));
      edits.add(x.withParameter("theta_bar0", 2 * CENTRE));
      edits.add(x.withParameter("theta_bar" + d, 0));
      edits.add(x.withParameter("alpha", 2 / LinearRegressionDomain.constants(x).get("L")));
      edits.add(without(x, "N"));
      edits.add(without(x, "n_v"));
      double[] negative = new double[d * d];
      negative[0] = -1;
      edits.add(
          editTask(x, 0, t -> MetaTask.same(new QuadraticLoss(negative, new double[d], 0.045))));
      if (reading == DataReading.EXPECTED) {
        QuadraticLoss q = (QuadraticLoss) x.tasks().get(0).inner();
        double[] tooLarge = q.hessian();
        tooLarge[0] = 3;
        edits.add(
            editTask(
                x, 0, t -> MetaTask.same(new QuadraticLoss(tooLarge, q.centre(), q.offset()))));
        edits.add(editTask(x, 0, t -> MetaTask.same(q.withOffset(0))));
        double[] far = q.centre();
        far[0] += 10;
        edits.add(
            editTask(x, 0, t -> MetaTask.same(new QuadraticLoss(q.hessian(), far, q.offset()))));
        edits.add(editTask(x, 0, t -> new MetaTask(q, q.withOffset(1), 1)));
        if (d >= 2) {
          double[] rotated = q.hessian();
          rotated[1] = rotated[d] = 0.1;
          edits.add(
              editTask(
                  x, 0, t -> MetaTask.same(new QuadraticLoss(rotated, q.centre(), q.offset()))));
        }
      } else {
        QuadraticLoss inner = (QuadraticLoss) x.tasks().get(0).inner();
        edits.add(editTask(x, 0, t -> new MetaTask(inner.withOffset(-1), t.outer(), 1)));
        // full rank d with only n_t samples (rank ≤ n_t)
        int nT = x.integerParameter("n_t");
        if (nT < d) {
          double[] identity = new double[d * d];
          for (int k = 0; k < d; k++) {
            identity[k * d + k] = 1;
          }
          edits.add(
              editTask(
                  x,
                  0,
                  t -> new MetaTask(new QuadraticLoss(identity, new double[d]), t.outer(), 1)));
        }
      }
      for (int e = 0; e < edits.size(); e++) {
        assertFalse(
            domain.admits(edits.get(e)), reading + " edit #" + e + ": " + edits.get(e).describe());
      }
    }
  }

  @Test
  void builderRejectsReservedAndInvalidOptions() {
    LinearRegressionDomain.Builder b = LinearRegressionDomain.builder(DataReading.SAMPLED);
    assertThrows(IllegalArgumentException.class, () -> b.parameter(ParameterRange.fixed("n_t", 3)));
    assertThrows(
        IllegalArgumentException.class, () -> b.parameter(ParameterRange.fixed("theta_bar1", 0)));
    assertThrows(IllegalArgumentException.class, () -> b.vector("theta_bar", 1));
    assertThrows(IllegalArgumentException.class, () -> b.trainSamples(0, 3));
    assertThrows(IllegalArgumentException.class, () -> b.covariance(2, 1));
    assertThrows(IllegalArgumentException.class, () -> b.noise(-0.1));
    assertThrows(IllegalArgumentException.class, () -> LinearRegressionDomain.builder(null));
    assertTrue(
        LinearRegressionDomain.builder(DataReading.EXPECTED)
            .build()
            .description()
            .startsWith("linear-regression (expected): d ∈ {1…3}"));
  }
}
