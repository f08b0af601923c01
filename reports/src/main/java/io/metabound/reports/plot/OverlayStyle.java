package io.metabound.reports.plot;

import io.metabound.experiments.sweep.BoundaryOverlay;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How an overlay curve is drawn: colour, width and dash pattern (null = solid), in units of the
 * figure's line scale ({@link FigureLayout#lineScale()}).
 *
 * <p>Colours are the Okabe–Ito palette (Okabe and Ito 2008, "Color Universal Design"), which stays
 * apart for the common colour-vision deficiencies; black is kept for the exact spectral boundary
 * and yellow is left out because it vanishes on the light cells. Dash patterns differ as well, so
 * curves stay apart in grey-scale print. {@link #assign} gives the overlays of one figure their
 * styles in order: the six colours and five dash patterns advance together, and because 6 and 5
 * are coprime the first 30 overlays all get different colour-and-dash pairs (and neighbours
 * differ in both).
 *
 * @param color line colour
 * @param width line width
 * @param dash dash pattern, or null for a solid line
 */
public record OverlayStyle(Color color, float width, float[] dash) {

  /** Exact spectral boundary: black, solid, thick. */
  public static final OverlayStyle EXACT = new OverlayStyle(Color.BLACK, 2.6f, null);

  /** Okabe–Ito colours for the other overlays, most visible on the cell colours first. */
  static final List<Color> PALETTE = List.of(
      new Color(0x00, 0x72, 0xB2), // blue
      new Color(0xD5, 0x5E, 0x00), // vermillion
      new Color(0x00, 0x9E, 0x73), // bluish green
      new Color(0xCC, 0x79, 0xA7), // reddish purple
      new Color(0xE6, 0x9F, 0x00), // orange
      new Color(0x56, 0xB4, 0xE9)); // sky blue

  /** Dash patterns for the other overlays: dashed, dotted, dash-dot, long dash, dash-dot-dot. */
  static final List<float[]> DASHES = List.of(
      new float[] {9, 5},
      new float[] {2.5f, 3.5f},
      new float[] {12, 4, 3, 4},
      new float[] {20, 6},
      new float[] {11, 3, 2.5f, 3, 2.5f, 3});

  /** Line width of an ordinary overlay. */
  static final float WIDTH = 2.2f;
  /** Line width of a family of many thin lines (Takagi2019's per-eigenvalue lines). */
  static final float THIN_WIDTH = 1.1f;

  public OverlayStyle {
    dash = dash == null ? null : dash.clone();
  }

  @Override
  public float[] dash() {
    return dash == null ? null : dash.clone();
  }

  /** True when two styles look the same: same colour and the same dash pattern. */
  public boolean looksLike(OverlayStyle other) {
    return color.equals(other.color) && Arrays.equals(dash, other.dash);
  }

  /**
   * The styles of the overlays of one figure, in the same order. The first exact spectral
   * boundary ({@code spectral.*}) is {@link #EXACT}; every other overlay takes the next palette
   * colour and the next dash pattern, so the result depends only on the overlays' order and ids.
   * Past 30 overlays the pairs repeat, each round with a thinner line.
   */
  public static List<OverlayStyle> assign(List<BoundaryOverlay> overlays) {
    List<OverlayStyle> styles = new ArrayList<>(overlays.size());
    boolean exactTaken = false;
    int next = 0;
    for (BoundaryOverlay overlay : overlays) {
      if (!exactTaken && overlay.id().startsWith("spectral")) {
        styles.add(EXACT);
        exactTaken = true;
        continue;
      }
      int round = next / (PALETTE.size() * DASHES.size());
      float width = overlay.id().contains("per-eigenvalue") ? THIN_WIDTH : WIDTH;
      styles.add(new OverlayStyle(
          PALETTE.get(next % PALETTE.size()),
          width / (1 + 0.35f * round),
          DASHES.get(next % DASHES.size())));
      next++;
    }
    return styles;
  }
}
