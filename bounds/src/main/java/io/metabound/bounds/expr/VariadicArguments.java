package io.metabound.bounds.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The argument list of the variadic functions {@code min} and {@code max} ({@link Minimum}, {@link
 * Maximum}): two or more expressions, kept in an unmodifiable list.
 */
final class VariadicArguments {

  private VariadicArguments() {}

  /**
   * Copies {@code args} into an unmodifiable list.
   *
   * @param function {@code min} or {@code max}, for the message
   * @throws IllegalArgumentException when there are fewer than two arguments
   */
  static List<Expression> checked(String function, List<Expression> args) {
    Objects.requireNonNull(args, "args");
    List<Expression> copy = List.copyOf(args);
    if (copy.size() < 2) {
      throw new IllegalArgumentException(tooFew(function, copy.size()));
    }
    return copy;
  }

  /** The message for {@code count} arguments, fewer than two (also the parser's). */
  static String tooFew(String function, int count) {
    return function + " needs at least 2 arguments, got " + count;
  }

  /** Each argument with the replacements made, in order. */
  static List<Expression> substitute(List<Expression> args, Map<String, Expression> replacements) {
    List<Expression> substituted = new ArrayList<>(args.size());
    for (Expression argument : args) {
      substituted.add(argument.substitute(replacements));
    }
    return substituted;
  }
}
