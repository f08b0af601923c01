package io.metabound.reports.claims;

/**
 * The measured side of a claim: either a quantity of the catalogue for an estimator (the original
 * claim format, {@code quantity: meta-smoothness} with {@code estimator: maml}) or a measure
 * expression over exact primitives ({@code measure: "eigmin(meta_hessian(maml))"}).
 */
public sealed interface Measured permits Measured.Quantity, Measured.Measure {

  /** The measured side as the claim's relation text prints it. */
  String text();

  /**
   * @param quantity the quantity id ({@code meta-smoothness}, …)
   * @param estimator the estimator or Monte Carlo algorithm name, lower case
   */
  record Quantity(String quantity, String estimator) implements Measured {
    @Override
    public String text() {
      return quantity + "(" + estimator + ")";
    }
  }

  /**
   * @param expression the measure as written
   */
  record Measure(String expression) implements Measured {
    @Override
    public String text() {
      return expression;
    }
  }
}
