package io.metabound.experiments.linalg;

import java.math.BigDecimal;
import java.util.function.BinaryOperator;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.Field;
import org.hipparchus.dfp.Dfp;
import org.hipparchus.util.MathArrays;

/**
 * Dense matrices ({@code T[][]}, row-major rows) and vectors ({@code T[]}) over a Hipparchus field:
 * the arithmetic every generic closed form is written with, so that the same code runs in IEEE
 * double ({@code Binary64}) and in extended precision ({@code Dfp}). Every method returns a new
 * array and never modifies its arguments; sums run left to right ({@code k = 0, 1, …}).
 */
public final class FieldMatrices {

  private FieldMatrices() {}

  /** The unit roundoff of the field: {@code ulp(1)} (2.2e-16 in double, 1e-48 in Dfp(50)). */
  public static <T extends CalculusFieldElement<T>> double workingPrecision(Field<T> field) {
    return field.getOne().ulp().getReal();
  }

  /**
   * The field element nearest to a double. {@code Dfp}'s own conversion ({@code newDfp(double)})
   * multiplies by powers of two in decimal and so errs by about {@code 10⁻³³} relative in {@code
   * Dfp(50)}; here a {@code Dfp} is read from the exact decimal expansion of the double instead,
   * rounded once: exact in {@code Dfp(100)} for doubles of moderate exponent (a double has at most
   * about 55 significant decimal digits near 1), correctly rounded to about 52 digits in {@code
   * Dfp(50)}. Other fields use {@code newInstance(double)} (exact for {@code Binary64}).
   */
  @SuppressWarnings("unchecked")
  public static <T extends CalculusFieldElement<T>> T constant(Field<T> field, double value) {
    T zero = field.getZero();
    if (zero instanceof Dfp dfp && Double.isFinite(value) && value != 0) {
      return (T) dfp.getField().newDfp(new BigDecimal(value).toString());
    }
    return zero.newInstance(value);
  }

  /** A {@code rows × columns} matrix of zeros. */
  public static <T extends CalculusFieldElement<T>> T[][] zeros(
      Field<T> field, int rows, int columns) {
    return MathArrays.buildArray(field, rows, columns);
  }

  /** The zero vector of length {@code d}. */
  public static <T extends CalculusFieldElement<T>> T[] zeroVector(Field<T> field, int d) {
    return MathArrays.buildArray(field, d);
  }

  /** The {@code d × d} identity. */
  public static <T extends CalculusFieldElement<T>> T[][] identity(Field<T> field, int d) {
    T[][] out = zeros(field, d, d);
    for (int r = 0; r < d; r++) {
      out[r][r] = field.getOne();
    }
    return out;
  }

  /** The exact field image of a double matrix. */
  public static <T extends CalculusFieldElement<T>> T[][] of(Field<T> field, double[][] a) {
    T[][] out = zeros(field, a.length, a.length == 0 ? 0 : a[0].length);
    for (int r = 0; r < a.length; r++) {
      for (int k = 0; k < a[r].length; k++) {
        out[r][k] = constant(field, a[r][k]);
      }
    }
    return out;
  }

  /** The exact field image of a row-major {@code d × d} double matrix given flat. */
  public static <T extends CalculusFieldElement<T>> T[][] ofRowMajor(
      Field<T> field, double[] a, int d) {
    T[][] out = zeros(field, d, d);
    for (int r = 0; r < d; r++) {
      for (int k = 0; k < d; k++) {
        out[r][k] = constant(field, a[r * d + k]);
      }
    }
    return out;
  }

  /** The exact field image of a double vector. */
  public static <T extends CalculusFieldElement<T>> T[] vectorOf(Field<T> field, double[] v) {
    T[] out = zeroVector(field, v.length);
    for (int k = 0; k < v.length; k++) {
      out[k] = constant(field, v[k]);
    }
    return out;
  }

  /** The nearest doubles. */
  public static <T extends CalculusFieldElement<T>> double[][] toDouble(T[][] a) {
    double[][] out = new double[a.length][];
    for (int r = 0; r < a.length; r++) {
      out[r] = toDouble(a[r]);
    }
    return out;
  }

