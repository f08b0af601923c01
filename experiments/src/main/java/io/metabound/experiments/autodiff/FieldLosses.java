package io.metabound.experiments.autodiff;

import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.SmoothLoss;

/** Views a {@link SmoothLoss} as a {@link FieldLoss} when a field version of it exists. */
public final class FieldLosses {

  private FieldLosses() {}

  /**
   * The loss itself when it already is a {@link FieldLoss}; a {@link FieldQuadraticLoss} for a
   * {@link QuadraticLoss}.
   *
   * @throws IllegalArgumentException for any other loss type, naming it
   */
  public static FieldLoss of(SmoothLoss loss) {
    if (loss instanceof FieldLoss f) {
      return f;
    }
    if (loss instanceof QuadraticLoss q) {
      return new FieldQuadraticLoss(q);
    }
    throw new IllegalArgumentException(
        "no field (automatic differentiation) version of the loss type "
            + loss.getClass().getName()
            + "; supported: QuadraticLoss and every FieldLoss (logistic, separable non-convex,"
            + " least squares)");
  }
}
