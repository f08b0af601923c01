package io.metabound.reports.report;

/**
 * The pgfplots style of the {@code k}-th curve of a figure: a colour and a dash pattern, both
 * cycling with coprime periods (8 colours, 5 dash patterns), so the first 40 curves of a figure
 * all differ in colour or dash and none is distinguishable only by colour from its neighbours.
 */
final class PlotStyles {

  private static final String[] COLOURS = {
    "blue!80!black", "red!80!black", "green!50!black", "orange!90!black",
    "violet", "cyan!60!black", "brown!80!black", "black"
  };

  private static final String[] DASHES = {"solid", "dashed", "dotted", "dashdotted", "densely dashdotdotted"};

  /** How many consecutive curves get pairwise different styles. */
  static final int DISTINCT = COLOURS.length * DASHES.length;

  private PlotStyles() {}

  /** The line style of curve {@code k} (0-based): {@code color=…, dash…, thick, no marks}. */
  static String line(int k) {
    return "color=" + COLOURS[k % COLOURS.length] + ", " + DASHES[k % DASHES.length] + ", thick, no marks";
  }

  /** The style of measured points of curve {@code k}: its colour and dash, with marks. */
  static String marked(int k) {
    return "color=" + COLOURS[k % COLOURS.length] + ", " + DASHES[k % DASHES.length] + ", thick, mark=*,"
        + " mark size=1.2pt, mark options={solid}";
  }
}
