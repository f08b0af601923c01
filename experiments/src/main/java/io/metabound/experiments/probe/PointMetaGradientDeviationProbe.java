package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.linalg.Vectors;

/**
 * The distance of one task's N-step meta-gradient from its query gradient at the instance's point
 * {@code w}, {@code ‖∇L_i(w) − ∇l_{T_i}(w)‖} with {@code ∇L_i(w) = ∏_j(I − α∇²l_{S_i}(w̃_j))
 * ∇l_{T_i}(w̃_N)} (Ji, Yang and Liang 2022, eq. (10) and Lemma 18), exact for any losses (the
 * product formula of {@link MamlMetaGradient}). Parameters: {@code alpha}, {@code N}, {@code w0 …
 * w(d−1)} and optionally {@code task} (default 0).
 */
public final class PointMetaGradientDeviationProbe implements Probe {

  @Override
  public String quantityId() {
    return "meta-gradient-deviation";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    double[] w = instance.vectorParameter("w");
    int task = ProbeSupport.integerOr(instance, "task", 0);
    MamlMetaGradient maml =
        new MamlMetaGradient(
            instance.tasks(), instance.parameter("alpha"), instance.integerParameter("N"));
    double[] meta = new double[w.length];
    maml.taskGradient(task, w, meta);
    double[] query = new double[w.length];
    instance.tasks().get(task).outer().gradient(w, query);
    return Measurement.exact(Vectors.distance(meta, query));
  }
}
