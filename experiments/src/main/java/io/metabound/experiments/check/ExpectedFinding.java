package io.metabound.experiments.check;

/**
 * A documented discrepancy between a paper's statement and exact computation: a VIOLATED verdict
 * that is data, not a build failure (for example a paper's threshold that is an approximation).
 *
 * <p>Each finding says what it is about ({@link Cause}), so that a summary's "VIOLATED (expected)"
 * count reads as what it is: a claim against a MetaBound reconstruction, against how MetaBound
 * encodes or measures a statement, or against the statement as the paper prints it.
 *
 * @param cause what the violation is about
 * @param explanation what exact computation shows and why, with the reference
 */
public record ExpectedFinding(Cause cause, String explanation) {

  /** What an expected violation is about. */
  public enum Cause {
    /** A reconstruction of a formula the sources do not show (a docs/THEOREMS.md [R-…] reading). */
    RECONSTRUCTION("reconstruction"),
    /** How MetaBound encodes or measures the statement, not the statement itself. */
    ENCODING("encoding"),
    /** The statement as the paper prints it (verbatim or OCR-decoded). */
    PAPER("paper");

    private final String label;

    Cause(String label) {
      this.label = label;
    }

    /** One word for summaries: {@code reconstruction}, {@code encoding} or {@code paper}. */
    public String label() {
      return label;
    }
  }

  public ExpectedFinding {
    if (cause == null) {
      throw new IllegalArgumentException("an expected finding needs a cause");
    }
    if (explanation == null || explanation.isBlank()) {
      throw new IllegalArgumentException("an expected finding needs an explanation");
    }
  }

  /** A finding against a MetaBound reconstruction of an unreadable formula. */
  public static ExpectedFinding reconstruction(String explanation) {
    return new ExpectedFinding(Cause.RECONSTRUCTION, explanation);
  }

  /** A finding about how MetaBound encodes or measures a statement. */
  public static ExpectedFinding encoding(String explanation) {
    return new ExpectedFinding(Cause.ENCODING, explanation);
  }

  /** A finding against the statement as the paper prints it. */
  public static ExpectedFinding paper(String explanation) {
    return new ExpectedFinding(Cause.PAPER, explanation);
  }
}
