package io.metabound.reports.report;

import io.metabound.bounds.registry.Provenance;

/**
 * How a provenance is shown: verbatim tags quietly, reconstructed ones ({@code [R-…]}, {@code [S]},
 * {@code [derived]}) prominently, with what they mean.
 */
final class Provenances {

  private Provenances() {}

  /** {@code verbatim [V]}, {@code RECONSTRUCTED [R-hi]}, {@code SECONDARY SOURCE ONLY [S]}, … */
  static String label(Provenance p) {
    if (p.isVerbatim()) {
      return "verbatim " + p.tag();
    }
    if (p.isSecondary()) {
      return "SECONDARY SOURCE ONLY " + p.tag();
    }
    if (p.isDerived()) {
      return "METABOUND-DERIVED, NOT IN THE PAPER " + p.tag();
    }
    return "RECONSTRUCTED " + p.tag();
  }

  /** The label as an HTML badge with the source as a tooltip. */
  static String badge(Provenance p) {
    return "<span class=\"prov "
        + (p.isVerbatim() ? "verbatim" : "reconstructed")
        + "\" title=\""
        + HtmlPage.escape(p.source())
        + "\">"
        + HtmlPage.escape(label(p))
        + "</span>";
  }

  /** The label in Markdown: bold when reconstructed. */
  static String markdown(Provenance p) {
    return p.isVerbatim() ? "(" + label(p) + ")" : "**" + label(p) + "**";
  }
}
