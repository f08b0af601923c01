package io.metabound.experiments.probe;

import io.metabound.experiments.algorithm.ImplicitMaml;
import io.metabound.experiments.algorithm.MamlMetaGradient;
import io.metabound.experiments.algorithm.TaskSetEstimator;
import io.metabound.experiments.check.Instance;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Function;

/**
 * The memory one per-task meta-gradient computation keeps, in multiples of {@code Mem(∇l̂_i)}, the
 * memory of one gradient evaluation (Rajeswaran et al. 2019, Theorem 1 and Table 1), measured on
 * the implementation rather than asserted: the probe builds the estimator for the instance and
 * counts, by reflection, the distinct gradient-sized vectors ({@code double[]} of length {@code d})
 * reachable from it (its workspace, and that of helper objects of the algorithm package such as the
 * conjugate-gradient solver), without entering the task set (task data is shared by every method),
 * plus the caller's input point and output vector. A gradient evaluation {@code ∇l̂_i(φ)} keeps its
 * input point and its output: {@code Mem(∇l̂_i) = 2} vectors in this unit.
 *
 * <p>{@link #imaml()} builds {@link ImplicitMaml} (parameters {@code lambda}, {@code inner_steps},
 * {@code inner_rate}, {@code cg_steps}); {@link #maml()} builds {@link MamlMetaGradient}
 * (parameters {@code alpha}, {@code N}), whose stored inner path grows with N. Task sets whose task
 * count equals {@code d} are refused (a length-{@code m} array of task probabilities would be
 * indistinguishable from a vector).
 */
public final class MemoryProbe implements Probe {

  /** Vectors kept by one gradient evaluation: its input point and its output. */
  public static final int GRADIENT_VECTORS = 2;

  private final Function<Instance, TaskSetEstimator> build;

  private MemoryProbe(Function<Instance, TaskSetEstimator> build) {
    this.build = build;
  }

  /** iMAML's Algorithm 2 as implemented ({@link ImplicitMaml} with CG). */
  public static MemoryProbe imaml() {
    return new MemoryProbe(
        x ->
            new ImplicitMaml(
                x.tasks(),
                x.parameter("lambda"),
                x.integerParameter("inner_steps"),
                x.parameter("inner_rate"),
                x.integerParameter("cg_steps")));
  }

  /**
   * Exact N-step MAML back-propagating through its stored inner path ({@link MamlMetaGradient}).
   */
  public static MemoryProbe maml() {
    return new MemoryProbe(
        x -> new MamlMetaGradient(x.tasks(), x.parameter("alpha"), x.integerParameter("N")));
  }

  @Override
  public String quantityId() {
    return "memory";
  }

  @Override
  public Measurement measure(Instance instance, MeasurementSettings settings) {
    int d = instance.dimension();
    if (instance.taskCount() == d) {
      throw new IllegalArgumentException(
          "memory probe: with m = d = " + d + " task probabilities look like vectors; use m != d");
    }
    int vectors = vectorsKept(build.apply(instance), d) + 2;
    return Measurement.exact(vectors / (double) GRADIENT_VECTORS);
  }

  /**
   * The distinct {@code double[]} of length {@code d} reachable from {@code root} through fields of
   * objects whose classes belong to the algorithm package (and arrays of such arrays).
   */
  static int vectorsKept(Object root, int d) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> pending = new ArrayDeque<>();
    pending.add(root);
    int count = 0;
    while (!pending.isEmpty()) {
      Object o = pending.pop();
      if (!seen.add(o)) {
        continue;
      }
      Class<?> type = o.getClass();
      if (type == double[].class) {
        count += Array.getLength(o) == d ? 1 : 0;
        continue;
      }
      if (type.isArray()) {
        if (!type.getComponentType().isPrimitive()) {
          for (int k = 0; k < Array.getLength(o); k++) {
            Object element = Array.get(o, k);
            if (element != null) {
              pending.push(element);
            }
          }
        }
        continue;
      }
      if (o instanceof Enum
          || !type.getPackageName().equals(TaskSetEstimator.class.getPackageName())) {
        continue;
      }
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
            continue;
          }
          f.setAccessible(true);
          try {
            Object value = f.get(o);
            if (value != null) {
              pending.push(value);
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read field " + f, e);
          }
        }
      }
    }
    return count;
  }
}
