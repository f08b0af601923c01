package io.metabound.reports.claims;

import io.metabound.experiments.measure.MeasureContext;
import io.metabound.experiments.measure.MeasureExpression;
import io.metabound.experiments.measure.MeasureParseException;
import io.metabound.experiments.measure.MeasureParser;
import io.metabound.experiments.measure.MeasureProblem;
import io.metabound.experiments.measure.MeasureRequirements;
import io.metabound.experiments.measure.MeasureValidator;
import io.metabound.experiments.oracle.Estimator;
import io.metabound.experiments.probe.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims' side of the measure language ({@code io.metabound.experiments.measure}): validating a
 * claim's {@code measure}, the probe that evaluates it, and the catalogue quantities that are
 * measure expressions in disguise.
 */
final class MeasureClaims {

  private MeasureClaims() {}

  /**
   * Every problem of a measure at once: syntax, unknown names, wrong types, estimator parameters
   * that are not declared and have no default.
   *
   * @param text the measure as written
   * @param parameters the claim's declared parameters
   * @param family the claim's family (its constants)
   * @param point true when the claim declares a point {@code w}
   * @return one line per problem, with its column; empty when the measure is valid
   */
  static List<String> problems(
      String text, Set<String> parameters, ClaimFamily family, boolean point) {
    MeasureExpression measure;
    try {
      measure = MeasureParser.parse(text);
    } catch (MeasureParseException e) {
      return List.of(e.getMessage() + " in '" + text + "'");
    }
    List<String> out = new ArrayList<>();
    for (MeasureProblem p :
        MeasureValidator.validate(measure, new MeasureContext(parameters, constants(family), point))) {
      out.add("column " + p.column() + ": " + p.message());
    }
    return out;
  }

  /** The names a family's instances bind for a measure: its constants and {@code sigma}. */
  static Set<String> constants(ClaimFamily family) {
    Set<String> names = new TreeSet<>(family.constants());
    names.add("sigma");
    return names;
  }

  /** The probe evaluating a (valid) measure on the claim's family. */
  static MeasureProbe probe(String text, Claim claim) {
    MeasureExpression measure = MeasureParser.parse(text);
    return new MeasureProbe(
        measure,
        text,
        claim.family(),
        MeasureRequirements.of(measure, constants(claim.family())));
  }

  /**
   * A catalogue quantity that is a measure of the estimator: the meta-smoothness is {@code
   * opnorm(meta_hessian(E))} (the exact Lipschitz constant of the affine direction on quadratic
   * instances, as the catalogue's probe computes it) and the β-threshold {@code beta_threshold(E)}.
   * Routing them through the measure engine gives them every estimator with N steps, negative
   * step sizes, extended-precision confirmation and a parameter-use check.
   */
  static Optional<String> quantityAsMeasure(String quantity, String estimator) {
    Estimator e;
    try {
      e = Estimator.parse(estimator);
    } catch (IllegalArgumentException notAnExactEstimator) {
      return Optional.empty();
    }
    return switch (quantity) {
      case "meta-smoothness" -> Optional.of("opnorm(meta_hessian(" + e.claimName() + "))");
      case "beta-threshold" -> Optional.of("beta_threshold(" + e.claimName() + ")");
      default -> Optional.empty();
    };
  }

  /** The parameters a probe reads, when it says so statically (a measure does). */
  static Optional<Set<String>> parametersRead(Probe probe) {
    return probe instanceof MeasureProbe m
        ? Optional.of(m.requirements().parameters())
        : Optional.empty();
  }
}
