package io.metabound.reports.plot;

import java.awt.Color;

/**
 * How an overlay curve is drawn: colour, width and dash pattern (null = solid). Chosen to stay
 * visible on all three status colours and in grey-scale print (dash patterns differ).
 *
 * @param color line colour
 * @param width line width in pixels
 * @param dash dash pattern in pixels, or null for a solid line
 */
public record OverlayStyle(Color color, float width, float[] dash) {

  /** Exact spectral boundary: black, solid, thick. */
  public static final OverlayStyle EXACT = new OverlayStyle(Color.BLACK, 2.6f, null);
  /** Takagi2019 envelope: dark magenta, dashed. */
  public static final OverlayStyle TAKAGI = new OverlayStyle(new Color(150, 0, 120), 2.4f, new float[] {9, 5});
  /** Takagi2019 per-eigenvalue lines: faint magenta, thin, short dashes (there can be dozens). */
  public static final OverlayStyle TAKAGI_FAINT =
      new OverlayStyle(new Color(150, 0, 120, 90), 1.0f, new float[] {4, 3});
  /** First Ji2022 curve: dark green, dash-dot. */
  public static final OverlayStyle JI_FIRST = new OverlayStyle(new Color(0, 110, 40), 2.2f, new float[] {12, 4, 3, 4});
  /** Second Ji2022 curve: brown, dotted. */
  public static final OverlayStyle JI_SECOND = new OverlayStyle(new Color(150, 75, 0), 2.2f, new float[] {3, 4});
  /** Anything else: dark blue, long dashes. */
  public static final OverlayStyle OTHER = new OverlayStyle(new Color(20, 40, 140), 2.0f, new float[] {14, 6});

  /** The default style of an overlay id. */
  public static OverlayStyle forId(String id) {
    if (id.startsWith("spectral")) {
      return EXACT;
    }
    if (id.startsWith("takagi") && id.contains("per-eigenvalue")) {
      return TAKAGI_FAINT;
    }
    if (id.startsWith("takagi")) {
      return TAKAGI;
    }
    if (id.startsWith("ji2022") && id.contains("1over8")) {
      return JI_FIRST;
    }
    if (id.startsWith("ji2022")) {
      return JI_SECOND;
    }
    return OTHER;
  }
}
