package io.metabound.experiments.oracle;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;

/**
 * The point where an affine update direction {@code g(w) = A w − b} vanishes, {@code w* = A⁻¹b},
 * with what kind of point it is.
 *
 * <p>When {@code A} is symmetric, {@code g} is the gradient of {@code ½wᵀAw − bᵀw} (for exact MAML
 * and iMAML: of the meta-objective up to a constant) and the nature follows from the signs of the
 * eigenvalues of {@code A}. When {@code A} is not symmetric (FO-MAML on several tasks, finite-sum
 * tasks) {@code g} is not a gradient field and {@code w*} is only a fixed point of the outer
 * iteration; whether it attracts is decided by {@link BetaThreshold}.
 *
 * @param point {@code w*}, or {@code null} when {@code A} is singular or the point is not
 *     representable in double precision
 * @param nature its kind
 * @param description one line saying what was found and why (eigenvalues, condition number)
 */
public record StationaryPoint(double[] point, Nature nature, String description) {

  /** Relative size below which the smallest singular value / |eigenvalue| counts as zero. */
  public static final double SINGULAR_TOLERANCE = 1e-12;

  /** The kind of stationary point. */
  public enum Nature {
    /** {@code A} symmetric positive definite: the unique global minimiser. */
    MINIMUM,
    /** {@code A} symmetric negative definite: the unique global maximiser. */
    MAXIMUM,
    /** {@code A} symmetric, non-singular, indefinite: a saddle point. */
    SADDLE,
    /** {@code A} not symmetric and non-singular: the unique fixed point of a non-gradient field. */
    FIXED_POINT,
    /** {@code A} (numerically) singular: no unique stationary point. */
    SINGULAR,
    /**
     * {@code A}, {@code b} or the solution {@code A⁻¹b} is not finite in double precision (the
     * map or the point overflowed): no point can be given; the description says which.
     */
    NOT_REPRESENTABLE
  }

  public StationaryPoint {
    point = point == null ? null : point.clone();
  }

  @Override
  public double[] point() {
    return point == null ? null : point.clone();
  }

  /** True when a unique point exists. */
  public boolean exists() {
    return point != null;
  }

  /**
   * Solves {@code A w = b} for a map and classifies the solution.
   *
   * @param map the affine direction
   * @param what names the field in the description (e.g. {@code "MAML meta-gradient"})
   */
  public static StationaryPoint of(AffineGradientMap map, String what) {
    int d = map.dimension();
    double[] a = map.matrix();
    NumericStatus mapStatus = NumericStatus.of(map);
    if (mapStatus != null) {
      return new StationaryPoint(null, Nature.NOT_REPRESENTABLE,
          what + ": " + mapStatus.describe("the affine map A w - b") + ": no point can be computed");
    }
    boolean symmetric = Dense.relativeAsymmetry(a, d) <= 1e-12;
    if (symmetric) {
      double[] eig = Dense.symmetricEigenvalues(a, d);
      double largest = Math.max(Math.abs(eig[0]), Math.abs(eig[d - 1]));
      double smallest = Double.POSITIVE_INFINITY;
      for (double x : eig) {
        smallest = Math.min(smallest, Math.abs(x));
      }
      if (largest == 0 || smallest <= SINGULAR_TOLERANCE * largest) {
        return new StationaryPoint(
            null,
            Nature.SINGULAR,
            String.format(
                Locale.ROOT,
                "%s: A is singular (smallest |eigenvalue| %.3g vs largest %.3g): no unique"
                    + " stationary point",
                what,
                smallest,
                largest));
      }
      Nature nature = eig[0] > 0 ? Nature.MINIMUM : eig[d - 1] < 0 ? Nature.MAXIMUM : Nature.SADDLE;
      double[] w = solve(map);
      if (NumericStatus.of(w) != null) {
        return notRepresentable(w, what);
      }
      return new StationaryPoint(
          w,
          nature,
          String.format(
              Locale.ROOT,
              "%s: unique %s; A symmetric with eigenvalues in [%.6g, %.6g], condition number %.3g",
              what,
              nature.name().toLowerCase(Locale.ROOT),
              eig[0],
              eig[d - 1],
              largest / smallest));
    }
    double[] sv = SingularOps_DDRM.singularValues(DMatrixRMaj.wrap(d, d, a.clone()));
    Arrays.sort(sv);
    double largest = sv[d - 1];
    double smallest = sv[0];
    if (largest == 0 || smallest <= SINGULAR_TOLERANCE * largest) {
      return new StationaryPoint(
          null,
          Nature.SINGULAR,
          String.format(
              Locale.ROOT,
              "%s: A is singular (smallest singular value %.3g vs largest %.3g): no unique fixed"
                  + " point",
              what,
              smallest,
              largest));
    }
    double[] w = solve(map);
    if (NumericStatus.of(w) != null) {
      return notRepresentable(w, what);
    }
    return new StationaryPoint(
        w,
        Nature.FIXED_POINT,
        String.format(
            Locale.ROOT,
            "%s: unique fixed point of a non-gradient field (A not symmetric), condition number"
                + " %.3g",
            what,
            largest / smallest));
  }

  private static StationaryPoint notRepresentable(double[] w, String what) {
    return new StationaryPoint(null, Nature.NOT_REPRESENTABLE,
        what + ": " + NumericStatus.of(w).describe("the point A^-1 b") + ": no point can be given");
  }

  private static double[] solve(AffineGradientMap map) {
    int d = map.dimension();
    // w* = A⁻¹ b (LU with partial pivoting)
    DMatrixRMaj a = DMatrixRMaj.wrap(d, d, map.matrix());
    DMatrixRMaj b = DMatrixRMaj.wrap(d, 1, map.offset());
    DMatrixRMaj x = new DMatrixRMaj(d, 1);
    if (!CommonOps_DDRM.solve(a, b, x)) {
      throw new ArithmeticException("LU solve failed on a matrix that passed the singularity test");
    }
    return x.data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StationaryPoint s
        && s.nature == nature
        && Arrays.equals(s.point, point)
        && s.description.equals(description);
  }

  @Override
  public int hashCode() {
    return 31 * nature.hashCode() + Arrays.hashCode(point);
  }

  @Override
  public String toString() {
    return description + (point == null ? "" : " at " + Arrays.toString(point));
  }
}
