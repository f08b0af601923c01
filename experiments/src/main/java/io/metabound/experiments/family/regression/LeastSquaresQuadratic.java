package io.metabound.experiments.family.regression;

import io.metabound.experiments.family.LeastSquaresLoss;
import io.metabound.experiments.task.QuadraticLoss;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * The least-squares loss of one fixed data set written exactly as a quadratic: {@code (1/(2n))‖Xw −
 * y‖² = ½(w − ĉ)ᵀS(w − ĉ) + f₀} with {@code S = XᵀX/n}, the minimum-norm solution {@code ĉ = X⁺y}
 * and the residual {@code f₀ = (1/(2n))‖Xĉ − y‖²}.
 *
 * <p>Derivation. Expanding around any point {@code ĉ}: {@code (1/(2n))‖X(w − ĉ) + (Xĉ − y)‖² = ½(w
 * − ĉ)ᵀS(w − ĉ) + (w − ĉ)ᵀ(Sĉ − Xᵀy/n) + (1/(2n))‖Xĉ − y‖²}. The cross term vanishes for every
 * {@code w} exactly when {@code ĉ} solves the normal equations {@code Sĉ = Xᵀy/n}, i.e. is a
 * least-squares solution. When {@code n < d} (or the columns of {@code X} are dependent) {@code S}
 * is singular and the solutions form an affine set; {@code ĉ = X⁺y = S⁺(Xᵀy/n)} is its element of
 * least norm (it lies in the row space of {@code X}). The form is then exact for every {@code w},
 * whatever the rank.
 *
 * <p>Computation: {@code S} as {@link LeastSquaresLoss#hessian} forms it (exactly symmetric);
 * {@code ĉ = Σ_k (u_kᵀy / s_k) v_k} over the singular triplets of {@code X} (Hipparchus SVD) whose
 * singular value exceeds {@code max(n, d) · s_max · 2⁻⁵²} (the usual numerical-rank tolerance:
 * smaller singular values are rounding noise of exact zeros); {@code f₀} as the least-squares loss
 * at {@code ĉ}.
 */
public final class LeastSquaresQuadratic {

  private LeastSquaresQuadratic() {}

  /**
   * The quadratic form of {@code (1/(2n))‖Xw − y‖²}.
   *
   * @param features {@code n ≥ 1} rows {@code x_j} of length {@code d ≥ 1}
   * @param targets {@code y_j}, {@code n} of them
   * @throws IllegalArgumentException on mismatched shapes or non-finite data
   */
  public static QuadraticLoss of(double[][] features, double[] targets) {
    LeastSquaresLoss leastSquares = new LeastSquaresLoss(features, targets);
    int n = features.length;
    int d = leastSquares.dimension();
    double[] hessian = new double[d * d];
    leastSquares.hessian(new double[d], hessian);
    double[] centre = minimumNormSolution(features, targets);
    // f₀ = (1/(2n))‖Xĉ − y‖²
    double offset = leastSquares.value(centre);
    return new QuadraticLoss(hessian, centre, offset);
  }

  /** {@code X⁺y}: the least-squares solution of least norm. */
  static double[] minimumNormSolution(double[][] features, double[] targets) {
    int n = features.length;
    int d = features[0].length;
    RealMatrix x = new Array2DRowRealMatrix(features, true);
    SingularValueDecomposition svd = new SingularValueDecomposition(x);
    double[] singular = svd.getSingularValues();
    RealMatrix u = svd.getU();
    RealMatrix v = svd.getV();
    double largest = singular.length == 0 ? 0 : singular[0];
    double tolerance = Math.max(n, d) * largest * Math.ulp(1.0);
    double[] centre = new double[d];
    for (int k = 0; k < singular.length; k++) {
      if (!(singular[k] > tolerance)) {
        continue;
      }
      // ĉ += (u_kᵀy / s_k) v_k
      double projection = 0;
      for (int j = 0; j < n; j++) {
        projection += u.getEntry(j, k) * targets[j];
      }
      double coefficient = projection / singular[k];
      for (int r = 0; r < d; r++) {
        centre[r] += coefficient * v.getEntry(r, k);
      }
    }
    return centre;
  }
}
