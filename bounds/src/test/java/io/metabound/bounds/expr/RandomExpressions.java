package io.metabound.bounds.expr;

import io.metabound.bounds.symbol.Domain;
import io.metabound.bounds.symbol.Symbol;
import io.metabound.bounds.symbol.SymbolCatalogue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generator of random expression trees and matching in-domain bindings, for tests. */
final class RandomExpressions {

  /** Catalogued and uncatalogued names (uncatalogued ones skip the domain check). */
  private static final List<String> NAMES =
      List.of("L", "rho", "alpha", "N", "sigma_g", "D_in", "lambda_i", "c", "x", "foo_bar", "y2");

  /** Constants chosen to exercise number printing: signs, fractions, exponents, boundaries. */
  private static final double[] SPECIAL_CONSTANTS = {
    0,
    1,
    2,
    10,
    0.5,
    0.1,
    1e-3,
    1e-4,
    1e7,
    1e15,
    999999999999999.0,
    1e20,
    1.5e-7,
    1e-300,
    Double.MIN_VALUE,
    Double.MAX_VALUE,
    123456789012345678.0,
    1.0 / 3.0,
    Math.PI,
    6.02214076e23
  };

  private final Random random;

  RandomExpressions(long seed) {
    this.random = new Random(seed);
  }

  Expression next(int maxHeight) {
    if (maxHeight <= 1 || random.nextInt(4) == 0) {
      return leaf();
    }
    int childHeight = maxHeight - 1;
    switch (random.nextInt(11)) {
      case 0:
        return new Sum(next(childHeight), next(childHeight));
      case 1:
        return new Difference(next(childHeight), next(childHeight));
      case 2:
        return new Product(next(childHeight), next(childHeight));
      case 3:
        return new Quotient(next(childHeight), next(childHeight));
      case 4:
        return new Power(next(childHeight), next(childHeight));
      case 5:
        return new Negation(next(childHeight));
      case 6:
        FunctionKind[] kinds = FunctionKind.values();
        return new Function(kinds[random.nextInt(kinds.length)], next(childHeight));
      case 7:
        return new Minimum(arguments(childHeight));
      case 8:
        return new Maximum(arguments(childHeight));
      default:
        return leaf();
    }
  }

  private List<Expression> arguments(int height) {
    int count = 2 + random.nextInt(3);
    List<Expression> arguments = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      arguments.add(next(height));
    }
    return arguments;
  }

  private Expression leaf() {
    if (random.nextBoolean()) {
      return new SymbolRef(NAMES.get(random.nextInt(NAMES.size())));
    }
    double magnitude;
    switch (random.nextInt(3)) {
      case 0:
        magnitude = random.nextInt(20);
        break;
      case 1:
        magnitude = SPECIAL_CONSTANTS[random.nextInt(SPECIAL_CONSTANTS.length)];
        break;
      default:
        magnitude = random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
        break;
    }
    return new Constant(random.nextInt(4) == 0 ? -magnitude : magnitude);
  }

  /** Values for every name in {@link #NAMES}, each inside its catalogued domain. */
  Bindings bindings() {
    Map<String, Double> values = new HashMap<>();
    for (String name : NAMES) {
      Domain domain = SymbolCatalogue.lookup(name).map(Symbol::domain).orElse(Domain.REAL);
      double value;
      switch (domain) {
        case POSITIVE_INTEGER:
          value = 1 + random.nextInt(5);
          break;
        case NONNEGATIVE_INTEGER:
          value = random.nextInt(5);
          break;
        case POSITIVE:
        case NONNEGATIVE:
          value = 0.01 + 3 * random.nextDouble();
          break;
        default:
          value = 6 * random.nextDouble() - 3;
          break;
      }
      values.put(name, value);
    }
    return Bindings.of(values);
  }
}
