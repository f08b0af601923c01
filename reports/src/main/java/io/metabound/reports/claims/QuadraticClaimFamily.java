package io.metabound.reports.claims;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.InstanceDomain;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import io.metabound.experiments.measure.InstanceConstants;
import io.metabound.experiments.oracle.field.QuadraticExactModel;
import java.util.List;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import java.util.Map;
import java.util.Set;

/**
 * Quadratic tasks {@code ½(w − c)ᵀH(w − c)} with a range of dimensions, task counts and Hessian
 * eigenvalues (negative eigenvalues give non-convex tasks), and optionally a separate outer (test)
 * loss per task (Ji2022's finite-sum case).
 *
 * <p>The constants an instance provides to bounds and parameter ranges are exact: {@code L} (the
 * largest |eigenvalue| of every inner and outer Hessian), {@code mu} (the smallest inner
 * eigenvalue), {@code kappa = L/mu} (when {@code mu > 0}), {@code rho = 0}, {@code d}, {@code m}.
 *
 * @param minDimension smallest dimension d
 * @param maxDimension largest dimension d
 * @param minTasks smallest number of tasks m
 * @param maxTasks largest number of tasks m
 * @param minEigenvalue smallest Hessian eigenvalue
 * @param maxEigenvalue largest Hessian eigenvalue
 * @param centreRadius largest |coordinate| of a task's centre
 * @param rotations true for rotated (non-diagonal) Hessians
 * @param separateOuterLoss true for a separate test loss per task
 */
public record QuadraticClaimFamily(
    int minDimension,
    int maxDimension,
    int minTasks,
    int maxTasks,
    double minEigenvalue,
    double maxEigenvalue,
    double centreRadius,
    boolean rotations,
    boolean separateOuterLoss)
    implements ClaimFamily {

  /** The family type a claims file names. */
  public static final String TYPE = "quadratic";

  private static final Set<String> CONSTANTS =
      Set.of("L", "mu", "kappa", "rho", "d", "m", "sigma");

  /** Constants a parameter range may use (kappa is not: it is undefined off strong convexity). */
  private static final Set<String> RANGE_CONSTANTS = Set.of("L", "mu", "rho", "d", "m");

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> constants() {
    return CONSTANTS;
  }

  @Override
  public Set<String> rangeConstants() {
    return RANGE_CONSTANTS;
  }

  @Override
  public Map<String, Double> constants(Instance instance) {
    return exactConstants(instance);
  }

  /**
   * The exact constants of a quadratic instance (see the class documentation), with {@code sigma}
   * the spread of the tasks' outer gradients at the instance's point {@code w} (the origin when it
   * has none).
   */
  public static Map<String, Double> exactConstants(Instance instance) {
    return ClaimFamily.withDerivedConstants(QuadraticInstanceConstants.of(instance.tasks()), instance);
  }

  @Override
  public <T extends CalculusFieldElement<T>> Measurable<T> measurable(
      Instance instance, Field<T> field, T[] point) {
    QuadraticExactModel<T> model = QuadraticExactModel.of(field, instance.tasks());
    return new Measurable<>(model, InstanceConstants.of(model, point));
  }



  @Override
  public InstanceDomain domain(
      String name, List<ParameterRange> parameters, Claim.PointSpec point) {
    QuadraticDomain.Builder b =
        QuadraticDomain.builder(name)
            .dimensions(minDimension, maxDimension)
            .taskCounts(minTasks, maxTasks)
            .eigenvalues(minEigenvalue, maxEigenvalue)
            .centreRadius(centreRadius)
            .rotations(rotations)
            .separateOuterLoss(separateOuterLoss);
    if (point != null) {
      b.vector("w", point.radius());
    }
    for (ParameterRange p : parameters) {
      b.parameter(p);
    }
    return b.build();
  }
}
