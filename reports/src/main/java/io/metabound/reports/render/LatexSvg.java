package io.metabound.reports.render;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Insets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.swing.JLabel;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * Renders a LaTeX formula to a standalone SVG document with jlatexmath, glyphs drawn as paths, so
 * a report shows the bound statements offline, without a CDN or installed fonts.
 */
public final class LatexSvg {

  private LatexSvg() {}

  /**
   * Draws every string as the outline of its glyphs. jlatexmath resets rendering hints while it
   * paints, so VectorGraphics2D's text-as-vector hint does not survive; outlining here does, and the
   * SVG then needs none of jlatexmath's fonts.
   */
  private static final class OutlinedTextGraphics extends VectorGraphics2D {
    @Override
    public void drawString(String text, float x, float y) {
      fill(getFont().createGlyphVector(getFontRenderContext(), text).getOutline(x, y));
    }

    @Override
    public void drawString(String text, int x, int y) {
      drawString(text, (float) x, (float) y);
    }

    @Override
    public void drawChars(char[] data, int offset, int length, int x, int y) {
      drawString(new String(data, offset, length), (float) x, (float) y);
    }

    @Override
    public void drawGlyphVector(java.awt.font.GlyphVector glyphs, float x, float y) {
      fill(glyphs.getOutline(x, y));
    }
  }

  /**
   * @param latex math-mode LaTeX (no surrounding {@code $})
   * @param size font size in points
   * @return the SVG document
   * @throws IllegalArgumentException if jlatexmath cannot parse the formula
   */
  public static String render(String latex, float size) {
    TeXIcon icon;
    try {
      icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot render LaTeX '" + latex + "': " + e.getMessage(), e);
    }
    icon.setInsets(new Insets(2, 2, 2, 2));
    int width = icon.getIconWidth();
    int height = icon.getIconHeight();
    VectorGraphics2D g = new OutlinedTextGraphics();
    JLabel host = new JLabel();
    host.setForeground(Color.BLACK);
    icon.paintIcon(host, g, 0, 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new SVGProcessor().getDocument(g.getCommands(), new PageSize(width, height)).writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
