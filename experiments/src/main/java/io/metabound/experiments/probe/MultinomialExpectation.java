package io.metabound.experiments.probe;

import java.util.function.ToDoubleFunction;

/**
 * Exact expectations over a multiset: {@code n} independent draws from a finite distribution {@code
 * p} (a task batch drawn with replacement, or a sample batch drawn from a finite pool) have count
 * vectors {@code k} (with {@code Σ k_i = n}) of probability
 *
 * <pre>
 *   P(k) = n! / (Π_i k_i!) · Π_i p_i^{k_i}
 * </pre>
 *
 * <p>and a function of the batch that depends only on the counts (a batch average) has the finite
 * expectation {@code Σ_k P(k) f(k)}. There are {@code C(n + m − 1, m − 1)} count vectors; callers
 * keep {@code n} and {@code m} small. The count array passed to {@code f} is reused.
 */
final class MultinomialExpectation {

  private MultinomialExpectation() {}

  /** Number of count vectors, {@code C(n + m − 1, m − 1)}, or −1 when above {@code limit}. */
  static long compositions(int draws, int categories, long limit) {
    // C(n + m − 1, m − 1) by the multiplicative formula, exact in long for small arguments
    long c = 1;
    for (int i = 1; i < categories; i++) {
      c = c * (draws + i) / i;
      if (c > limit) {
        return -1;
      }
    }
    return c;
  }

  /** A function of the count vector, visited with its probability. */
  @FunctionalInterface
  interface Visitor {
    void visit(int[] counts, double probability);
  }

  /** {@code E f(k)} for {@code n = draws} draws from {@code p}. */
  static double of(double[] p, int draws, ToDoubleFunction<int[]> f) {
    double[] sum = new double[1];
    forEach(p, draws, (counts, probability) -> sum[0] += probability * f.applyAsDouble(counts));
    return sum[0];
  }

  /**
   * Visits every count vector of positive probability for {@code n = draws} draws from {@code p}
   * (the array is reused between calls).
   */
  static void forEach(double[] p, int draws, Visitor visitor) {
    if (draws < 0) {
      throw new IllegalArgumentException("number of draws must be >= 0, got " + draws);
    }
    int[] counts = new int[p.length];
    double[] logFactorial = new double[draws + 1];
    for (int i = 2; i <= draws; i++) {
      logFactorial[i] = logFactorial[i - 1] + Math.log(i);
    }
    visit(p, counts, 0, draws, logFactorial, visitor);
  }

  private static void visit(
      double[] p, int[] counts, int category, int remaining, double[] logFactorial, Visitor v) {
    if (category == p.length - 1) {
      counts[category] = remaining;
      double weight = probability(p, counts, logFactorial);
      if (weight > 0) {
        v.visit(counts, weight);
      }
      return;
    }
    for (int k = 0; k <= remaining; k++) {
      counts[category] = k;
      visit(p, counts, category + 1, remaining - k, logFactorial, v);
    }
  }

  private static double probability(double[] p, int[] counts, double[] logFactorial) {
    int n = 0;
    double log = 0;
    for (int i = 0; i < p.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      if (p[i] == 0) {
        return 0;
      }
      n += counts[i];
      // log(p_i^{k_i} / k_i!)
      log += counts[i] * Math.log(p[i]) - logFactorial[counts[i]];
    }
    // P(k) = n!/Π k_i! Π p_i^{k_i}
    return Math.exp(logFactorial[n] + log);
  }
}
