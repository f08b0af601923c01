package io.metabound.experiments.task;

/**
 * One task of a meta-learning problem: the loss the inner loop descends ({@code inner}: the
 * support / training loss, Ji2022 {@code l_{S_i}}, iMAML {@code \hat L_i}) and the loss the outer
 * step evaluates ({@code outer}: the query / test loss, Ji2022 {@code l_{T_i}}, iMAML {@code L_i}).
 * In the resampling case of Ji2022 and in Fallah2020 both are the same function.
 *
 * @param inner the loss of the inner (adaptation) steps
 * @param outer the loss evaluated after adaptation
 * @param weight non-negative task weight; meta-objectives average with weights normalised to 1
 */
public record MetaTask(SmoothLoss inner, SmoothLoss outer, double weight) {

  public MetaTask {
    if (inner.dimension() != outer.dimension()) {
      throw new IllegalArgumentException(
          "inner and outer losses differ in dimension: " + inner.dimension() + " vs " + outer.dimension());
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("task weight must be finite and >= 0, got " + weight);
    }
  }

  /** A task whose inner and outer losses coincide (resampling case), weight 1. */
  public static MetaTask same(SmoothLoss loss) {
    return new MetaTask(loss, loss, 1.0);
  }

  public int dimension() {
    return inner.dimension();
  }

  /** True when the inner and outer loss are the same object (resampling case). */
  public boolean isSameLoss() {
    return inner == outer || inner.equals(outer);
  }
}
