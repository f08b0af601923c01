package io.metabound.experiments.reproduction;

/** A reproduction of one of the papers' own figures or tables. */
public interface Reproduction {

  /** The CLI name ({@code takagi-linreg}). */
  String name();

  /** A one-line title. */
  String title();

  /** Runs the measurement and decides the verdict. */
  ReproductionResult run(ReproductionSettings settings);
}
