package io.metabound.experiments.measure;

/** The type of a measure value: every vector has length d, every matrix is d × d. */
public enum MeasureType {
  SCALAR,
  VECTOR,
  MATRIX;

  /** Lower-case name for messages ({@code scalar}, {@code vector}, {@code matrix}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
