package io.metabound.experiments.check;

/**
 * The outcome of an {@link Ablation} control: the check re-decided with the ablated bound (the
 * symbol set to 0 in the formula) on the instance where the ablated bound is most exceeded.
 *
 * @param symbol the ablated symbol
 * @param terms what setting it to 0 removes
 * @param status how the control came out
 * @param verdict the verdict with the ablated bound (null when not run)
 * @param ablatedRatio the ratio against the ablated bound there (NaN when not run)
 * @param ratio the ratio against the full bound on the same instance (NaN when not run)
 * @param instance the instance, described (null when not run)
 * @param note one sentence for the report
 */
public record AblationResult(
    String symbol,
    String terms,
    Status status,
    Verdict verdict,
    double ablatedRatio,
    double ratio,
    String instance,
    String note) {

  /** How an ablation control came out. */
  public enum Status {
    /** Without the terms the bound is VIOLATED on some instance: they are needed there. */
    EXERCISED,
    /** Without the terms the bound still holds on every instance found. */
    NOT_EXERCISED,
    /**
     * The ablated bound's verdict is INCONCLUSIVE on the best instance (a Monte Carlo interval
     * straddles it): neither shown.
     */
    UNDECIDED,
    /** Not run (no in-scope instance, or the bound does not contain the symbol). */
    NOT_RUN
  }

  /** True when the terms were shown to matter on some instance. */
  public boolean exercised() {
    return status == Status.EXERCISED;
  }
}
