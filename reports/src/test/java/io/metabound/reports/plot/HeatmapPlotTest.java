package io.metabound.reports.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.metabound.experiments.sweep.SpectralOverlay;
import io.metabound.experiments.sweep.SweepGrid;
import io.metabound.experiments.sweep.SweepResult;
import io.metabound.experiments.sweep.TakagiOverlay;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapPlotTest {

  @TempDir Path dir;

  // two decoupled 1-d tasks' worth of curvature: H = diag(1, 4), FO-MAML N = 1: A = H(I − αH)
  private static final EstimatorMapSource FO_MAML = (n, alpha) -> new AffineGradientMap(2,
      new double[] {1 * (1 - alpha), 0, 0, 4 * (1 - 4 * alpha)}, new double[] {1, 4});

  private static HeatmapPlot plot(HeatmapColouring colouring) {
    SweepGrid grid = new SweepGrid.AlphaBeta(
        GridAxis.parse("alpha", "0:0.4:40"), GridAxis.parse("beta", "0:4:50"), 1);
    SweepResult result = new HeatmapSweep(grid,
        new AffineCellModel(FO_MAML, new double[2], ConvergenceCriterion.of(400)), 0).run();
    PlotWindow window = PlotWindow.of(grid);
    List<BoundaryOverlay> overlays = new java.util.ArrayList<>();
    overlays.add(SpectralOverlay.alphaBeta(FO_MAML, 1, new double[2], window, "FO-MAML"));
    overlays.addAll(TakagiOverlay.alphaBeta(new double[] {1, 4}, window));
    return new HeatmapPlot(result, overlays, colouring, "FO-MAML, N = 1", "α (inner step size)",
        "β (meta step size)");
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
}
