package io.metabound.experiments.scaling;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.Seeds;
import io.metabound.experiments.probe.Measurement;
import io.metabound.experiments.probe.MeasurementSettings;
import io.metabound.experiments.probe.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.Function;

/**
 * A scaling check of an upper bound {@code y ≤ B(x)}: where the bound's constant is far from
 * attainable (so that the usual ratio check cannot fail in an informative way), the
 * <em>shape</em> is checked instead: the log-log slope of the measured {@code y} along a geometric
 * sequence of the variable {@code x}, on one fixed instance, against the slope of the registry
 * formula {@code B} evaluated at the same instances (so the exponent is derived, never retyped).
 *
 * <p>If {@code y ∝ x^a} and {@code B ∝ x^b} on the sequence, {@code y/B ∝ x^{a−b}}: in the
 * bound's {@link Regime} the ratio stays bounded exactly when {@code a} is on the favourable side
 * of {@code b}. The measured slope is fitted with a confidence interval ({@link SlopeFit}: exact
 * values by least squares with the residual variance, Monte Carlo means by weighted least squares
 * with their standard errors) and judged by {@link Regime#judge}. The constant gap is the largest
 * {@code y_i / B_i}.
 *
 * <p>Each point's instance gets its own seed {@code Seeds.derive(seed, i)}, so the Monte Carlo
 * errors of different points are independent (the fit's assumption) and the same seed gives
 * identical numbers. Every point must lie in the bound's hypotheses (its checkable assumptions hold
 * on the bindings), and a Monte Carlo point must be resolved (relative standard error below {@link
 * #MAX_RELATIVE_ERROR}); otherwise {@link #run} throws, naming the point.
 *
 * <p>The {@linkplain #negativeControl() negative control} is the same check against a bound whose
 * exponent claims a faster rate by {@link #controlShift()} (the formula multiplied by {@code
 * x^{±shift}}, the sign from the regime): it must come out VIOLATED, which shows that the check can
 * fail.
 */
public final class ScalingCheck {

  /** Largest relative standard error of a Monte Carlo point (above it the point is unresolved). */
  public static final double MAX_RELATIVE_ERROR = 0.3;

  /** Two-sided level of the slope intervals. */
  public static final double LEVEL = 0.99;

  private final String boundId;
  private final String variable;
  private final double[] values;
  private final Regime regime;
  private final DoubleFunction<Instance> instanceAt;
  private final Probe probe;
  private final Function<Instance, Map<String, Double>> constants;
  private final int samples;
  private final double controlShift;
  private final double exponentShift;

  /**
   * @param boundId a registry id ({@link BoundRegistry#find})
   * @param variable the scaling variable: an instance parameter
   * @param values a geometric sequence of at least 5 values spanning at least a factor 10
   * @param regime where the bound's rate is read
   * @param instanceAt the fixed instance with the variable set to a value (its seed is replaced)
   * @param probe measures the bound's quantity
   * @param constants the constants of an instance (the plan's), the instance parameters added on
   *     top
   * @param samples Monte Carlo samples (runs) per point; ignored by exact probes
   * @param controlShift the exponent shift of the negative control, {@code > 0}
   */
  public ScalingCheck(
      String boundId,
      String variable,
      double[] values,
      Regime regime,
      DoubleFunction<Instance> instanceAt,
      Probe probe,
      Function<Instance, Map<String, Double>> constants,
      int samples,
      double controlShift) {
    BoundRegistry.find(boundId)
        .orElseThrow(() -> new IllegalArgumentException("no registered bound '" + boundId + "'"));
    if (values.length < 5) {
      throw new IllegalArgumentException(boundId + ": need >= 5 values, got " + values.length);
    }
    double q = values[1] / values[0];
    for (int i = 1; i < values.length; i++) {
      if (!(values[i - 1] > 0) || Math.abs(values[i] / values[i - 1] / q - 1) > 1e-9 || q == 1) {
        throw new IllegalArgumentException(boundId + ": values are not a geometric sequence");
      }
    }
    double span = Math.max(values[0], values[values.length - 1])
        / Math.min(values[0], values[values.length - 1]);
    if (span < 10 * (1 - 1e-12)) {
      throw new IllegalArgumentException(boundId + ": values span " + span + " < one decade");
    }
    if (!(controlShift > 0) || samples < 2) {
      throw new IllegalArgumentException(boundId + ": controlShift > 0 and samples >= 2 needed");
    }
    this.boundId = boundId;
    this.variable = variable;
    this.values = values.clone();
    this.regime = regime;
    this.instanceAt = instanceAt;
    this.probe = probe;
    this.constants = constants;
    this.samples = samples;
    this.controlShift = controlShift;
    this.exponentShift = 0;
  }

