package io.metabound.experiments.measure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the measure {@link Vocabulary}: a primitive, function, estimator or instance symbol.
 *
 * @param name the name as written in a measure
 * @param kind what it is
 * @param arguments the argument kinds of a call (empty for symbols and estimators)
 * @param variadic true when the last argument kind repeats (min, max: two or more scalars)
 * @param type the value type of a call or symbol; null for an estimator
 * @param meaning what it computes, with the formula
 * @param parameters the claim-level parameters an estimator reads (empty otherwise)
 * @param defaults the defaults of those parameters that have one
 * @param example one claim that checks it, with the verdict it must get
 */
public record VocabularyEntry(
    String name,
    Kind kind,
    List<ArgumentKind> arguments,
    boolean variadic,
    MeasureType type,
    String meaning,
    List<String> parameters,
    Map<String, Double> defaults,
    Example example) {

  /** The kinds of entry. */
  public enum Kind {
    /** An exact primitive of the instance seen through an estimator or of its task data. */
    PRIMITIVE,
    /** Linear algebra on vectors and matrices. */
    FUNCTION,
    /** A function of scalars with the bounds language's meaning. */
    SCALAR_FUNCTION,
    /** A search over one parameter: argmin, argmax. */
    SEARCH,
    /** An estimator name, an argument of the primitives. */
    ESTIMATOR,
    /** A symbol of the instance: constants, w, identity, origin. */
    INSTANCE_SYMBOL
  }

  /**
   * A claim that uses the entry, as a claims file would state it, with the verdict a correct engine
   * must return on it.
   *
   * @param measure the measured side, in the measure language
   * @param relation {@code <=} or {@code >=}
   * @param bound the bound, in the plain syntax of the bounds language
   * @param family the instance family, as a claims-file flow mapping
   * @param params the claim's params, as a claims-file flow mapping ({@code {}} for none)
   * @param pointRadius when the measure uses {@code w}: the claim's point ranges over {@code [−r,
   *     r]^d}; 0 when it declares no point
   * @param verdict HOLDS or VIOLATED
   */
  public record Example(
      String measure,
      String relation,
      String bound,
      String family,
      String params,
      double pointRadius,
      String verdict) {}

  public VocabularyEntry {
    arguments = List.copyOf(arguments);
    parameters = List.copyOf(parameters);
    defaults = Map.copyOf(defaults);
  }

  /** E.g. {@code meta_gradient(estimator, vector) -> vector}, {@code L: scalar}, {@code maml}. */
  public String signature() {
    return switch (kind) {
      case ESTIMATOR -> name + ": estimator reading " + String.join(", ", parameters);
      case INSTANCE_SYMBOL -> name + ": " + type.label();
      default ->
          name
              + arguments.stream()
                  .map(ArgumentKind::label)
                  .collect(Collectors.joining(", ", "(", variadic ? ", ...)" : ")"))
              + " -> "
              + type.label();
    };
  }
}
