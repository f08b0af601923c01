package io.metabound.experiments.oracle;

import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskMemory;
import io.metabound.experiments.task.TaskSet;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A quadratic task set in the form the closed-form oracles use: probabilities {@code p_i}, inner
 * (support) losses {@code ½(w − c_i)ᵀH_i(w − c_i)}, outer (query) losses {@code ½(w − e_i)ᵀG_i(w −
 * e_i)} ({@code G_i = H_i}, {@code e_i = c_i} in the resampling case), and the eigen-decomposition
 * {@code H_i = Q_i diag(λ_i) Q_iᵀ} of every inner Hessian, computed once.
 *
 * <p>Why the eigenbasis: every adaptation map of the MAML family on a quadratic is a spectral
 * function of {@code H_i} ({@code (I − αH)^N}, {@code λ(H + λI)^{-1}}, the proximal GD recursion),
 * so with {@code Q_i} cached a map for a new α costs O(d²) per task for the diagonal response plus
 * one or two O(d³) basis changes, independent of N.
 *
 * <p>Immutable and thread-safe; arrays never leave the instance uncopied.
 */
public final class QuadraticTasks {

  private final int dimension;
  private final int size;
  private final double[] probability;
  private final double[][] innerHessian;
  private final double[][] innerCentre;
  private final double[][] outerHessian;
  private final double[][] outerCentre;

  /** {@code λ_i}, the eigenvalues of {@code H_i} (EJML order, not sorted). */
  final double[][] eigenvalues;

  /** {@code Q_i} row-major: column k is the eigenvector of {@code λ_{i,k}}. */
  final double[][] basis;

  /**
   * {@code X_i = Q_iᵀ G_i Q_i}; {@code null} when {@code G_i = H_i} (then {@code X_i = diag(λ_i)}).
   */
  final double[][] outerInBasis;

  /** {@code G_i Q_i} row-major. */
  final double[][] outerTimesBasis;

  /** {@code Q_iᵀ c_i}. */
  final double[][] innerCentreInBasis;

  /** {@code Q_iᵀ e_i}. */
  final double[][] outerCentreInBasis;

  private final boolean resampling;

  /**
   * Work ({@code m d³}) from which the tasks are prepared in parallel: below it the fork-join
   * overhead outweighs the gain (8 tasks in d = 10 stay sequential; 100 tasks in d = 50 do not).
   */
  private static final double PARALLEL_WORK = 2e5;

  private QuadraticTasks(TaskSet tasks) {
    dimension = tasks.dimension();
    size = tasks.size();
    TaskMemory.require(size, dimension, "the task set");
    int d = dimension;
    probability = new double[size];
    innerHessian = new double[size][];
    innerCentre = new double[size][];
    outerHessian = new double[size][];
    outerCentre = new double[size][];
    eigenvalues = new double[size][];
    basis = new double[size][];
    outerInBasis = new double[size][];
    outerTimesBasis = new double[size][];
    innerCentreInBasis = new double[size][];
    outerCentreInBasis = new double[size][];
    QuadraticLoss[] inners = new QuadraticLoss[size];
    QuadraticLoss[] outers = new QuadraticLoss[size];
    for (int i = 0; i < size; i++) {
      MetaTask t = tasks.get(i);
      inners[i] = quadratic(t.inner(), i, "inner");
      outers[i] = quadratic(t.outer(), i, "outer");
      probability[i] = tasks.probability(i);
    }
    // tasks are independent: large sets are decomposed on all cores (same results, in any order)
    IntStream indices = IntStream.range(0, size);
    if ((double) size * d * d * d >= PARALLEL_WORK) {
      indices = indices.parallel();
    }
    indices.forEach(i -> prepare(i, inners[i], outers[i]));
    boolean allSame = true;
    for (int i = 0; i < size; i++) {
      allSame &= Arrays.equals(innerHessian[i], outerHessian[i])
          && Arrays.equals(innerCentre[i], outerCentre[i]);
    }
    resampling = allSame;
  }

