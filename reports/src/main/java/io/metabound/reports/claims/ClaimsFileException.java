package io.metabound.reports.claims;

/**
 * A problem in a claims file: which file, which claim, which field and what is wrong, in one line
 * (the CLI prints it and exits with code 2).
 */
public final class ClaimsFileException extends RuntimeException {

  private final String file;
  private final int line;
  private final String claimId;
  private final String field;
  private final String problem;

  /**
   * @param file the file (as given)
   * @param claimId the claim's id, or its position ({@code #3}) when it has none yet; empty for the
   *     file as a whole
   * @param field the field ({@code bound}, {@code params.alpha}, …); empty when not about a field
   * @param problem what is wrong
   */
  public ClaimsFileException(String file, String claimId, String field, String problem) {
    this(file, 0, claimId, field, problem);
  }

  /**
   * A problem at a known line of the file: the message starts {@code FILE:LINE:}.
   *
   * @param line the 1-based line, or 0 when unknown
   */
  public ClaimsFileException(String file, int line, String claimId, String field, String problem) {
    super(message(file, line, claimId, field, problem));
    this.file = file;
    this.line = line;
    this.claimId = claimId;
    this.field = field;
    this.problem = problem;
  }

  private static String message(
      String file, int line, String claimId, String field, String problem) {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
    }
    if (!claimId.isEmpty()) {
      s.append(": claim '").append(claimId).append('\'');
    }
    if (!field.isEmpty()) {
      s.append(": field '").append(field).append('\'');
    }
    return s.append(": ").append(problem).toString();
  }

  public String file() {
    return file;
  }

  /** The 1-based line the problem is at, or 0 when unknown. */
  public int line() {
    return line;
  }

  public String claimId() {
    return claimId;
  }

  public String field() {
    return field;
  }

  /** What is wrong, without the file and claim. */
  public String problem() {
    return problem;
  }

  /** {@code field 'x': problem} (or the problem alone when no field is named). */
  public String fieldProblem() {
    return field.isEmpty() ? problem : "field '" + field + "': " + problem;
  }
}
