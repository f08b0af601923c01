package io.metabound.reports.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.sweep.AffineCellModel;
import io.metabound.experiments.sweep.BoundaryOverlay;
import io.metabound.experiments.sweep.ConvergenceCriterion;
import io.metabound.experiments.sweep.EstimatorMapSource;
import io.metabound.experiments.sweep.GridAxis;
import io.metabound.experiments.sweep.HeatmapSweep;
import io.metabound.experiments.sweep.PlotWindow;
import io.metabound.experiments.sweep.Polyline;
import io.metabound.experiments.sweep.SpectralOverlay;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import io.metabound.experiments.sweep.TakagiOverlay;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapPlotTest {

  @TempDir Path dir;

  // two decoupled 1-d tasks' worth of curvature: H = diag(1, 4), FO-MAML N = 1: A = H(I − αH)
  private static final EstimatorMapSource FO_MAML = (n, alpha) -> new AffineGradientMap(2,
      new double[] {1 * (1 - alpha), 0, 0, 4 * (1 - 4 * alpha)}, new double[] {1, 4});

  private static HeatmapPlot plot(HeatmapColouring colouring) {
    return plot(colouring, "0:0.4:40", "0:4:50", List.of());
  }

  /** FO-MAML on the grid, with the spectral and Takagi overlays and then {@code extra}. */
  private static HeatmapPlot plot(
      HeatmapColouring colouring, String alpha, String beta, List<BoundaryOverlay> extra) {
    SweepGrid grid = new SweepGrid.AlphaBeta(
        GridAxis.parse("alpha", alpha), GridAxis.parse("beta", beta), 1);
    SweepResult result = new HeatmapSweep(grid,
        new AffineCellModel(FO_MAML, new double[2], ConvergenceCriterion.of(400)), 0).run();
    PlotWindow window = PlotWindow.of(grid);
    List<BoundaryOverlay> overlays = new ArrayList<>();
    overlays.add(SpectralOverlay.alphaBeta(FO_MAML, 1, new double[2], window, "FO-MAML"));
    overlays.addAll(TakagiOverlay.alphaBeta(new double[] {1, 4}, window));
    overlays.addAll(extra);
    return new HeatmapPlot(result, overlays, colouring, "FO-MAML, N = 1", "α (inner step size)",
        "β (meta step size)");
  }

  /** A horizontal line β = value over α in [0, 1], predicting that threshold. */
  private static BoundaryOverlay betaLine(String id, String label, double value) {
    return new BoundaryOverlay(id, label, "test", List.of(new Polyline(
        new double[] {0, 0.5, 1}, new double[] {value, value, value})), a -> value, "test line");
  }

  @Test
  void writesDecodablePngAndNonEmptyVectorFiles() throws Exception {
    HeatmapPlot plot = plot(HeatmapColouring.STATUS);
    Path png = dir.resolve("h.png");
    plot.write(ImageFormat.PNG, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertNotNull(image, "PNG decodes");
    assertEquals(1000, image.getWidth());
    assertEquals(760, image.getHeight());
    // the converged colour is present in the picture
    boolean converged = false;
    for (int x = 0; x < image.getWidth() && !converged; x += 3) {
      for (int y = 0; y < image.getHeight() && !converged; y += 3) {
        converged = (image.getRGB(x, y) & 0xFFFFFF) == (HeatmapPlot.CONVERGED.getRGB() & 0xFFFFFF);
      }
    }
    assertTrue(converged, "converged cells drawn");

    Path svg = dir.resolve("h.svg");
    plot.write(ImageFormat.SVG, svg);
    String svgText = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(svgText.contains("<svg"), "SVG root");
    assertTrue(svgText.contains("<path") || svgText.contains("<polyline"), "curves as paths");

    Path pdf = dir.resolve("h.pdf");
    plot.write(ImageFormat.PDF, pdf);
    byte[] pdfBytes = Files.readAllBytes(pdf);
    assertTrue(pdfBytes.length > 1000);
    assertEquals("%PDF", new String(pdfBytes, 0, 4, StandardCharsets.US_ASCII));
  }

  @Test
  void rateColouringRenders() throws Exception {
    byte[] png = plot(HeatmapColouring.RATE).render(ImageFormat.PNG);
    assertNotNull(ImageIO.read(new ByteArrayInputStream(png)));
  }

  @Test
  void distinctOverlaysGetDistinctStylesInEveryFigure() throws Exception {
    // the pairs the issue found sharing a style, plus enough others to use every pair once
    List<BoundaryOverlay> overlays = new ArrayList<>();
    overlays.add(betaLine("spectral.exact", "exact", 1));
    overlays.add(betaLine("ji2022.lemma15.beta", "Ji2022 Lemma 15", 1));
    overlays.add(betaLine("ji2022.cor6.beta", "Ji2022 Corollary 6", 1));
    overlays.add(betaLine("fallah2020.lemma4.9.beta", "Fallah Lemma 4.9", 1));
    overlays.add(betaLine("fallah2020.thm4.12.beta", "Fallah Thm 4.12", 1));
    for (int i = overlays.size(); i <= 30; i++) {
      overlays.add(betaLine("other." + i, "other " + i, 1));
    }
    List<OverlayStyle> styles = OverlayStyle.assign(overlays);
    assertEquals(overlays.size(), styles.size());
    assertEquals(OverlayStyle.EXACT, styles.get(0), "the exact boundary keeps black solid");
    for (int i = 0; i < styles.size(); i++) {
      for (int j = i + 1; j < styles.size(); j++) {
        assertFalse(styles.get(i).looksLike(styles.get(j)),
            overlays.get(i).label() + " and " + overlays.get(j).label() + " share a style");
      }
    }
    // deterministic: the same overlays in the same order get the same styles
    List<OverlayStyle> again = OverlayStyle.assign(overlays);
    for (int i = 0; i < styles.size(); i++) {
      assertTrue(styles.get(i).looksLike(again.get(i)));
      assertEquals(styles.get(i).width(), again.get(i).width());
    }
    // and a real figure's overlays (spectral, Takagi's two, two registry-like lines) differ too
    HeatmapPlot plot = plot(HeatmapColouring.STATUS, "0:0.4:40", "0:4:50", List.of(
        betaLine("fallah2020.lemma4.9.beta", "Fallah Lemma 4.9", 1.5),
        betaLine("fallah2020.thm4.12.beta", "Fallah Thm 4.12", 2.5)));
    List<OverlayStyle> drawn = new ArrayList<>(plot.styles().values());
    assertEquals(5, drawn.size());
    for (int i = 0; i < drawn.size(); i++) {
      for (int j = i + 1; j < drawn.size(); j++) {
        assertFalse(drawn.get(i).looksLike(drawn.get(j)), "two overlays of one figure look alike");
      }
    }
  }

  @Test
  void anOverlayOutsideTheWindowIsNotInTheLegendButNotedWithItsValue() throws Exception {
    // β from 0.5 to 4: a bound at β = 0.0052 lies wholly below the window
    BoundaryOverlay far = betaLine("fallah2020.thm4.12.beta", "Fallah2020 Thm 4.12", 0.0052);
    BoundaryOverlay near = betaLine("fallah2020.lemma4.9.beta", "Fallah2020 Lemma 4.9", 2.0);
    HeatmapPlot plot = plot(HeatmapColouring.STATUS, "0:0.4:40", "0.5:4:50", List.of(far, near));
    assertFalse(plot.legendLabels().contains("Fallah2020 Thm 4.12"), plot.legendLabels().toString());
    assertTrue(plot.legendLabels().contains("Fallah2020 Lemma 4.9"), plot.legendLabels().toString());
    assertFalse(plot.styles().containsKey("fallah2020.thm4.12.beta"));
    assertEquals(1, plot.outsideWindow().size());
    OutsideWindow outside = plot.outsideWindow().get(0);
    assertEquals("fallah2020.thm4.12.beta", outside.id());
    assertEquals("β", outside.axis());
    assertEquals(0.0052, outside.low(), 1e-15);
    assertEquals(0.0052, outside.high(), 1e-15);
    String note = "outside the window: Fallah2020 Thm 4.12 at β = 0.0052";
    assertEquals(note, outside.text());
    // the note is in the figure itself, as text
    String svg = new String(plot.render(ImageFormat.SVG), StandardCharsets.UTF_8);
    assertTrue(svg.contains(note), "the SVG shows the note");
    // a curve that crosses the window is drawn, even if most of it lies outside
    BoundaryOverlay crossing = new BoundaryOverlay("crossing", "crossing", "test",
        List.of(new Polyline(new double[] {-5, 5}, new double[] {-50, 50})), null, "test");
    assertTrue(OutsideWindow.of(crossing, new PlotWindow(0, 1, 0, 1), "α", "β").isEmpty());
    // a vertical line beside the window is reported on the x axis
    BoundaryOverlay beside = new BoundaryOverlay("beside", "beside", "test",
        List.of(Polyline.vertical(3, 0, 1)), null, "test");
    OutsideWindow right = OutsideWindow.of(beside, new PlotWindow(0, 1, 0, 1), "α", "β").orElseThrow();
    assertEquals("outside the window: beside at α = 3", right.text());
  }

  @Test
  void ticksAreRoundNotGridPoints() throws Exception {
    // grid points 0.0103, 0.0205 … ; the ticks must be 0, 0.1, 0.2 …
    HeatmapPlot plot = plot(HeatmapColouring.STATUS);
    for (FigureLayout layout : List.of(FigureLayout.SCREEN, FigureLayout.COLUMN)) {
      for (NiceTicks ticks : plot.ticks(layout)) {
        assertRound(ticks);
        assertTrue(ticks.values().length >= 3, "at least three ticks: " + ticks.labels());
      }
    }
    // α points are 0.01, 0.0205 … 0.4 (an axis from 0 leaves 0 out)
    assertTrue(plot.ticks(FigureLayout.SCREEN).get(0).labels().containsAll(List.of("0.1", "0.2", "0.3", "0.4")),
        plot.ticks(FigureLayout.SCREEN).get(0).labels().toString());
    assertEquals(List.of("1", "2", "3", "4"), plot.ticks(FigureLayout.COLUMN).get(1).labels());
  }

  /** Step 1, 2 or 5 × 10^k and every tick a whole multiple of it, labelled exactly. */
  static void assertRound(NiceTicks ticks) {
    double exponent = Math.floor(Math.log10(ticks.step()) + 1e-9);
    double digit = ticks.step() / Math.pow(10, exponent);
    assertTrue(Math.abs(digit - 1) < 1e-9 || Math.abs(digit - 2) < 1e-9 || Math.abs(digit - 5) < 1e-9,
        "step " + ticks.step());
    double[] values = ticks.values();
    for (int i = 0; i < values.length; i++) {
      double multiple = values[i] / ticks.step();
      assertEquals(Math.rint(multiple), multiple, 1e-9, "tick " + values[i]);
      assertEquals(values[i], Double.parseDouble(ticks.labels().get(i)), Math.abs(values[i]) * 1e-12);
    }
  }

  @Test
  void aHundredByHundredMapIsASmallVectorPictureWithTheCellsAsOneImage() throws Exception {
    for (HeatmapColouring colouring : HeatmapColouring.values()) {
      HeatmapPlot plot = plot(colouring, "0:0.4:100", "0:4:100", List.of());
      byte[] svg = plot.render(ImageFormat.SVG);
      assertTrue(svg.length < 300_000, colouring + " SVG of a 100×100 map: " + svg.length + " bytes");
      String text = new String(svg, StandardCharsets.UTF_8);
      assertEquals(1, text.split("<image", -1).length - 1, "the cells are one image");
      assertTrue(text.contains("<path") || text.contains("<polyline"), "curves stay vector");
      assertTrue(text.contains("<text"), "text stays text");
      byte[] pdf = plot.render(ImageFormat.PDF);
      assertTrue(pdf.length < 300_000, colouring + " PDF of a 100×100 map: " + pdf.length + " bytes");
      // the same plot renders to the same bytes
      assertArrayEquals(svg, plot.render(ImageFormat.SVG));
    }
  }

  @Test
  void thePdfIsOneColumnWide() throws Exception {
    byte[] pdf = plot(HeatmapColouring.STATUS).render(ImageFormat.PDF);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(1, document.getNumberOfPages());
      PDRectangle page = document.getPage(0).getMediaBox();
      assertEquals(240, page.getWidth(), 5, "3.3 in column");
      assertTrue(page.getHeight() > 150 && page.getHeight() < 400, "height " + page.getHeight());
    }
    assertTrue(FigureLayout.COLUMN.textSize() >= 8 && FigureLayout.COLUMN.labelSize() <= 9);
    assertTrue(FigureLayout.COLUMN.titleSize() >= 8 && FigureLayout.COLUMN.titleSize() <= 9);
    assertEquals(java.awt.Font.SERIF, FigureLayout.COLUMN.fontFamily(), "one serif family");
  }
}
