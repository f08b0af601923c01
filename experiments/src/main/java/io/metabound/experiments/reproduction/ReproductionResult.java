package io.metabound.experiments.reproduction;

import java.util.List;

/**
 * What a reproduction found: the paper's claims, the set-up, the measured data, the fitted numbers
 * and the computed verdict.
 *
 * @param name the reproduction's name ({@code takagi-linreg})
 * @param title a one-line title
 * @param claims what the papers claim, with provenance
 * @param setup the problem MetaBound measured on, in words (dimensions, spectra, seeds, grids), and
 *     what of the paper's own set-up is unknown
 * @param figures curve data
 * @param heatmaps convergence maps
 * @param fits fitted lines
 * @param numbers named numbers
 * @param findings each testable part of the claims, with its agreement
 * @param verdict {@link Agreement#combine} of the findings
 * @param seed the seed
 * @param quick true when run in quick mode
 * @param notes caveats for the reader
 */
public record ReproductionResult(
    String name,
    String title,
    List<PaperClaim> claims,
    String setup,
    List<Figure> figures,
    List<HeatmapPanel> heatmaps,
    List<LineFit> fits,
    List<Measured> numbers,
    List<Finding> findings,
    Agreement verdict,
    long seed,
    boolean quick,
    List<String> notes) {

  public ReproductionResult {
    claims = List.copyOf(claims);
    figures = List.copyOf(figures);
    heatmaps = List.copyOf(heatmaps);
    fits = List.copyOf(fits);
    numbers = List.copyOf(numbers);
    findings = List.copyOf(findings);
    notes = List.copyOf(notes);
    if (verdict != Agreement.combine(findings)) {
      throw new IllegalArgumentException(
          name + ": the verdict must be computed from the findings (" + Agreement.combine(findings) + ")");
    }
  }

  /** The value of a named number. */
  public double number(String numberName) {
    for (Measured m : numbers) {
      if (m.name().equals(numberName)) {
        return m.value();
      }
    }
    throw new IllegalArgumentException(name + " has no number '" + numberName + "'");
  }

  /** A fit by name. */
  public LineFit fit(String fitName) {
    for (LineFit f : fits) {
      if (f.name().equals(fitName)) {
        return f;
      }
    }
    throw new IllegalArgumentException(name + " has no fit '" + fitName + "'");
  }
}
