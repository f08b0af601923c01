package io.metabound.experiments.oracle.field;

import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.oracle.EstimatorParameters;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;

/**
 * One instance seen through the estimators: what the measure primitives of a claim evaluate.
 * Every method is an exact closed form in the field {@code T}; a model that has none for a request
 * throws {@link NoClosedFormException} with the reason (never an approximation in disguise).
 *
 * <p>Implementations: quadratic task sets ({@code ½(w − c_i)ᵀH_i(w − c_i)}, optionally a separate
 * outer loss) and the expected reading of Gaussian linear regression.
 *
 * @param <T> the field
 */
public interface ExactModel<T extends CalculusFieldElement<T>> {

  Field<T> field();

  int dimension();

  int taskCount();

  /**
   * The estimator's update direction {@code g(w) = A w − b} (for MAML the meta-gradient {@code
   * ∇F}; for Reptile {@code w − u_N}; for the Moreau envelope {@code λ(w − u*)}).
   *
   * @throws NoClosedFormException when the model has no exact form of it
   * @throws IllegalArgumentException naming the parameter when one is out of its range
   */
  FieldAffineMap<T> direction(Estimator estimator, EstimatorParameters parameters);

  /**
   * The estimator's meta-objective as a quadratic in {@code w}.
   *
   * @throws NoClosedFormException when the estimator has no objective (FO-MAML, Reptile) or the
   *     model has no exact form of it
   */
  FieldQuadraticObjective<T> objective(Estimator estimator, EstimatorParameters parameters);

  /** Inner (train) Hessian of task {@code i} (0-based). */
  T[][] taskHessian(int i);

  /** Minimiser (centre) of the inner loss of task {@code i} (0-based). */
  T[] taskOptimum(int i);

  /**
   * The expected loss on a fresh task of the family after the estimator's inner adaptation from
   * {@code w}.
   *
   * @throws NoClosedFormException when the model defines no fresh-task distribution or has no
   *     closed form for it
   */
  default T adaptedTestLoss(Estimator estimator, EstimatorParameters parameters, T[] w) {
    throw new NoClosedFormException(
        "adapted_test_loss needs a family with a task distribution (type: linear-regression)");
  }
}
