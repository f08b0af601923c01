package io.metabound.experiments.measure;

import io.metabound.experiments.measure.MeasureExpression.Binary;
import io.metabound.experiments.measure.MeasureExpression.Call;
import io.metabound.experiments.measure.MeasureExpression.Literal;
import io.metabound.experiments.measure.MeasureExpression.Negation;
import io.metabound.experiments.measure.MeasureExpression.Operator;
import io.metabound.experiments.measure.MeasureExpression.Symbol;
import io.metabound.experiments.measure.VocabularyEntry.Kind;
import io.metabound.experiments.oracle.Estimator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Static checks of a measure against the names a claim declares, before anything is evaluated:
 * unknown functions and symbols, argument counts and kinds, the type of every operation (scalar,
 * vector, matrix), estimator parameters that are neither declared, bound by an enclosing {@code
 * argmin}/{@code argmax}, nor defaulted. {@link #validate} returns every problem at once, each with
 * its column and a message naming what exists; a sub-expression with a problem gets no type, so one
 * mistake is reported once.
 *
 * <p>Typing: {@code + −} need equal types; {@code *} takes scalar·anything (both orders), matrix ·
 * vector and matrix · matrix; {@code /} divides by a scalar; {@code ^} takes scalar ^ scalar and
 * matrix ^ scalar (a whole exponent, checked when evaluated unless it is a literal); unary minus
 * keeps the type.
 */
public final class MeasureValidator {

  private final MeasureContext context;
  private final List<MeasureProblem> problems = new ArrayList<>();

  private MeasureValidator(MeasureContext context) {
    this.context = context;
  }

  /** Every static problem of the measure in the context (empty when it is well formed). */
  public static List<MeasureProblem> validate(MeasureExpression measure, MeasureContext context) {
    MeasureValidator validator = new MeasureValidator(context);
    validator.type(measure, Set.of());
    return List.copyOf(validator.problems);
  }

  /**
   * The type of a well-formed measure.
   *
   * @throws IllegalArgumentException listing every problem when it has any
   */
  public static MeasureType typeOf(MeasureExpression measure, MeasureContext context) {
    MeasureValidator validator = new MeasureValidator(context);
    MeasureType type = validator.type(measure, Set.of());
    if (!validator.problems.isEmpty()) {
      throw new IllegalArgumentException(describe(validator.problems));
    }
    return type;
  }

  /** The problems joined into one line: {@code column 3: …; column 9: …}. */
  public static String describe(List<MeasureProblem> problems) {
    return String.join("; ", problems.stream().map(MeasureProblem::toString).toList());
  }

  private MeasureType problem(MeasureExpression at, String message) {
    problems.add(new MeasureProblem(at.column(), message));
    return null;
  }

  /** The type of a node, or null after reporting its problem. */
  private MeasureType type(MeasureExpression node, Set<String> bound) {
    if (node instanceof Literal) {
      return MeasureType.SCALAR;
    }
    if (node instanceof Symbol symbol) {
      return symbol(symbol, bound);
    }
    if (node instanceof Negation negation) {
      return type(negation.operand(), bound);
    }
    if (node instanceof Binary binary) {
      return binary(binary, bound);
    }
    return call((Call) node, bound);
  }

  private MeasureType symbol(Symbol symbol, Set<String> bound) {
    String name = symbol.name();
    if (bound.contains(name)) {
      return MeasureType.SCALAR;
    }
    Optional<VocabularyEntry> entry = Vocabulary.symbol(name);
    if (entry.isPresent() && entry.get().type() != MeasureType.SCALAR) {
      if (name.equals("w") && !context.point()) {
        return problem(symbol, "w is the claim's point, but the claim declares no point");
      }
      return entry.get().type();
    }
    if (context.constants().contains(name) || context.parameters().contains(name)) {
      return MeasureType.SCALAR;
    }
    if (Vocabulary.estimator(name).isPresent()) {
      return problem(
          symbol,
          "'"
              + name
              + "' is an estimator; it can only be the estimator argument of "
              + String.join(", ", estimatorFunctions()));
    }
    if (Vocabulary.function(name).isPresent()) {
      return problem(symbol, "'" + name + "' is a function; call it as " + name + "(...)");
    }
    return problem(symbol, "unknown symbol '" + name + "'; " + knownSymbols(bound));
  }

  private String knownSymbols(Set<String> bound) {
    Set<String> parameters = new TreeSet<>(context.parameters());
    parameters.addAll(bound);
    return "the claim declares the parameters "
        + (parameters.isEmpty() ? "(none)" : String.join(", ", parameters))
        + "; the instance has "
        + String.join(", ", new TreeSet<>(context.constants()))
        + ", identity, origin"
        + (context.point() ? ", w" : " (and w when the claim declares a point)");
  }

  private MeasureType binary(Binary binary, Set<String> bound) {
    MeasureType left = type(binary.left(), bound);
    MeasureType right = type(binary.right(), bound);
    if (left == null || right == null) {
      return null;
    }
    MeasureType s = MeasureType.SCALAR;
    MeasureType v = MeasureType.VECTOR;
    MeasureType m = MeasureType.MATRIX;
    Operator op = binary.operator();
    MeasureType result =
        switch (op) {
          case ADD, SUBTRACT -> left == right ? left : null;
          case MULTIPLY -> {
            if (left == s) {
              yield right;
            }
            if (right == s) {
              yield left;
            }
            yield left == m ? right : null;
          }
          case DIVIDE -> right == s ? left : null;
          case POWER -> right == s && left != v ? left : null;
        };
    if (result != null) {
      if (op == Operator.POWER && left == m && binary.right() instanceof Literal exponent) {
        double e = exponent.value();
        if (e != Math.rint(e) || Math.abs(e) > 1e6) {
          return problem(
              binary,
              "a matrix power needs a whole exponent (|n| <= 1e6), got " + exponent.toPlain());
        }
      }
      return result;
    }
    String hint =
        switch (op) {
          case ADD, SUBTRACT -> "both sides must have the same type";
          case MULTIPLY ->
              left == v && right == v
                  ? "use dot(u, v) for the inner product"
                  : "a vector can only be multiplied by a scalar, or by a matrix on its left";
          case DIVIDE -> "the divisor must be a scalar";
          case POWER -> "'^' takes a scalar or matrix base and a scalar exponent";
        };
    return problem(
        binary,
        "cannot apply '"
            + op.symbol()
            + "' to a "
            + left.label()
            + " and a "
            + right.label()
            + ": "
            + hint);
  }

  private MeasureType call(Call call, Set<String> bound) {
    Optional<VocabularyEntry> found = Vocabulary.function(call.function());
    if (found.isEmpty()) {
      String name = call.function();
      if (Vocabulary.estimator(name).isPresent() || Vocabulary.symbol(name).isPresent()) {
        return problem(call, "'" + name + "' is not a function and takes no arguments");
      }
      return problem(
          call,
          "unknown function '"
              + name
              + "' (known: "
              + String.join(
                  ", ",
                  Vocabulary.names(
                      Kind.PRIMITIVE, Kind.FUNCTION, Kind.SCALAR_FUNCTION, Kind.SEARCH))
              + ")");
    }
    VocabularyEntry entry = found.get();
    List<ArgumentKind> kinds = entry.arguments();
    List<MeasureExpression> arguments = call.arguments();
    boolean arityOk =
        entry.variadic() ? arguments.size() >= kinds.size() : arguments.size() == kinds.size();
    if (!arityOk) {
      problem(
          call,
          entry.name()
              + " takes "
              + (entry.variadic() ? "at least " : "")
              + kinds.size()
              + " argument"
              + (kinds.size() == 1 ? "" : "s")
              + " ("
              + entry.signature()
              + "), got "
              + arguments.size());
    }
    Set<String> inner = bound;
    if (entry.kind() == Kind.SEARCH && arguments.size() > 1) {
      String parameter = searchParameter(entry, arguments.get(1));
      if (parameter != null) {
        inner = new HashSet<>(bound);
        inner.add(parameter);
      }
    }
    boolean argumentsOk = true;
    for (int i = 0; i < arguments.size(); i++) {
      ArgumentKind kind = kinds.get(Math.min(i, kinds.size() - 1));
      if (i >= kinds.size() && !entry.variadic()) {
        break;
      }
      if (kind == ArgumentKind.PARAMETER) {
        continue; // resolved above
      }
      // the searched expression sees the bound parameter; lo and hi do not
      Set<String> scope = entry.kind() == Kind.SEARCH && i == 0 ? inner : bound;
      argumentsOk &= argument(entry, i, kind, arguments.get(i), scope);
    }
    return arityOk && argumentsOk ? entry.type() : null;
  }

  /** The name argmin/argmax binds, or null after reporting why it cannot be bound. */
  private String searchParameter(VocabularyEntry entry, MeasureExpression argument) {
    if (!(argument instanceof Symbol symbol)) {
      problem(argument, entry.name() + " expects a parameter name as argument 2, e.g. alpha");
      return null;
    }
    String name = symbol.name();
    if (Vocabulary.symbol(name).isPresent()
        || context.constants().contains(name)
        || Vocabulary.estimator(name).isPresent()
        || Vocabulary.function(name).isPresent()) {
      problem(
          symbol,
          entry.name()
              + " cannot search over '"
              + name
              + "': it is not a parameter (a constant, point, estimator or function name)");
      return null;
    }
    if (Estimator.isWholeNumberParameter(name)) {
      problem(
          symbol,
          entry.name()
              + " cannot search over "
              + name
              + ": it takes whole numbers and "
              + entry.name()
              + " searches an interval");
      return null;
    }
    return name;
  }

  private boolean argument(
      VocabularyEntry entry,
      int index,
      ArgumentKind kind,
      MeasureExpression argument,
      Set<String> bound) {
    if (kind == ArgumentKind.ESTIMATOR) {
      return estimatorArgument(entry, argument, bound);
    }
    MeasureType type = type(argument, bound);
    if (type == null) {
      return false;
    }
    if (type != kind.valueType()) {
      problem(
          argument,
          entry.name()
              + " expects a "
              + kind.label()
              + " as argument "
              + (index + 1)
              + ", got a "
              + type.label());
      return false;
    }
    if (kind == ArgumentKind.TASK_INDEX && argument instanceof Literal literal) {
      double i = literal.value();
      if (i != Math.rint(i) || i < 1) {
        problem(argument, "tasks are numbered 1 to m; got " + literal.toPlain());
        return false;
      }
    }
    return true;
  }

  private boolean estimatorArgument(
      VocabularyEntry entry, MeasureExpression argument, Set<String> bound) {
    Optional<Estimator> estimator =
        argument instanceof Symbol symbol ? Vocabulary.estimator(symbol.name()) : Optional.empty();
    if (estimator.isEmpty()) {
      problem(
          argument,
          entry.name()
              + " expects an estimator as argument 1 ("
              + String.join(", ", Vocabulary.names(Kind.ESTIMATOR))
              + "), got "
              + argument.toPlain());
      return false;
    }
    boolean ok = true;
    Estimator e = estimator.get();
    for (String parameter : e.parameters()) {
      if (bound.contains(parameter)
          || context.parameters().contains(parameter)
          || Estimator.parameterDefault(parameter).isPresent()) {
        continue;
      }
      problem(
          argument,
          e.claimName()
              + " reads "
              + parameter
              + ", which the claim does not declare (it declares "
              + (context.parameters().isEmpty()
                  ? "none"
                  : String.join(", ", new TreeSet<>(context.parameters())))
              + "); declare "
              + parameter
              + " or bind it with argmin/argmax");
      ok = false;
    }
    return ok;
  }

  private static List<String> estimatorFunctions() {
    List<String> names = new ArrayList<>();
    for (VocabularyEntry e : Vocabulary.entries()) {
      if (!e.arguments().isEmpty() && e.arguments().get(0) == ArgumentKind.ESTIMATOR) {
        names.add(e.name());
      }
    }
    return names;
  }
}
