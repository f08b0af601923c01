package io.metabound.experiments.check;

/**
 * A documented discrepancy between a paper's statement and exact computation: a VIOLATED verdict
 * that is data, not a build failure (for example a paper's threshold that is an approximation).
 *
 * @param explanation what exact computation shows and why, with the reference
 */
public record ExpectedFinding(String explanation) {

  public ExpectedFinding {
    if (explanation == null || explanation.isBlank()) {
      throw new IllegalArgumentException("an expected finding needs an explanation");
    }
  }
}
