package io.metabound.experiments.measure;

import io.metabound.experiments.measure.MeasureExpression.Call;
import io.metabound.experiments.measure.MeasureExpression.Symbol;
import io.metabound.experiments.measure.VocabularyEntry.Kind;
import io.metabound.experiments.oracle.Estimator;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a measure needs from a claim, computed from its tree alone: the estimators it uses, the
 * parameter names it reads (as symbols, and through every estimator it uses: {@code
 * meta_hessian(maml)} reads {@code alpha} and {@code N}), whether it uses the point {@code w}, and
 * which instance constants it uses. A name bound by an enclosing {@code argmin}/{@code argmax} is
 * not read from the claim ({@code argmin(meta_objective(maml, origin), alpha, -1, 1)} reads {@code
 * N} but not {@code alpha}). Parameters with a default ({@code N}, {@code delta}) count as read: a
 * claim may declare them. A claim that declares a parameter outside {@link #parameters()} declares
 * one nothing reads.
 *
 * <p>{@code sigma} is evaluated at {@code w} when the claim declares a point and at the origin
 * otherwise; it does not by itself make {@link #usesPoint()} true.
 *
 * @param estimators the estimators named in estimator positions
 * @param parameters the parameter names read from the claim, sorted
 * @param usesPoint true when the symbol {@code w} occurs
 * @param constants the instance constants used, sorted
 */
public record MeasureRequirements(
    Set<Estimator> estimators, Set<String> parameters, boolean usesPoint, Set<String> constants) {

  public MeasureRequirements {
    estimators =
        Collections.unmodifiableSet(
            estimators.isEmpty() ? EnumSet.noneOf(Estimator.class) : EnumSet.copyOf(estimators));
    parameters = Collections.unmodifiableSet(new TreeSet<>(parameters));
    constants = Collections.unmodifiableSet(new TreeSet<>(constants));
  }

  /** The requirements with the quadratic family's constants ({@link Vocabulary}). */
  public static MeasureRequirements of(MeasureExpression measure) {
    return of(measure, Vocabulary.instanceConstants());
  }

  /** The requirements, with {@code constantNames} the instance constants of the claim's family. */
  public static MeasureRequirements of(MeasureExpression measure, Set<String> constantNames) {
    Collector collector = new Collector(constantNames);
    collector.visit(measure, Set.of());
    return new MeasureRequirements(
        collector.estimators, collector.parameters, collector.usesPoint, collector.constants);
  }

  /** The parameters read that have no default (a claim must declare or bind them). */
  public Set<String> requiredParameters() {
    Set<String> required = new TreeSet<>();
    for (String p : parameters) {
      if (Estimator.parameterDefault(p).isEmpty()) {
        required.add(p);
      }
    }
    return Collections.unmodifiableSet(required);
  }

  private static final class Collector {
    final Set<String> constantNames;
    final Set<Estimator> estimators = EnumSet.noneOf(Estimator.class);
    final Set<String> parameters = new HashSet<>();
    final Set<String> constants = new HashSet<>();
    boolean usesPoint;

    Collector(Set<String> constantNames) {
      this.constantNames = constantNames;
    }

    void visit(MeasureExpression node, Set<String> bound) {
      if (node instanceof Symbol symbol) {
        symbol(symbol.name(), bound);
        return;
      }
      if (!(node instanceof Call call)) {
        for (MeasureExpression child : node.children()) {
          visit(child, bound);
        }
        return;
      }
      Optional<VocabularyEntry> entry = Vocabulary.function(call.function());
      List<MeasureExpression> arguments = call.arguments();
      if (entry.isEmpty()) {
        arguments.forEach(a -> visit(a, bound));
        return;
      }
      List<ArgumentKind> kinds = entry.get().arguments();
      Set<String> inner = bound;
      if (entry.get().kind() == Kind.SEARCH
          && arguments.size() > 1
          && arguments.get(1) instanceof Symbol parameter) {
        inner = new HashSet<>(bound);
        inner.add(parameter.name());
      }
      for (int i = 0; i < arguments.size(); i++) {
        ArgumentKind kind = kinds.get(Math.min(i, kinds.size() - 1));
        MeasureExpression argument = arguments.get(i);
        if (kind == ArgumentKind.PARAMETER) {
          continue;
        }
        if (kind == ArgumentKind.ESTIMATOR && argument instanceof Symbol name) {
          Optional<Estimator> estimator = Vocabulary.estimator(name.name());
          if (estimator.isPresent()) {
            estimators.add(estimator.get());
            for (String p : estimator.get().parameters()) {
              if (!bound.contains(p)) {
                parameters.add(p);
              }
            }
            continue;
          }
        }
        visit(argument, entry.get().kind() == Kind.SEARCH && i == 0 ? inner : bound);
      }
    }

    void symbol(String name, Set<String> bound) {
      if (bound.contains(name)) {
        return;
      }
      Optional<VocabularyEntry> entry = Vocabulary.symbol(name);
      if (name.equals("w")) {
        usesPoint = true;
      } else if (constantNames.contains(name)) {
        constants.add(name);
      } else if (entry.isEmpty()
          && Vocabulary.estimator(name).isEmpty()
          && Vocabulary.function(name).isEmpty()) {
        parameters.add(name);
      }
    }
  }
}