  /** The nearest doubles. */
  public static <T extends CalculusFieldElement<T>> double[] toDouble(T[] v) {
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k].getReal();
    }
    return out;
  }

  /** A deep copy. */
  public static <T extends CalculusFieldElement<T>> T[][] copy(T[][] a) {
    T[][] out = a.clone();
    for (int r = 0; r < a.length; r++) {
      out[r] = a[r].clone();
    }
    return out;
  }

  /** {@code A + B}. */
  public static <T extends CalculusFieldElement<T>> T[][] add(T[][] a, T[][] b) {
    return entrywise(a, b, T::add, "add");
  }

  /** {@code A − B}. */
  public static <T extends CalculusFieldElement<T>> T[][] subtract(T[][] a, T[][] b) {
    return entrywise(a, b, T::subtract, "subtract");
  }

  private static <T extends CalculusFieldElement<T>> T[][] entrywise(
      T[][] a, T[][] b, BinaryOperator<T> operation, String what) {
    if (a.length != b.length || (a.length > 0 && a[0].length != b[0].length)) {
      throw new IllegalArgumentException(what + ": matrices of different shapes");
    }
    T[][] out = copy(a);
    for (int r = 0; r < a.length; r++) {
      out[r] = entrywise(a[r], b[r], operation, what);
    }
    return out;
  }

  /** {@code s A}. */
  public static <T extends CalculusFieldElement<T>> T[][] scale(T s, T[][] a) {
    T[][] out = copy(a);
    for (int r = 0; r < a.length; r++) {
      for (int k = 0; k < a[r].length; k++) {
        out[r][k] = s.multiply(a[r][k]);
      }
    }
    return out;
  }

  /** {@code Aᵀ}. */
  public static <T extends CalculusFieldElement<T>> T[][] transpose(T[][] a) {
    int rows = a.length;
    int columns = rows == 0 ? 0 : a[0].length;
    T[][] out = MathArrays.buildArray(a[0][0].getField(), columns, rows);
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < columns; k++) {
        out[k][r] = a[r][k];
      }
    }
    return out;
  }

  /** {@code A B}. */
  public static <T extends CalculusFieldElement<T>> T[][] multiply(T[][] a, T[][] b) {
    int inner = b.length;
    if (a[0].length != inner) {
      throw new IllegalArgumentException(
          "multiply: A has " + a[0].length + " columns but B has " + inner + " rows");
    }
    int columns = b[0].length;
    Field<T> field = a[0][0].getField();
    T[][] out = zeros(field, a.length, columns);
    for (int r = 0; r < a.length; r++) {
      T[] row = out[r];
      for (int j = 0; j < inner; j++) {
        T arj = a[r][j];
        // (A B)_rk = Σ_j A_rj B_jk
        for (int k = 0; k < columns; k++) {
          row[k] = row[k].add(arj.multiply(b[j][k]));
        }
      }
    }
    return out;
  }

  /** {@code A v}. */
  public static <T extends CalculusFieldElement<T>> T[] multiply(T[][] a, T[] v) {
    if (a[0].length != v.length) {
      throw new IllegalArgumentException(
          "multiply: A has " + a[0].length + " columns but v has length " + v.length);
    }
    T[] out = zeroVector(v[0].getField(), a.length);
    for (int r = 0; r < a.length; r++) {
      // (A v)_r = Σ_k A_rk v_k
      T s = out[r];
      for (int k = 0; k < v.length; k++) {
        s = s.add(a[r][k].multiply(v[k]));
      }
      out[r] = s;
    }
    return out;
  }

  /**
   * {@code A^n} for a whole {@code n ≥ 0} by repeated squaring ({@code A^0 = I}); about {@code 2
   * log₂ n} products.
   */
  public static <T extends CalculusFieldElement<T>> T[][] power(T[][] a, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("power: the exponent must be >= 0, got " + n);
    }
    T[][] result = identity(a[0][0].getField(), a.length);
    T[][] square = a;
    int remaining = n;
    while (remaining > 0) {
      if ((remaining & 1) == 1) {
        result = multiply(result, square);
      }
      remaining >>= 1;
      if (remaining > 0) {
        square = multiply(square, square);
      }
    }
    return result;
  }

  /** {@code (A + Aᵀ)/2}; entries already equal to their mirror are kept as they are. */
  public static <T extends CalculusFieldElement<T>> T[][] symmetrise(T[][] a) {
    T[][] out = copy(a);
    for (int r = 0; r < a.length; r++) {
      for (int k = r + 1; k < a.length; k++) {
        if (!a[r][k].equals(a[k][r])) {
          T mean = a[r][k].add(a[k][r]).multiply(0.5);
          out[r][k] = mean;
          out[k][r] = mean;
        }
      }
    }
    return out;
  }

  /** {@code max |A_rk − A_kr| / max |A_rk|} in double (0 for the zero matrix). */
  public static <T extends CalculusFieldElement<T>> double relativeAsymmetry(T[][] a) {
    double scale = 0;
    double asymmetry = 0;
    for (int r = 0; r < a.length; r++) {
      for (int k = 0; k < a.length; k++) {
        scale = Math.max(scale, Math.abs(a[r][k].getReal()));
        asymmetry = Math.max(asymmetry, Math.abs(a[r][k].subtract(a[k][r]).getReal()));
      }
    }
    return scale == 0 ? 0 : asymmetry / scale;
  }

  /** {@code max |A_rk|} in double. */
  public static <T extends CalculusFieldElement<T>> double largestEntry(T[][] a) {
    double scale = 0;
    for (T[] row : a) {
      for (T x : row) {
        scale = Math.max(scale, Math.abs(x.getReal()));
      }
    }
    return scale;
  }

  /** {@code tr A = Σ_k A_kk}. */
  public static <T extends CalculusFieldElement<T>> T trace(T[][] a) {
    T s = a[0][0].getField().getZero();
    for (int k = 0; k < a.length; k++) {
      s = s.add(a[k][k]);
    }
    return s;
  }

  /** {@code u + v}. */
  public static <T extends CalculusFieldElement<T>> T[] add(T[] u, T[] v) {
    return entrywise(u, v, T::add, "add");
  }

  /** {@code u − v}. */
  public static <T extends CalculusFieldElement<T>> T[] subtract(T[] u, T[] v) {
    return entrywise(u, v, T::subtract, "subtract");
  }

  private static <T extends CalculusFieldElement<T>> T[] entrywise(
      T[] u, T[] v, BinaryOperator<T> operation, String what) {
    requireSameLength(u, v, what);
    T[] out = u.clone();
    for (int k = 0; k < u.length; k++) {
      out[k] = operation.apply(u[k], v[k]);
    }
    return out;
  }

  /** {@code s v}. */
  public static <T extends CalculusFieldElement<T>> T[] scale(T s, T[] v) {
    T[] out = v.clone();
    for (int k = 0; k < v.length; k++) {
      out[k] = s.multiply(v[k]);
    }
    return out;
  }

  /** {@code uᵀv = Σ_k u_k v_k}. */
  public static <T extends CalculusFieldElement<T>> T dot(T[] u, T[] v) {
    requireSameLength(u, v, "dot");
    T s = u[0].getField().getZero();
    for (int k = 0; k < u.length; k++) {
      s = s.add(u[k].multiply(v[k]));
    }
    return s;
  }

  /** {@code ‖v‖ = √(Σ v_k²)}. */
  public static <T extends CalculusFieldElement<T>> T norm(T[] v) {
    return dot(v, v).sqrt();
  }

  /** {@code ‖u − v‖}. */
  public static <T extends CalculusFieldElement<T>> T distance(T[] u, T[] v) {
    return norm(subtract(u, v));
  }

  private static <T> void requireSameLength(T[] u, T[] v, String what) {
    if (u.length != v.length) {
      throw new IllegalArgumentException(
          what + ": vectors of lengths " + u.length + " and " + v.length);
    }
  }
}
