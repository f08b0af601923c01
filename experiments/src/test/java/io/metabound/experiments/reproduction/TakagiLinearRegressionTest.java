package io.metabound.experiments.reproduction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.experiments.oracle.EstimatorMaps;
import io.metabound.experiments.oracle.QuadraticTasks;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TakagiLinearRegressionTest {

  @Test
  void alphaCriticalOfAHandCase() {
    // f = ½·4·(w − 1)²: FO-MAML's A = 4(1 − 4α) > 0 iff α < 1/4
    TaskSet one = new TaskSet(List.of(MetaTask.same(QuadraticLoss.of(new double[][] {{4}}, new double[] {1}))));
    assertEquals(0.25, TakagiLinearRegression.fomamlAlphaCritical(EstimatorMaps.of(one), 4), 1e-15);
  }

  @Test
  void theTaskIsThePopulationQuadraticWithTheChosenSpectrum() {
    double[] eig = QuadraticTasks.of(TakagiLinearRegression.task(7)).innerEigenvalues(0);
    double[] expected = TakagiLinearRegression.SPECTRUM.clone();
    Arrays.sort(expected);
    for (int k = 0; k < eig.length; k++) {
      assertEquals(expected[k], eig[k], 1e-12);
    }
  }

  @Test
  void quickRunAgreesOnFoMamlAndSaysHowExactMamlDiffers() {
    ReproductionResult r = new TakagiLinearRegression().run(new ReproductionSettings(3, true));
    // α_c = 1/λ_max = 1/2 exactly
    assertEquals(0.5, r.number("alpha_c_fomaml"), 1e-12);
    assertTrue(r.number("beta_c_max_relative_difference_fomaml") < 1e-12);
    // exact MAML: β* = min 2/(λ(1 − αλ)²) > Takagi's 2/(λ − αλ²) for α > 0
    assertTrue(r.number("beta_maml_over_takagi_min") > 1);
    assertTrue(r.number("beta_maml_at_1.25_alpha_c") > 0);
    assertEquals(r.number("map_rows_compared_fomaml"), r.number("map_rows_on_boundary_fomaml"));
    assertTrue(r.number("map_max_relative_miss_maml") > 0.01, "Takagi misses exact MAML's boundary");
    assertEquals(Agreement.AGREES, r.verdict());
    assertEquals(2, r.heatmaps().size());
  }
}