  /** Fills every cached array of task {@code i}; touches only index {@code i}. */
  private void prepare(int i, QuadraticLoss inner, QuadraticLoss outer) {
    int d = dimension;
    innerHessian[i] = symmetrised(inner.hessian(), d);
    innerCentre[i] = inner.centre();
    outerHessian[i] = symmetrised(outer.hessian(), d);
    outerCentre[i] = outer.centre();
    boolean sameHessian = Arrays.equals(innerHessian[i], outerHessian[i]);

    // H_i = Q_i diag(λ_i) Q_iᵀ
    DMatrixRMaj h = DMatrixRMaj.wrap(d, d, innerHessian[i].clone());
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(h)) {
      throw new ArithmeticException("task " + i + ": eigen-decomposition of H failed");
    }
    double[] lambda = new double[d];
    double[] q = new double[d * d];
    for (int k = 0; k < d; k++) {
      lambda[k] = eig.getEigenvalue(k).real;
      DMatrixRMaj v = eig.getEigenVector(k);
      for (int r = 0; r < d; r++) {
        q[r * d + k] = v.data[r];
      }
    }
    eigenvalues[i] = lambda;
    basis[i] = q;
    // G Q
    outerTimesBasis[i] = Dense.multiply(outerHessian[i], q, d);
    // X = Qᵀ (G Q), only needed when G ≠ H
    outerInBasis[i] =
        sameHessian ? null : Dense.symmetrise(Dense.transposeTimes(q, outerTimesBasis[i], d), d);
    innerCentreInBasis[i] = Dense.transposeApply(q, innerCentre[i], d);
    outerCentreInBasis[i] = Dense.transposeApply(q, outerCentre[i], d);
  }

  /**
   * Prepares a task set whose inner and outer losses are all {@link QuadraticLoss}.
   *
   * @throws IllegalArgumentException naming the first task whose loss is not quadratic
   */
  public static QuadraticTasks of(TaskSet tasks) {
    return new QuadraticTasks(tasks);
  }

  private static QuadraticLoss quadratic(Object loss, int i, String which) {
    if (loss instanceof QuadraticLoss q) {
      return q;
    }
    throw new IllegalArgumentException(
        "task "
            + i
            + ": the "
            + which
            + " loss is "
            + loss.getClass().getSimpleName()
            + "; the closed-form oracles need QuadraticLoss");
  }

  /**
   * {@code (H + Hᵀ)/2}: the task files admit asymmetry up to 1e-12 relative; an exactly symmetric
   * matrix is returned unchanged (bit for bit).
   */
  private static double[] symmetrised(double[] h, int d) {
    return Dense.symmetrise(h, d);
  }

  public int dimension() {
    return dimension;
  }

  public int size() {
    return size;
  }

  /** {@code p_i}. */
  public double probability(int i) {
    return probability[i];
  }

  /** {@code H_i} (row-major copy). */
  public double[] innerHessian(int i) {
    return innerHessian[i].clone();
  }

  /** {@code c_i} (copy). */
  public double[] innerCentre(int i) {
    return innerCentre[i].clone();
  }

  /** {@code G_i} (row-major copy). */
  public double[] outerHessian(int i) {
    return outerHessian[i].clone();
  }

  /** {@code e_i} (copy). */
  public double[] outerCentre(int i) {
    return outerCentre[i].clone();
  }

  /** The eigenvalues of {@code H_i}, ascending (copy). */
  public double[] innerEigenvalues(int i) {
    double[] copy = eigenvalues[i].clone();
    Arrays.sort(copy);
    return copy;
  }

  /** True when every task's outer loss equals its inner loss (Ji2022's resampling case). */
  public boolean resampling() {
    return resampling;
  }

  // package-private views without copying, for the oracles' hot loops
  double[] h(int i) {
    return innerHessian[i];
  }

  double[] c(int i) {
    return innerCentre[i];
  }

  double[] g(int i) {
    return outerHessian[i];
  }

  double[] e(int i) {
    return outerCentre[i];
  }
}
