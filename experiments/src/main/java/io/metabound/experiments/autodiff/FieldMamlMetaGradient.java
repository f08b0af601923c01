package io.metabound.experiments.autodiff;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.util.MathArrays;

/**
 * The exact N-step MAML meta-gradient of one task (Ji, Yang and Liang 2022, eq. (3) and (10)) over
 * a field, so that it can be differentiated by forward-mode automatic differentiation.
 *
 * <p>Inner path {@code w̃_0 = w}, {@code w̃_{j+1} = w̃_j − α ∇l_S(w̃_j)}, {@code j = 0..N−1}; then
 *
 * <pre>
 *   ∇𝓛_i(w) = Π_{j=0}^{N−1} (I − α ∇²l_S(w̃_j)) ∇l_T(w̃_N)      (j = 0 leftmost)
 * </pre>
 *
 * computed by backward accumulation {@code v ← ∇l_T(w̃_N)}, {@code v ← v − α ∇²l_S(w̃_j) v} for
 * {@code j = N−1..0}: the same arithmetic as the {@code double} implementation in {@code
 * io.metabound.experiments.algorithm.MamlMetaGradient}.
 */
public final class FieldMamlMetaGradient {

  private FieldMamlMetaGradient() {}

  /**
   * Writes {@code ∇𝓛_i(w)} into {@code out} and returns {@code 𝓛_i(w) = l_T(w̃_N)}.
   *
   * @param inner the support loss {@code l_S} the inner steps descend
   * @param outer the query loss {@code l_T}
   * @param alpha inner step size α
   * @param steps N ≥ 0
   */
  public static <T extends CalculusFieldElement<T>> T taskMetaGradient(
      FieldLoss inner, FieldLoss outer, double alpha, int steps, T[] w, T[] out) {
    if (steps < 0) {
      throw new IllegalArgumentException("inner steps N must be >= 0, got " + steps);
    }
    int d = w.length;
    var field = w[0].getField();
    T[][] path = MathArrays.buildArray(field, steps + 1, d);
    System.arraycopy(w, 0, path[0], 0, d);
    T[] g = MathArrays.buildArray(field, d);
    for (int j = 0; j < steps; j++) {
      // w̃_{j+1} = w̃_j − α ∇l_S(w̃_j)
      inner.gradient(path[j], g);
      for (int k = 0; k < d; k++) {
        path[j + 1][k] = path[j][k].subtract(g[k].multiply(alpha));
      }
    }
    T value = outer.value(path[steps]);
    T[] v = MathArrays.buildArray(field, d);
    outer.gradient(path[steps], v);
    T[] hv = MathArrays.buildArray(field, d);
    for (int j = steps - 1; j >= 0; j--) {
      // v ← (I − α ∇²l_S(w̃_j)) v
      inner.hessianVector(path[j], v, hv);
      for (int k = 0; k < d; k++) {
        v[k] = v[k].subtract(hv[k].multiply(alpha));
      }
    }
    System.arraycopy(v, 0, out, 0, d);
    return value;
  }
}
