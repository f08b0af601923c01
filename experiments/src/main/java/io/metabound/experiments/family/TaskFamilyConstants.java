package io.metabound.experiments.family;

import io.metabound.experiments.constant.Exactness;
import io.metabound.experiments.constant.FamilyConstant;
import io.metabound.experiments.task.MetaTask;
import io.metabound.experiments.task.SmoothLoss;
import io.metabound.experiments.task.TaskSet;
import java.util.List;

/**
 * The constants of a task set built from losses with {@link KnownConstants}: {@code L = max_i L_i},
 * {@code ρ = max_i ρ_i} and {@code B = max_i sup_{‖w‖≤R}‖∇f_i‖}, each maximum taken over the inner
 * and outer loss of every task (Ji2022 Ass. 1/4, Fallah2020 Ass. 4.3–4.4 define L and ρ as maxima
 * over tasks).
 *
 * <p>A maximum of exact values is exact; as soon as one term is a certified upper bound the maximum
 * is a certified upper bound.
 *
 * @param smoothness {@code L}
 * @param hessianLipschitz {@code ρ}
 * @param gradientBound {@code B} on the ball of radius {@code radius}
 * @param radius the ball radius used for {@code gradientBound}
 */
public record TaskFamilyConstants(
    FamilyConstant smoothness,
    FamilyConstant hessianLipschitz,
    FamilyConstant gradientBound,
    double radius) {

  /**
   * @throws IllegalArgumentException when a loss does not implement {@link KnownConstants} (for
   *     example a {@code QuadraticLoss}, whose constants live with the quadratic oracles), naming
   *     the task and the loss type
   */
  public static TaskFamilyConstants of(TaskSet tasks, double radius) {
    Max l = new Max("L");
    Max rho = new Max("rho");
    Max b = new Max("B_lip");
    for (int i = 0; i < tasks.size(); i++) {
      MetaTask t = tasks.get(i);
      for (SmoothLoss loss : List.of(t.inner(), t.outer())) {
        if (!(loss instanceof KnownConstants k)) {
          throw new IllegalArgumentException(
              "task "
                  + i
                  + ": loss type "
                  + loss.getClass().getSimpleName()
                  + " has no known constants (needs"
                  + " io.metabound.experiments.family.KnownConstants)");
        }
        l.add(k.smoothness());
        rho.add(k.hessianLipschitz());
        b.add(k.gradientBound(radius));
      }
    }
    return new TaskFamilyConstants(l.result(), rho.result(), b.result(radius), radius);
  }

  /** The three constants, in the order L, rho, B_lip. */
  public List<FamilyConstant> list() {
    return List.of(smoothness, hessianLipschitz, gradientBound);
  }

  private static final class Max {
    private final String symbol;
    private double value = Double.NEGATIVE_INFINITY;
    private boolean exact = true;
    private String note = "";

    Max(String symbol) {
      this.symbol = symbol;
    }

    void add(FamilyConstant c) {
      exact &= c.exactness() == Exactness.EXACT;
      if (c.value() > value) {
        value = c.value();
        note = c.note();
      }
    }

    FamilyConstant result() {
      return new FamilyConstant(
          symbol,
          value,
          exact ? Exactness.EXACT : Exactness.CERTIFIED_UPPER_BOUND,
          "max over tasks (inner and outer losses); largest term: " + note);
    }

    FamilyConstant result(double radius) {
      FamilyConstant c = result();
      return new FamilyConstant(
          c.symbol(), c.value(), c.exactness(), c.note() + "; ball ‖w‖ ≤ " + radius);
    }
  }
}
