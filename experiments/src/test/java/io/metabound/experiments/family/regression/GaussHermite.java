package io.metabound.experiments.family.regression;

import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.analysis.integration.gauss.SymmetricGaussIntegrator;

/**
 * Brute-force expectations over independent standard normals by the tensor Gauss–Hermite rule:
 * {@code E[f(g_1 … g_k)] ≈ Σ_{i_1 … i_k} Π_j ω_{i_j} f(√2 t_{i_1}, …, √2 t_{i_k})} with the nodes
 * {@code t} and weights {@code ω·√π} of the {@code e^{−t²}} rule. With {@code q} nodes the rule is
 * exact (up to rounding) for polynomials of degree at most {@code 2q − 1} in every variable, so it
 * computes the expectations of one or two inner steps exactly, independently of any moment formula.
 */
final class GaussHermite {

  private final double[] nodes;
  private final double[] weights;

  GaussHermite(int points) {
    SymmetricGaussIntegrator rule = new GaussIntegratorFactory().hermite(points);
    this.nodes = new double[points];
    this.weights = new double[points];
    for (int i = 0; i < points; i++) {
      // standard normal: g = √2 t, weight ω/√π
      nodes[i] = Math.sqrt(2) * rule.getPoint(i);
      weights[i] = rule.getWeight(i) / Math.sqrt(Math.PI);
    }
  }

  /** {@code E[f(g)]} for {@code g ~ N(0, I_dimension)}. */
  double expectation(int dimension, ToDoubleFunction<double[]> f) {
    return expectation(dimension, 1, (g, out) -> out[0] = f.applyAsDouble(g))[0];
  }

  /**
   * {@code E[f(g)]} of a vector function writing {@code outputs} values, component by component.
   */
  double[] expectation(int dimension, int outputs, BiConsumer<double[], double[]> f) {
    int[] index = new int[dimension];
    double[] g = new double[dimension];
    double[] value = new double[outputs];
    double[] sum = new double[outputs];
    while (true) {
      double weight = 1;
      for (int j = 0; j < dimension; j++) {
        g[j] = nodes[index[j]];
        weight *= weights[index[j]];
      }
      f.accept(g, value);
      for (int r = 0; r < outputs; r++) {
        sum[r] += weight * value[r];
      }
      int j = 0;
      while (j < dimension && ++index[j] == nodes.length) {
        index[j++] = 0;
      }
      if (j == dimension) {
        return sum;
      }
    }
  }
}
