package io.metabound.experiments.check;

import io.metabound.experiments.probe.Probe;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A second search of a registry check, on a family of tasks that satisfies every hypothesis of the
 * result and on which the measured side is not the bound's formula.
 *
 * <p>Why: on quadratic tasks several inner-path lemmas (Ji, Yang and Liang 2022, Lemmas 11–14) are
 * a maximum over the spectrum of the very function the bound evaluates at {@code −L}, and their
 * ratio 1 is attained only by an eigenvalue {@code −L}, a task that is unbounded below and so
 * outside the paper's class. The class search measures the same quantity on bounded-below tasks
 * with curvature down to {@code −L}, where the value comes from iterating the algorithm, and its
 * ratio is reported beside the quadratic one.
 *
 * @param family the family's name in reports ("separable cosine", …)
 * @param why why this family is in the result's class and what it exercises
 * @param domain where to search
 * @param constants the exact constants of an instance of the family
 * @param probe the probe on this family, or null for the plan's own
 */
public record ClassSearch(
    String family,
    String why,
    InstanceDomain domain,
    Function<Instance, Map<String, Double>> constants,
    Probe probe) {

  public ClassSearch {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(constants, "constants");
  }
}
