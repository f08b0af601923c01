package io.metabound.experiments.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * A seeded family of random quadratic tasks {@code ½(w − c_i)ᵀH_i(w − c_i)}.
 *
 * <p>Generation, deterministic in {@code seed} (one {@link SplittableRandom}, draws in this order
 * for each task i = 0, 1, …; with {@code sharedHessian} the Hessian is drawn once, before task 0):
 *
 * <ol>
 *   <li>eigenvalues {@code λ_k ~ Uniform[spectrumLow, spectrumHigh]}, k = 1..d (a negative {@code
 *       spectrumLow} gives indefinite, non-convex tasks);
 *   <li>a Haar-random orthogonal basis Q: the QR factorisation of a d×d standard Gaussian matrix
 *       (row-major draws), with column j multiplied by {@code sign(R_jj)};
 *   <li>{@code H_i = Q diag(λ) Qᵀ}, made exactly symmetric by computing the upper triangle and
 *       mirroring it;
 *   <li>centre {@code c_i ~ N(0, heterogeneity² I)} (the spread of the task optima);
 *   <li>if {@code testShift > 0} (finite-sum case, Ji2022 §4): the test loss is {@code ½(w −
 *       e_i)ᵀH_i(w − e_i)} with {@code e_i = c_i + N(0, testShift² I)}, i.e. {@code G_i = H_i} and
 *       a shifted optimum, so Ji2022 Ass. 5's {@code b_i = ‖H_i(c_i − e_i)‖} is finite.
 * </ol>
 *
 * @param dimension d ≥ 1
 * @param tasks m ≥ 1
 * @param spectrumLow lower end of the eigenvalue range
 * @param spectrumHigh upper end, ≥ {@code spectrumLow}
 * @param heterogeneity standard deviation of each centre coordinate, ≥ 0
 * @param testShift standard deviation of each coordinate of {@code e_i − c_i}; 0 for the resampling
 *     case (outer loss = inner loss)
 * @param sharedHessian one Hessian for all tasks (then σ is exact, see QuadraticFamilyConstants)
 * @param seed the seed
 */
