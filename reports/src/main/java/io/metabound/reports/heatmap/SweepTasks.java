package io.metabound.reports.heatmap;

import io.metabound.experiments.algorithm.FiniteDifferenceStep;
import io.metabound.experiments.algorithm.OneStepStochasticMaml;
import io.metabound.experiments.algorithm.ResamplingMaml;
import io.metabound.experiments.algorithm.TaskBatching;
import io.metabound.experiments.io.Sha256;
import io.metabound.experiments.noise.AdditiveGaussianNoise;
import io.metabound.experiments.noise.StochasticOracle;
import io.metabound.experiments.noise.StochasticTaskSet;
import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.EstimatorParameters;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.sweep.AffineCellModel;
import io.metabound.experiments.sweep.CellModel;
import io.metabound.experiments.sweep.ConvergenceCriterion;
import io.metabound.experiments.sweep.EstimatorMapSource;
import io.metabound.experiments.sweep.JsonObject;
import io.metabound.experiments.sweep.StochasticCellModel;
import io.metabound.experiments.sweep.StreamingTaskFile;
import io.metabound.experiments.sweep.SweepInputException;
import io.metabound.experiments.sweep.SymmetricEigenvalues;
import io.metabound.experiments.task.FamilySpecException;
import io.metabound.experiments.task.QuadraticFamily;
import io.metabound.experiments.task.QuadraticTaskFile;
import io.metabound.experiments.task.TaskFileException;
import io.metabound.experiments.task.TaskSet;
import io.metabound.reports.cli.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tasks and the estimator of a sweep, bound to the estimator's exact affine update map from
 * the oracle ({@link EstimatorMaps}): the one place where heatmaps (the {@code heatmap} command
 * and the report) meet the task readers and the oracle. Bad input is a {@link UserInputException}.
 */
public final class SweepTasks {

  /** Hyper-parameters of the estimators besides α and N. */
  public record Settings(double lambda, double delta, int proxSteps, double proxRate) {}

  /**
   * Stochastic mode: additive Gaussian noise on every task's gradients and Hessians
   * ({@link AdditiveGaussianNoise}), sample batches S (inner), D (Hessian), T (outer), and B tasks
   * per outer step (0: all tasks, weighted by p_i).
   */
  public record Noise(double gradientNoise, double hessianNoise, int innerBatch, int hessianBatch,
      int outerBatch, int taskBatch) {}

  private final TaskSet tasks;
  private final QuadraticTasks quadratic;
  private final Estimator estimator;
  private final Settings settings;
  private final EstimatorMapSource maps;
  private final String file;
  private final String checksumOrSpec;
  private final TasksDigest digest;
  private Noise noise;

  /**
   * The SHA-256 that identifies the tasks of a sweep ({@link
   * io.metabound.experiments.sweep.SweepIdentity}).
   *
   * @param field the identity field it goes into, which says what was digested: {@link
   *     #OF_FILE_BYTES} (the task file's bytes) or {@link #OF_CANONICAL_LIST} (the generated
   *     tasks written as a task file, for {@code --family})
   * @param sha256 the digest, lower-case hex
   */
  public record TasksDigest(String field, String sha256) {
    /** Field name of a digest of the task file's bytes. */
    public static final String OF_FILE_BYTES = "tasksSha256OfFileBytes";
    /** Field name of a digest of the canonical task list of a generated family. */
    public static final String OF_CANONICAL_LIST = "tasksSha256OfCanonicalList";
  }

