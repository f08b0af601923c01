package io.metabound.reports.plot;

/** Picture formats of a heatmap: PNG (bitmap), SVG and PDF (vector). */
public enum ImageFormat {
  PNG("png"),
  SVG("svg"),
  PDF("pdf");

  private final String extension;

  ImageFormat(String extension) {
    this.extension = extension;
  }

  /** File extension without the dot. */
  public String extension() {
    return extension;
  }
}
