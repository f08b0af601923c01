package io.metabound.experiments.measure;

/**
 * One static problem of a measure: where it is and what is wrong, naming what exists.
 *
 * @param column 1-based column in the measure text (0 when the tree was built in code)
 * @param message the problem, one line
 */
public record MeasureProblem(int column, String message) {

  @Override
  public String toString() {
    return "column " + column + ": " + message;
  }
}
