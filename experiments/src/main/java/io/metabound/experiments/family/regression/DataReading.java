package io.metabound.experiments.family.regression;

import java.util.Locale;
import java.util.Optional;

/**
 * How an instance of the linear-regression family reads its data ({@code data:} in a claims file).
 */
public enum DataReading {
  /**
   * One data set per task: the inner loss is the train least-squares quadratic and the outer the
   * validation one; every exact primitive of the quadratic model applies.
   */
  SAMPLED("sampled"),
  /**
   * The expectation over the data: the task loss is the expected loss {@code ½(w − θ_i)ᵀΣ(w − θ_i)
   * + σ²/2} and the meta-quantities are data averages ({@link ExpectedRegressionModel}).
   */
  EXPECTED("expected");

  private final String key;

  DataReading(String key) {
    this.key = key;
  }

  /** The claims-file value: {@code sampled} or {@code expected}. */
  public String key() {
    return key;
  }

  /** The family name an instance of this reading carries: {@code linear-regression (sampled)}. */
  public String familyName() {
    return "linear-regression (" + key + ")";
  }

  /**
   * Parses a claims-file value, ignoring case.
   *
   * @throws IllegalArgumentException listing the accepted values
   */
  public static DataReading parse(String value) {
    for (DataReading r : values()) {
      if (r.key.equals(value.toLowerCase(Locale.ROOT).trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown data reading '" + value + "'; expected sampled or expected");
  }

  /** The reading whose {@link #familyName()} is {@code family}, if any. */
  public static Optional<DataReading> ofFamily(String family) {
    for (DataReading r : values()) {
      if (r.familyName().equals(family)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
