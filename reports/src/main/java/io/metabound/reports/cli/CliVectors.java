package io.metabound.reports.cli;

/** Vector options written as {@code "w1,w2,..."} ({@code --start}, {@code --point}). */
final class CliVectors {

  private CliVectors() {}

  /**
   * Parses a comma-separated vector of finite numbers of the given dimension.
   *
   * @param option the option's name, for messages (e.g. {@code --point})
   * @throws UserInputException naming the option and the coordinate when the text is malformed
   */
  static double[] parse(String option, String text, int dimension) {
    String[] parts = text.trim().split("\\s*,\\s*");
    if (parts.length != dimension) {
      throw new UserInputException(option + ": has " + parts.length + " coordinates, the tasks have dimension " + dimension);
    }
    double[] w = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      try {
        w[i] = Double.parseDouble(parts[i]);
      } catch (NumberFormatException e) {
        throw new UserInputException(option + ": coordinate " + (i + 1) + " is not a number: '" + parts[i] + "'");
      }
      if (!Double.isFinite(w[i])) {
        throw new UserInputException(option + ": coordinate " + (i + 1) + " must be finite");
      }
    }
    return w;
  }
}
