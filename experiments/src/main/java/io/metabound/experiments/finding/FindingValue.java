package io.metabound.experiments.finding;

/**
 * One measured value of a finding beside the value a statement gives for it.
 *
 * <p>The ratio follows the convention of the check suite, so that a ratio above 1 means the
 * statement fails on the instance:
 *
 * <ul>
 *   <li>a stepsize threshold (the stepsize must lie below the formula): {@code ratio =
 *       stated/measured}; above 1 the statement admits stepsizes that do not converge, below 1 it is
 *       conservative by that factor;
 *   <li>an upper bound: {@code ratio = measured/stated};
 *   <li>a stated factor or value: {@code ratio = measured/stated} (1 when they agree).
 * </ul>
 *
 * A ratio is given only when both values are positive (a negative stated threshold admits no
 * stepsize, and a measured 0 means no stepsize converges): {@code null} otherwise.
 *
 * @param what what is measured and what it is compared with
 * @param measured the exact value from the oracle
 * @param stated the value of the statement's formula on the same instance
 * @param ratio see above, or null
 * @param ratioIs {@code "stated/measured"} or {@code "measured/stated"}
 */
public record FindingValue(String what, double measured, double stated, Double ratio, String ratioIs) {

  /** {@code ratio = stated/measured}: a stepsize threshold. */
  static FindingValue threshold(String what, double measured, double stated) {
    return new FindingValue(
        what, measured, stated, positive(measured, stated) ? stated / measured : null, "stated/measured");
  }

  /** {@code ratio = measured/stated}: an upper bound, a stated factor or a stated value. */
  static FindingValue bound(String what, double measured, double stated) {
    return new FindingValue(
        what, measured, stated, positive(measured, stated) ? measured / stated : null, "measured/stated");
  }

  private static boolean positive(double measured, double stated) {
    return measured > 0 && stated > 0 && Double.isFinite(measured) && Double.isFinite(stated);
  }
}
