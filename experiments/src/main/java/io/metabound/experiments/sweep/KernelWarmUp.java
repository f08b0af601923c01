package io.metabound.experiments.sweep;

import io.metabound.experiments.oracle.AffineGradientMap;
import io.metabound.experiments.oracle.BetaThreshold;

/**
 * Start-up helper for short command-line sweeps: while the main thread does single-threaded work
 * (reading the task file, parsing JSON), a daemon thread on an otherwise idle core runs the sweep
 * kernel and the eigen-solver on a throw-away map, so that the JIT has compiled them when the real
 * sweep starts, and loads the bounds registry the overlays will need. It touches no shared state and cannot change any result; {@link #close} stops it
 * before the sweep uses all cores.
 */
public final class KernelWarmUp implements AutoCloseable {

  private volatile boolean stop;
  private final Thread thread;

  private KernelWarmUp() {
    thread = new Thread(this::work, "metabound-warm-up");
    thread.setDaemon(true);
  }

  /** Starts warming up; a no-op thread on single-core machines. */
  public static KernelWarmUp start() {
    KernelWarmUp warmUp = new KernelWarmUp();
    if (Runtime.getRuntime().availableProcessors() > 1) {
      warmUp.thread.start();
    }
    return warmUp;
  }

  private void work() {
    // the registry's overlays are drawn after the sweep: parse its formulas now, off the main thread
    RegistryOverlay.preload();
    int d = 8;
    double[] a = new double[d * d];
    double[] b = new double[d];
    for (int r = 0; r < d; r++) {
      a[r * d + r] = 1 + r;
      b[r] = 1;
      if (r + 1 < d) {
        a[r * d + r + 1] = 0.1;
        a[(r + 1) * d + r] = 0.1;
      }
    }
    AffineGradientMap map = new AffineGradientMap(d, a, b);
    BetaThreshold.of(map);
    AffineIteration iteration = new AffineIteration(d);
    double[] start = new double[d];
    ConvergenceCriterion criterion = ConvergenceCriterion.of(300);
    for (int cell = 0; cell < 3000 && !stop; cell++) {
      iteration.run(a, b, 0.3 * (cell % 10) / 10, start, criterion);
    }
  }

  /** Stops the warm-up (waits at most a few milliseconds). */
  @Override
  public void close() {
    stop = true;
    try {
      thread.join(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
