package io.metabound.reports.claims;

import io.metabound.experiments.io.InputTooLargeException;
import io.metabound.experiments.io.SizeLimits;

/**
 * The largest sizes a claim may ask for, checked while the claim is parsed so that a huge number
 * of tasks, a huge dimension or a huge step count is an ERROR naming the field, the size asked
 * and the limit — never an allocation failure or an exception deep in a matrix library minutes
 * into a search.
 *
 * <p>Two limits apply: the families' own maxima (the falsifier searches every shape, so shapes
 * beyond {@link #MAX_SHAPE} add nothing it can find; a whole-number parameter — inner steps, batch
 * sizes, iteration counts — is at most {@link #MAX_COUNT}, the sweep's limit on steps too), and
 * the memory the shape's task matrices need against {@link SizeLimits}.
 */
final class ClaimSizes {

  /** Largest dimension d and task count m of a family. */
  static final int MAX_SHAPE = 20;

  /** Largest samples per task of a regression family. */
  static final int MAX_SAMPLES = 10_000;

  /** Largest value of a whole-number parameter (N, K, batch sizes). */
  static final int MAX_COUNT = 10_000;

  private ClaimSizes() {}

  /** The message of a size over a limit: the size asked and the limit. */
  static String tooLarge(double asked, long limit, String why) {
    return "asked "
        + (asked == Math.rint(asked) && Math.abs(asked) < 1e18
            ? Long.toString((long) asked)
            : Double.toString(asked))
        + ", more than the limit of "
        + limit
        + " ("
        + why
        + ")";
  }

  /**
   * Checks a whole-number parameter's constant value.
   *
   * @throws ClaimsFileException naming the field when it exceeds {@link #MAX_COUNT}
   */
  static void requireCount(double value, String file, String id, String field) {
    if (value > MAX_COUNT) {
      throw new ClaimsFileException(
          file,
          id,
          field,
          tooLarge(
              value,
              MAX_COUNT,
              "each evaluation runs this many steps or samples, and the search evaluates hundreds"
                  + " of instances"));
    }
  }

  /**
   * Checks a family's shape: d and m against {@link #MAX_SHAPE}, and the task matrices (and data,
   * for regression) of the largest instance against the memory limit.
   *
   * @param samples samples per task (train + validation), 0 for a quadratic family
   */
  static void requireShape(
      int maxDimension, int maxTasks, int samples, String file, String id) {
    if (maxDimension > MAX_SHAPE) {
      throw new ClaimsFileException(
          file, id, "family.dim", tooLarge(maxDimension, MAX_SHAPE, shapeReason()));
    }
    if (maxTasks > MAX_SHAPE) {
      throw new ClaimsFileException(
          file, id, "family.tasks", tooLarge(maxTasks, MAX_SHAPE, shapeReason()));
    }
    if (samples > MAX_SAMPLES) {
      throw new ClaimsFileException(
          file, id, "family.samples", tooLarge(samples, MAX_SAMPLES, "samples per task"));
    }
    // inner and outer Hessian, centre and data of every task of the largest instance
    long bytes =
        SizeLimits.doubles(maxTasks, 2L * maxDimension * maxDimension + maxDimension)
            + SizeLimits.doubles(maxTasks, samples, maxDimension + 1L);
    try {
      SizeLimits.require(
          bytes, "the tasks of an instance with d = " + maxDimension + " and m = " + maxTasks);
    } catch (InputTooLargeException e) {
      throw new ClaimsFileException(file, id, "family", e.getMessage());
    }
  }

  private static String shapeReason() {
    return "the falsifier searches every shape up to it; larger shapes add nothing it can find";
  }
}
