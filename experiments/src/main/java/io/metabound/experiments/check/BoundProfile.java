package io.metabound.experiments.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A bound seen along one parameter: the check evaluated on one instance (normally its instance of
 * largest ratio) with the profiled parameter moved across its range, everything else fixed.
 *
 * <p>Each point carries the theoretical value, the measurement (with its interval) and the oriented
 * ratio; out-of-scope points are kept with verdict OUT_OF_SCOPE and NaN values so the curve shows
 * where the theorem stops applying. Deterministic: the instance's seed is kept at every point.
 *
 * @param boundId the bound
 * @param parameter the profiled parameter
 * @param instance the instance the profile was drawn on
 * @param points the points in increasing parameter order
 */
public record BoundProfile(
    String boundId, String parameter, Instance instance, List<BoundProfile.Point> points) {

  /**
   * One point of the profile.
   *
   * @param value the parameter's value
   * @param theoretical the bound there (NaN when out of scope)
   * @param empirical the measured quantity (NaN when out of scope)
   * @param lower lower end of the measurement's interval
   * @param upper upper end of the measurement's interval
   * @param ratio the oriented ratio (≤ 1 holds)
   * @param verdict the verdict there
   */
  public record Point(
      double value,
      double theoretical,
      double empirical,
      double lower,
      double upper,
      double ratio,
      Verdict verdict) {}

  public BoundProfile {
    points = List.copyOf(points);
  }

  /**
   * Draws the profile.
   *
   * @param check the check
   * @param profile the parameter and its range
   * @param constants the constants of an instance (the plan's), for ranges such as {@code [0, 1/L]}
   * @param instance the instance to move along
   * @param settings the suite's settings (the check's tuning applies)
   */
  public static BoundProfile draw(
      BoundCheck check,
      Profile profile,
      Function<Instance, Map<String, Double>> constants,
      Instance instance,
      CheckSettings settings) {
    Map<String, Double> values = new TreeMap<>(constants.apply(instance));
    values.putAll(instance.parameters());
    LinkedHashSet<Double> grid = new LinkedHashSet<>();
    for (int k = 0; k < profile.points(); k++) {
      grid.add(profile.range().decode(k / (double) (profile.points() - 1), values));
    }
    List<Double> sorted = new ArrayList<>(grid);
    sorted.sort(Double::compare);
    List<Point> points = new ArrayList<>();
    for (double v : sorted) {
      CheckResult r = check.evaluate(instance.withParameter(profile.parameter(), v), settings);
      if (r.verdict() == Verdict.OUT_OF_SCOPE) {
        points.add(
            new Point(v, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, r.verdict()));
      } else {
        points.add(
            new Point(
                v, r.theoretical(), r.empirical(), r.lower(), r.upper(), r.ratio(), r.verdict()));
      }
    }
    return new BoundProfile(check.boundId(), profile.parameter(), instance, points);
  }
}
