package io.metabound.experiments.finding;

import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.task.QuadraticLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The instance of a finding: quadratic tasks {@code ½(w − c_i)ᵀH_i(w − c_i)} (the same loss for the
 * inner and the outer update, equal weights) and the parameters at which they are measured.
 *
 * @param tasks the task set, written as the finding's task file
 * @param parameters parameter name → its values (one or several, e.g. the α values of a scan)
 */
public record FindingInstance(TaskSet tasks, Map<String, List<Double>> parameters) {

  public FindingInstance {
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    parameters = java.util.Collections.unmodifiableMap(copy);
  }

  /** The task Hessians {@code H_i} as rows. */
  public List<double[][]> hessians() {
    List<double[][]> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      QuadraticLoss loss = (QuadraticLoss) tasks.get(i).inner();
      int d = loss.dimension();
      double[][] h = new double[d][d];
      for (int r = 0; r < d; r++) {
        System.arraycopy(loss.hessian(), r * d, h[r], 0, d);
      }
      out.add(h);
    }
    return out;
  }

  /** The task centres {@code c_i}. */
  public List<double[]> centres() {
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      out.add(((QuadraticLoss) tasks.get(i).inner()).centre().clone());
    }
    return out;
  }

  /** E.g. {@code 1 task, d = 1: H = [[4]], c = [1]; alpha = 0.3, 0.45, 0.6; N = 1}. */
  public String describe() {
    StringJoiner s = new StringJoiner("; ");
    List<double[][]> h = hessians();
    List<double[]> c = centres();
    StringJoiner tasksText = new StringJoiner(", ");
    for (int i = 0; i < h.size(); i++) {
      StringJoiner rows = new StringJoiner(", ", "[", "]");
      for (double[] row : h.get(i)) {
        rows.add(vector(row));
      }
      tasksText.add("H = " + rows + ", c = " + vector(c.get(i)));
    }
    s.add(h.size() + (h.size() == 1 ? " task" : " tasks") + ", d = " + tasks.dimension() + ": " + tasksText);
    parameters.forEach(
        (name, values) -> {
          StringJoiner v = new StringJoiner(", ");
          values.forEach(x -> v.add(SuiteSummary.number(x)));
          s.add(name + " = " + v);
        });
    return s.toString();
  }

  private static String vector(double[] v) {
    StringJoiner s = new StringJoiner(", ", "[", "]");
    for (double x : v) {
      s.add(SuiteSummary.number(x));
    }
    return s.toString();
  }
}
