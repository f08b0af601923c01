package io.metabound.reports.claims;

import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.ParameterRange;
import io.metabound.experiments.check.QuadraticDomain;
import io.metabound.experiments.check.QuadraticInstanceConstants;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The instance family a claim speaks of: quadratic tasks {@code ½(w − c)ᵀH(w − c)} with a range of
 * dimensions, task counts and Hessian eigenvalues (negative eigenvalues give non-convex tasks), and
 * optionally a separate outer (test) loss per task (Ji2022's finite-sum case).
 *
 * <p>The constants an instance provides to bounds and parameter ranges are exact: {@code L} (the
 * largest |eigenvalue| of every inner and outer Hessian), {@code mu} (the smallest inner
 * eigenvalue), {@code kappa = L/mu} (when {@code mu > 0}), {@code rho = 0}, {@code d}, {@code m}.
 *
 * @param type the family type; {@code quadratic} is the one supported
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
public record ClaimFamily(
    String type,
    int minDimension,
    int maxDimension,
    int minTasks,
    int maxTasks,
    double minEigenvalue,
    double maxEigenvalue,
    double centreRadius,
    boolean rotations,
    boolean separateOuterLoss) {

  /** The family types a claims file may name. */
  public static final Set<String> TYPES = Set.of("quadratic");

  /** The constants an instance of this family binds, by name. */
  public static final Set<String> CONSTANTS = Set.of("L", "mu", "kappa", "rho", "d", "m");

  /** The exact constants of an instance (see the class documentation). */
  public static Map<String, Double> constants(Instance instance) {
    Map<String, Double> c = new TreeMap<>(QuadraticInstanceConstants.of(instance.tasks()));
    double mu = c.get("mu");
    // outside strong convexity kappa is undefined: NaN puts a bound that uses it out of scope
    c.put("kappa", mu > 0 ? c.get("L") / mu : Double.NaN);
    return c;
  }

  /** The search domain of a claim over this family, with its parameter ranges. */
  public QuadraticDomain domain(String name, List<ParameterRange> parameters) {
    QuadraticDomain.Builder b =
        QuadraticDomain.builder(name)
            .dimensions(minDimension, maxDimension)
            .taskCounts(minTasks, maxTasks)
            .eigenvalues(minEigenvalue, maxEigenvalue)
            .centreRadius(centreRadius)
            .rotations(rotations)
            .separateOuterLoss(separateOuterLoss);
    for (ParameterRange p : parameters) {
      b.parameter(p);
    }
    return b.build();
  }
}
