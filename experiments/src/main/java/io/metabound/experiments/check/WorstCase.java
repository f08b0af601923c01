package io.metabound.experiments.check;

/**
 * The worst instance a search found for a violated check, before the shrinker simplified it: the
 * size of the violation a reader should quote (the shrunk instance only has to still fail, so its
 * ratio is often much closer to 1).
 *
 * @param instance the instance of largest ratio, with its seed (replayable)
 * @param empirical the measured value there
 * @param theoretical the bound's value there
 * @param ratio the oriented ratio there
 * @param counterexample the path of its counterexample file, or null when none was written
 */
public record WorstCase(
    Instance instance,
    double empirical,
    double theoretical,
    double ratio,
    String counterexample) {

  /** The worst case of a confirmed result on the instance of largest ratio. */
  static WorstCase of(CheckResult result) {
    return new WorstCase(
        result.instance(), result.empirical(), result.theoretical(), result.ratio(), null);
  }

  /** The same worst case with its counterexample file at {@code path}. */
  public WorstCase withCounterexample(String path) {
    return new WorstCase(instance, empirical, theoretical, ratio, path);
  }
}