  /**
   * @param file the task file (absolute), or null for a generated family
   * @param checksumOrSpec the file's CRC-32C, or the family's full spec
   */
  private SweepTasks(TaskSet tasks, Estimator estimator, Settings settings, String file,
      String checksumOrSpec, TasksDigest digest) {
    this.tasks = tasks;
    this.digest = digest;
    this.estimator = estimator;
    this.settings = settings;
    this.file = file;
    this.checksumOrSpec = checksumOrSpec;
    EstimatorMaps oracle;
    try {
      oracle = EstimatorMaps.of(tasks);
    } catch (IllegalArgumentException e) {
      throw new UserInputException((file != null ? file : checksumOrSpec) + ": " + e.getMessage(), e);
    }
    this.quadratic = oracle.tasks();
    EstimatorParameters base = switch (estimator) {
      case MAML, FOMAML -> EstimatorParameters.maml(0, 1);
      case HFMAML -> EstimatorParameters.hfMaml(0, settings.delta());
      case IMAML -> EstimatorParameters.imaml(settings.lambda());
      case MAML_PROX -> EstimatorParameters.mamlProx(settings.lambda(), settings.proxSteps(), settings.proxRate());
      case REPTILE, MOREAU -> throw new IllegalArgumentException(notSwept(estimator));
    };
    boolean usesSteps = estimator == Estimator.MAML || estimator == Estimator.FOMAML;
    this.maps = new EstimatorMapSource() {
      @Override
      public AffineGradientMap map(int steps, double alpha) {
        return oracle.map(estimator, parameters(steps, alpha));
      }

      @Override
      public boolean underflows(int steps, double alpha) {
        return oracle.adaptationUnderflows(estimator, parameters(steps, alpha));
      }

      private EstimatorParameters parameters(int steps, double alpha) {
        return usesSteps ? base.withAlpha(alpha).withSteps(steps) : base.withAlpha(alpha);
      }
    };
  }

  private static String notSwept(Estimator estimator) {
    return estimator.claimName() + " is not swept; heatmaps support maml, fomaml, hfmaml, imaml"
        + " and maml-prox";
  }

  /** Reads the tasks from a file or generates a family, and binds the estimator. */
  public static SweepTasks load(Path file, String family, String estimatorName, Settings settings) {
    Estimator estimator;
    try {
      estimator = Estimator.parse(estimatorName);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--estimator: " + e.getMessage()
          + " (stochastic estimators are not swept yet)");
    }
    if (estimator == Estimator.REPTILE || estimator == Estimator.MOREAU) {
      throw new UserInputException("--estimator: " + notSwept(estimator));
    }
    if ((estimator == Estimator.IMAML || estimator == Estimator.MAML_PROX)
        && !(settings.lambda() > 0 && Double.isFinite(settings.lambda()))) {
      throw new UserInputException("--lambda: " + estimator.displayName()
          + " needs a finite regulariser > 0, got " + settings.lambda());
    }
    if (file == null) {
      QuadraticFamily generator;
      try {
        generator = QuadraticFamily.parse(family);
      } catch (FamilySpecException e) {
        throw new UserInputException("--family: " + e.getMessage(), e);
      }
      TaskSet generated = generator.generate();
      return new SweepTasks(generated, estimator, settings, null, generator.toSpec(),
          canonicalDigest(generated));
    }
    TaskSet tasks;
    // the CRC and SHA-256 of the bytes parsed, in the same single read (a FIFO cannot be read twice)
    Sha256.WithCrc32c crc = new Sha256.WithCrc32c();
    try {
      tasks = StreamingTaskFile.read(file, crc);
    } catch (SweepInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    return new SweepTasks(tasks, estimator, settings, file.toAbsolutePath().normalize().toString(),
        crc.crc32cHex(), new TasksDigest(TasksDigest.OF_FILE_BYTES, crc.sha256Hex()));
  }

  /**
   * SHA-256 of the generated tasks written as a task file ({@link QuadraticTaskFile#toJson}, the
   * one writer of the task-file contract): equal tasks, equal digest, whatever spec made them.
   */
  private static TasksDigest canonicalDigest(TaskSet tasks) {
    try {
      return new TasksDigest(TasksDigest.OF_CANONICAL_LIST, Sha256.of(QuadraticTaskFile.toJson(tasks)));
    } catch (TaskFileException e) {
      throw new IllegalStateException("a generated quadratic family is a task file", e);
    }
  }