public record QuadraticFamily(
    int dimension,
    int tasks,
    double spectrumLow,
    double spectrumHigh,
    double heterogeneity,
    double testShift,
    boolean sharedHessian,
    long seed) {

  public QuadraticFamily {
    if (dimension < 1) {
      throw new FamilySpecException("quadratic family: dim must be >= 1, got " + dimension);
    }
    if (tasks < 1) {
      throw new FamilySpecException("quadratic family: tasks must be >= 1, got " + tasks);
    }
    if (!Double.isFinite(spectrumLow)
        || !Double.isFinite(spectrumHigh)
        || spectrumLow > spectrumHigh) {
      throw new FamilySpecException(
          "quadratic family: spectrum must be finite LO:HI with LO <= HI, got "
              + spectrumLow
              + ":"
              + spectrumHigh);
    }
    String range = RepresentableScale.problem(Math.max(Math.abs(spectrumLow), Math.abs(spectrumHigh)));
    if (range != null) {
      throw new FamilySpecException("quadratic family: spectrum " + spectrumLow + ":" + spectrumHigh
          + ": the " + range.replace("|entry|", "|eigenvalue|"));
    }
    if (!(heterogeneity >= 0) || Double.isInfinite(heterogeneity)) {
      throw new FamilySpecException(
          "quadratic family: heterogeneity must be finite and >= 0, got " + heterogeneity);
    }
    if (!(testShift >= 0) || Double.isInfinite(testShift)) {
      throw new FamilySpecException(
          "quadratic family: test-shift must be finite and >= 0, got " + testShift);
    }
  }

  /** A resampling-case family with independent Hessians. */
  public static QuadraticFamily of(
      int dimension,
      int tasks,
      double spectrumLow,
      double spectrumHigh,
      double heterogeneity,
      long seed) {
    return new QuadraticFamily(
        dimension, tasks, spectrumLow, spectrumHigh, heterogeneity, 0.0, false, seed);
  }

  /** True when the test losses differ from the training losses. */
  public boolean finiteSum() {
    return testShift > 0;
  }

  /**
   * Draws the tasks (same seed, same tasks, bit for bit).
   *
   * @throws io.metabound.experiments.io.InputTooLargeException when the tasks would not fit the
   *     memory ({@link TaskMemory}), before anything is allocated
   */
  public TaskSet generate() {
    TaskMemory.require(tasks, dimension, toSpec());
    SplittableRandom random = new SplittableRandom(seed);
    int d = dimension;
    double[] shared = sharedHessian ? hessian(random) : null;
    List<MetaTask> list = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      double[] h = sharedHessian ? shared : hessian(random);
      double[] c = new double[d];
      for (int k = 0; k < d; k++) {
        // + 0.0 turns the −0.0 of a zero spread into +0.0, so equal centres compare equal
        c[k] = heterogeneity * random.nextGaussian() + 0.0;
      }
      QuadraticLoss inner = new QuadraticLoss(h, c);
      if (testShift > 0) {
        double[] e = new double[d];
        for (int k = 0; k < d; k++) {
          e[k] = c[k] + testShift * random.nextGaussian();
        }
        list.add(new MetaTask(inner, new QuadraticLoss(h, e), 1.0));
      } else {
        list.add(MetaTask.same(inner));
      }
    }
    return new TaskSet(list);
  }

  private double[] hessian(SplittableRandom random) {
    int d = dimension;
    double[] lambda = new double[d];
    for (int k = 0; k < d; k++) {
      lambda[k] = spectrumLow + (spectrumHigh - spectrumLow) * random.nextDouble();
    }
    return rotated(lambda, random);
  }

  /**
   * {@code H = Q diag(λ) Qᵀ} with a Haar-random orthogonal {@code Q} drawn from {@code random}
   * (d² Gaussian draws): a symmetric matrix with exactly the given spectrum, row-major, made exactly
   * symmetric by computing the upper triangle and mirroring it.
   *
   * @param lambda the eigenvalues
   * @param random the source of the rotation
   */
  public static double[] rotated(double[] lambda, SplittableRandom random) {
    int d = lambda.length;
    double[] q = orthogonal(random, d);
    // H = Q diag(λ) Qᵀ, upper triangle mirrored so H is exactly symmetric
    double[] h = new double[d * d];
    for (int r = 0; r < d; r++) {
      for (int c = r; c < d; c++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += q[r * d + k] * lambda[k] * q[c * d + k];
        }
        h[r * d + c] = s;
        h[c * d + r] = s;
      }
    }
    return h;
  }

  /** A Haar-distributed orthogonal matrix, row-major (Mezzadri 2007: QR with sign correction). */
  public static double[] orthogonal(SplittableRandom random, int d) {
    DMatrixRMaj gaussian = new DMatrixRMaj(d, d);
    for (int k = 0; k < d * d; k++) {
      gaussian.data[k] = random.nextGaussian();
    }
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
    if (!qr.decompose(gaussian)) {
      throw new ArithmeticException("QR of a Gaussian matrix failed");
    }
    DMatrixRMaj q = qr.getQ(null, false);
    DMatrixRMaj r = qr.getR(null, false);
    double[] out = new double[d * d];
    for (int j = 0; j < d; j++) {
      double sign = r.get(j, j) < 0 ? -1 : 1;
      for (int row = 0; row < d; row++) {
        out[row * d + j] = sign * q.get(row, j);
      }
    }
    return out;
  }

  /**
   * Parses a CLI spec {@code quadratic:dim=10,tasks=8,spectrum=0.1:10,seed=42} with optional {@code
   * heterogeneity=1} (default 1), {@code test-shift=0.5} (default 0: resampling case) and {@code
   * shared=true} (default false). {@code dim}, {@code tasks}, {@code spectrum} and {@code seed} are
   * required: a family is only replayable when its seed is written down.
   *
   * @throws FamilySpecException naming the key and the problem
   */
  public static QuadraticFamily parse(String spec) {
    String text = spec.trim();
    String prefix = "quadratic:";
    if (!text.toLowerCase(Locale.ROOT).startsWith(prefix)) {
      throw new FamilySpecException(
          "quadratic spec: expected 'quadratic:key=value,...', got '" + spec + "'");
    }
    Map<String, String> values = new LinkedHashMap<>();
    String body = text.substring(prefix.length());
    if (!body.isBlank()) {
      for (String part : body.split(",")) {
        int eq = part.indexOf('=');
        if (eq <= 0) {
          throw new FamilySpecException(
              "quadratic spec: expected key=value, got '" + part.trim() + "'");
        }
        String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
        String value = part.substring(eq + 1).trim();
        key =
            switch (key) {
              case "dimension", "d" -> "dim";
              case "m" -> "tasks";
              case "testshift", "test_shift", "finite-sum" -> "test-shift";
              default -> key;
            };
        if (!List.of("dim", "tasks", "spectrum", "heterogeneity", "test-shift", "shared", "seed")
            .contains(key)) {
          throw new FamilySpecException(
              "quadratic spec: unknown key '"
                  + part.substring(0, eq).trim()
                  + "'; expected dim, tasks, spectrum, heterogeneity, test-shift, shared, seed");
        }
        if (values.put(key, value) != null) {
          throw new FamilySpecException("quadratic spec: " + key + " given twice");
        }
      }
    }
    for (String required : List.of("dim", "tasks", "spectrum", "seed")) {
      if (!values.containsKey(required)) {
        throw new FamilySpecException(
            "quadratic spec: "
                + required
                + " is required (e.g. "
                + "quadratic:dim=10,tasks=8,spectrum=0.1:10,seed=42)");
      }
    }
    String spectrum = values.get("spectrum");
    int colon = spectrum.indexOf(':', spectrum.startsWith("-") ? 1 : 0);
    if (colon < 0) {
      throw new FamilySpecException(
          "quadratic spec: spectrum: expected LO:HI, got '" + spectrum + "'");
    }
    double lo = real("spectrum", spectrum.substring(0, colon));
    double hi = real("spectrum", spectrum.substring(colon + 1));
    String shared = values.getOrDefault("shared", "false").toLowerCase(Locale.ROOT);
    if (!shared.equals("true") && !shared.equals("false")) {
      throw new FamilySpecException(
          "quadratic spec: shared: expected true or false, got '" + shared + "'");
    }
    return new QuadraticFamily(
        integer("dim", values.get("dim")),
        integer("tasks", values.get("tasks")),
        lo,
        hi,
        real("heterogeneity", values.getOrDefault("heterogeneity", "1")),
        real("test-shift", values.getOrDefault("test-shift", "0")),
        shared.equals("true"),
        longValue("seed", values.get("seed")));
  }

  /** The spec that {@link #parse} reads back to this family. */
  public String toSpec() {
    return "quadratic:dim="
        + dimension
        + ",tasks="
        + tasks
        + ",spectrum="
        + spectrumLow
        + ":"
        + spectrumHigh
        + ",heterogeneity="
        + heterogeneity
        + ",test-shift="
        + testShift
        + ",shared="
        + sharedHessian
        + ",seed="
        + seed;
  }

  private static int integer(String key, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new FamilySpecException(
          "quadratic spec: " + key + ": expected an integer, got '" + text + "'");
    }
  }

  private static long longValue(String key, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new FamilySpecException(
          "quadratic spec: " + key + ": expected an integer, got '" + text + "'");
    }
  }

  private static double real(String key, String text) {
    try {
      double x = Double.parseDouble(text.trim());
      if (!Double.isFinite(x)) {
        throw new FamilySpecException("quadratic spec: " + key + ": not finite: '" + text + "'");
      }
      return x;
    } catch (NumberFormatException e) {
      throw new FamilySpecException(
          "quadratic spec: " + key + ": expected a number, got '" + text + "'");
    }
  }
}