  /** A copy of {@code base} against its bound times {@code x^shift}. */
  private ScalingCheck(ScalingCheck base, double shift) {
    this.boundId = base.boundId;
    this.variable = base.variable;
    this.values = base.values;
    this.regime = base.regime;
    this.instanceAt = base.instanceAt;
    this.probe = base.probe;
    this.constants = base.constants;
    this.samples = base.samples;
    this.controlShift = base.controlShift;
    this.exponentShift = shift;
  }

  public String boundId() {
    return boundId;
  }

  public String variable() {
    return variable;
  }

  public double[] values() {
    return values.clone();
  }

  public Regime regime() {
    return regime;
  }

  public double controlShift() {
    return controlShift;
  }

  /** The shift of the bound's exponent this check applies (0, except for negative controls). */
  public double exponentShift() {
    return exponentShift;
  }

  /** The instance at one value of the variable (with the instance's own seed). */
  public Instance instance(double x) {
    return instanceAt.apply(x);
  }

  /**
   * The same check against the bound times {@code x^{faster · controlShift}}: a bound claiming a
   * faster rate than the registry's in the check's regime.
   */
  public ScalingCheck negativeControl() {
    return withExponentShift(regime.faster() * controlShift);
  }

  /** The same check against the registry formula times {@code x^shift}. */
  public ScalingCheck withExponentShift(double shift) {
    return new ScalingCheck(this, shift);
  }

  /**
   * Measures every point, fits both slopes and judges.
   *
   * @param seed the master seed; point {@code i} is measured with {@code Seeds.derive(seed, i)}
   */
  public ScalingResult run(long seed) {
    Bound bound = BoundRegistry.find(boundId).orElseThrow();
    int n = values.length;
    double[] measured = new double[n];
    double[] errors = new double[n];
    double[] bounds = new double[n];
    boolean monteCarlo = false;
    List<ScalingPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instance instance = instanceAt.apply(values[i]).withSeed(Seeds.derive(seed, i));
      Measurement m = probe.measure(instance, new MeasurementSettings(LEVEL, samples));
      TreeMap<String, Double> bindings = new TreeMap<>(constants.apply(instance));
      bindings.putAll(instance.parameters());
      Bindings b = Bindings.of(bindings);
      List<Assumption> unmet = bound.violatedAssumptions(b);
      if (!unmet.isEmpty()) {
        throw new IllegalStateException(
            boundId + " at " + variable + " = " + values[i] + " is out of scope: " + unmet);
      }
      // B(x) · x^shift (shift ≠ 0 only for negative controls)
      bounds[i] = bound.evaluate(b) * Math.pow(values[i], exponentShift);
      measured[i] = m.value();
      errors[i] = m.isStochastic() ? m.standardError() : Double.NaN;
      if (m.isStochastic()) {
        monteCarlo = true;
        if (!(m.standardError() <= MAX_RELATIVE_ERROR * m.value())) {
          throw new IllegalStateException(
              boundId + " at " + variable + " = " + values[i] + " is not resolved: " + m);
        }
      } else if (!Double.isFinite(m.value())) {
        throw new IllegalStateException(
            boundId + " at " + variable + " = " + values[i] + " has no value: " + m);
      }
      points.add(new ScalingPoint(values[i], measured[i], errors[i], bounds[i]));
    }
    SlopeFit fit =
        monteCarlo
            ? SlopeFit.weighted(values, measured, errors, LEVEL)
            : SlopeFit.exact(values, measured, LEVEL);
    double boundSlope = SlopeFit.exact(values, bounds, LEVEL).slope();
    double gap = 0;
    for (ScalingPoint p : points) {
      gap = Math.max(gap, p.ratio());
    }
    return new ScalingResult(
        boundId,
        variable,
        regime,
        fit.slope(),
        fit.lower(),
        fit.upper(),
        LEVEL,
        boundSlope,
        regime.judge(fit.lower(), fit.upper(), boundSlope),
        gap,
        points,
        seed);
  }
}