  /**
   * Checks that the estimator accepts its parameters at one grid point, so that a bad parameter
   * is a one-line error (exit 2) instead of a failure inside the parallel sweep.
   */
  public void checkParameters(int steps, double alpha) {
    try {
      maps.map(steps, alpha);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--estimator " + estimator.name().toLowerCase(Locale.ROOT)
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * The cell model: the exact affine iteration, or — with noise — the real sampling algorithm
   * (Ji2022 Alg. 1 for MAML, Fallah2020's one-step FO-/HF-MAML), classified with the exact expected
   * direction.
   */
  public CellModel cellModel(double[] start, ConvergenceCriterion criterion, Noise noise, int steps) {
    this.noise = noise;
    if (noise == null) {
      return new AffineCellModel(maps, start, criterion);
    }
    if (!quadratic.resampling()) {
      throw new UserInputException("--noise: stochastic sweeps need the resampling case"
          + " (each task's outer loss equal to its inner loss); the tasks have separate G/e");
    }
    if (estimator == Estimator.FOMAML && steps != 1) {
      throw new UserInputException("--noise: stochastic FO-MAML (Fallah2020 eq. (8)) takes one inner"
          + " step; got N = " + steps);
    }
    StochasticCellModel.EstimatorFactory factory = switch (estimator) {
      case MAML -> (n, alpha) -> new ResamplingMaml(noisyTasks(noise), alpha, n,
          noise.innerBatch(), noise.hessianBatch(), noise.outerBatch());
      case FOMAML -> (n, alpha) -> new OneStepStochasticMaml(noisyTasks(noise), alpha,
          OneStepStochasticMaml.Variant.FIRST_ORDER, noise.innerBatch(), noise.outerBatch(),
          noise.hessianBatch(), null);
      case HFMAML -> (n, alpha) -> new OneStepStochasticMaml(noisyTasks(noise), alpha,
          OneStepStochasticMaml.Variant.HESSIAN_FREE, noise.innerBatch(), noise.outerBatch(),
          noise.hessianBatch(), new FiniteDifferenceStep.Fixed(settings.delta()));
      default -> throw new UserInputException("--noise: no stochastic version of "
          + estimator.displayName() + " is available; use maml, fomaml or hfmaml");
    };
    try {
      factory.create(steps, 0.0);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--noise/--batches: " + e.getMessage(), e);
    }
    TaskBatching batching = noise.taskBatch() <= 0 ? TaskBatching.full() : TaskBatching.sampled(noise.taskBatch());
    String algorithm = switch (estimator) {
      case MAML -> "Ji2022 Algorithm 1 (resampling MAML, N inner SGD steps)";
      case FOMAML -> "Fallah2020 eq. (8) (stochastic FO-MAML)";
      default -> "Fallah2020 eqs. (10)-(11) (stochastic HF-MAML, delta = " + settings.delta() + ")";
    };
    String description = "stochastic: " + algorithm + " with additive Gaussian noise sigma_g = "
        + noise.gradientNoise() + ", sigma_H = " + noise.hessianNoise() + " (Frobenius), batches S = "
        + noise.innerBatch() + ", D = " + noise.hessianBatch() + ", T = " + noise.outerBatch()
        + ", " + (noise.taskBatch() <= 0 ? "all tasks weighted by p_i" : "B = " + noise.taskBatch()
        + " tasks drawn from p") + " per outer step, constant beta; one Well19937c per cell seeded"
        + " with the cell seed; classified with the exact expected direction";
    return new StochasticCellModel(factory, maps, batching, start, criterion, description);
  }

  /** A fresh stochastic task set (its oracles hold scratch: one per thread). */
  private StochasticTaskSet noisyTasks(Noise noise) {
    List<StochasticOracle> oracles = new ArrayList<>();
    double[] weights = new double[tasks.size()];
    for (int i = 0; i < tasks.size(); i++) {
      oracles.add(new AdditiveGaussianNoise(tasks.get(i).inner(), noise.gradientNoise(), noise.hessianNoise()));
      weights[i] = tasks.get(i).weight();
    }
    return new StochasticTaskSet(oracles, weights);
  }

  /** The SHA-256 of the tasks, for the sweep's identity. */
  public TasksDigest tasksDigest() {
    return digest;
  }

  /** The noise of a stochastic sweep, or null for an exact one (set by {@link #cellModel}). */
  public Noise noise() {
    return noise;
  }

  public TaskSet tasks() {
    return tasks;
  }

  /** The estimator's hyper-parameters besides α and N. */
  public Settings settings() {
    return settings;
  }

  public Estimator estimator() {
    return estimator;
  }

  /** True when the update map depends on α (not so for iMAML and MAML-prox). */
  public boolean dependsOnAlpha() {
    return estimator != Estimator.IMAML && estimator != Estimator.MAML_PROX;
  }

  /** True when the estimator takes N inner GD steps with step α (MAML, FO-MAML). */
  public boolean hasInnerSteps() {
    return estimator == Estimator.MAML || estimator == Estimator.FOMAML;
  }

  public int dimension() {
    return tasks.dimension();
  }

  public EstimatorMapSource maps() {
    return maps;
  }

  public String displayName() {
    String name = switch (estimator) {
      case MAML -> "exact MAML";
      case IMAML -> "iMAML (λ = " + settings.lambda() + ")";
      case MAML_PROX -> "MAML-prox (λ = " + settings.lambda() + ", K = " + settings.proxSteps()
          + ", η = " + settings.proxRate() + ")";
      case HFMAML -> "HF-MAML (δ = " + settings.delta() + ")";
      default -> estimator.displayName();
    };
    if (noise == null) {
      return name;
    }
    return "stochastic " + (estimator == Estimator.MAML ? "MAML" : name) + " (σ_g = "
        + noise.gradientNoise() + ", σ_H = " + noise.hessianNoise() + ", S,D,T = "
        + noise.innerBatch() + "," + noise.hessianBatch() + "," + noise.outerBatch()
        + (noise.taskBatch() > 0 ? ", B = " + noise.taskBatch() : "") + ")";
  }

  /** True in stochastic mode. */
  public boolean stochastic() {
    return noise != null;
  }

  /** Eigenvalues of every task's inner Hessian, pooled. */
  public double[] innerEigenvalues() {
    int d = quadratic.dimension();
    double[] all = new double[quadratic.size() * d];
    for (int i = 0; i < quadratic.size(); i++) {
      System.arraycopy(quadratic.innerEigenvalues(i), 0, all, i * d, d);
    }
    return all;
  }

  /**
   * The exact constants the registry's formulas refer to: {@code L} (largest |eigenvalue| of every
   * inner and outer Hessian), {@code mu} (smallest inner eigenvalue), {@code rho = 0}, {@code d},
   * {@code m}.
   */
  public java.util.Map<String, Double> constants() {
    double mu = Double.POSITIVE_INFINITY;
    for (double e : innerEigenvalues()) {
      mu = Math.min(mu, e);
    }
    java.util.Map<String, Double> c = new java.util.TreeMap<>();
    c.put("L", smoothness());
    c.put("mu", mu);
    c.put("rho", 0.0);
    c.put("d", (double) quadratic.dimension());
    c.put("m", (double) quadratic.size());
    return c;
  }

  /** {@code L = max_i ‖H_i‖₂} over inner and outer Hessians (exact on quadratic tasks). */
  public double smoothness() {
    double l = 0;
    int d = quadratic.dimension();
    for (int i = 0; i < quadratic.size(); i++) {
      for (double[] h : new double[][] {quadratic.innerHessian(i), quadratic.outerHessian(i)}) {
        double[] eig = SymmetricEigenvalues.of(h, d);
        l = Math.max(l, Math.max(Math.abs(eig[0]), Math.abs(eig[d - 1])));
      }
    }
    return l;
  }

  /** The task source for the sidecar. */
  public JsonObject describe() {
    JsonObject o = new JsonObject();
    if (file != null) {
      o.put("file", file);
      o.put("crc32c", checksumOrSpec);
    } else {
      o.put("family", checksumOrSpec);
    }
    o.put("count", tasks.size());
    o.put("dimension", tasks.dimension());
    o.put("resampling", quadratic.resampling());
    o.put("L", smoothness());
    return o;
  }
}
