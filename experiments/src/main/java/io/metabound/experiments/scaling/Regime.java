package io.metabound.experiments.scaling;

/**
 * Where an upper bound {@code y ≤ C x^b} is read: the direction of the variable in which its rate
 * matters. If {@code y ∝ x^a}, the ratio {@code y / bound ∝ x^{a − b}}; it stays bounded in the
 * regime exactly when {@code a ≥ b} ({@link #TO_ZERO}) or {@code a ≤ b} ({@link #TO_INFINITY}).
 */
public enum Regime {
  /** {@code x → 0} (a noise level, an accuracy ε): favourable is a slope at least the bound's. */
  TO_ZERO("→ 0", +1),
  /** {@code x → ∞} (a batch size): favourable is a slope at most the bound's. */
  TO_INFINITY("→ ∞", -1);

  private final String arrow;
  private final int sign;

  Regime(String arrow, int sign) {
    this.arrow = arrow;
    this.sign = sign;
  }

  /** {@code "→ 0"} or {@code "→ ∞"}. */
  public String arrow() {
    return arrow;
  }

  /**
   * The exponent shift that makes a bound claim a faster rate in this regime: {@code +1} for
   * {@code x → 0} (the bound shrinks faster as x falls), {@code −1} for {@code x → ∞}.
   */
  public int faster() {
    return sign;
  }

  /**
   * The verdict of a measured slope interval {@code [lower, upper]} against the bound's slope: the
   * interval entirely on the unfavourable side is VIOLATED, entirely on the favourable side
   * STEEPER, otherwise CONSISTENT.
   */
  public ScalingVerdict judge(double lower, double upper, double boundSlope) {
    // x → 0: favourable a ≥ b;  x → ∞: favourable a ≤ b
    double favourableEnd = sign > 0 ? lower : -upper;
    double unfavourableEnd = sign > 0 ? upper : -lower;
    double b = sign * boundSlope;
    if (unfavourableEnd < b) {
      return ScalingVerdict.VIOLATED;
    }
    if (favourableEnd > b) {
      return ScalingVerdict.STEEPER;
    }
    return ScalingVerdict.CONSISTENT;
  }

  /** The rule in words, for the report. */
  public String criterion(String variable) {
    return sign > 0
        ? "upper bound read as " + variable + " → 0: CONSISTENT when the interval reaches the bound"
            + " slope, STEEPER when it lies above it (the ratio to the bound vanishes), VIOLATED"
            + " when it lies below it (the ratio grows without limit)"
        : "upper bound read as " + variable + " → ∞: CONSISTENT when the interval reaches the bound"
            + " slope, STEEPER when it lies below it (the ratio to the bound vanishes), VIOLATED"
            + " when it lies above it (the ratio grows without limit)";
  }
}
