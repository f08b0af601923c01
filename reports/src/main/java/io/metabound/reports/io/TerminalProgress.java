package io.metabound.reports.io;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal (stderr), shown only when a console is attached and the work is
 * large enough to be worth it; silent otherwise, so logs and pipes stay clean. Accepts the number
 * of units done (monotone; thread-safe).
 */
public final class TerminalProgress implements LongConsumer, AutoCloseable {

  private final ProgressBar bar;

  private TerminalProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar that never shows. */
  public static TerminalProgress silent() {
    return new TerminalProgress(null);
  }

  /**
   * Starts a bar for {@code total} units when a console is attached and {@code total ≥
   * threshold}.
   *
   * @param task the name shown left of the bar
   * @param unit the unit shown after the counts (with a leading space, e.g. {@code " cells"})
   */
  public static TerminalProgress start(String task, long total, String unit, long threshold) {
    if (System.console() == null || total < threshold) {
      return silent();
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(unit, 1)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUpdateIntervalMillis(200)
            .build();
    return new TerminalProgress(bar);
  }

  /** True when the bar is shown. */
  public boolean visible() {
    return bar != null;
  }

  @Override
  public void accept(long done) {
    if (bar != null) {
      synchronized (this) {
        if (done > bar.getCurrent()) {
          bar.stepTo(done);
        }
      }
    }
  }

  /** Sets the text shown after the bar (what is being done now). */
  public void message(String text) {
    if (bar != null) {
      synchronized (this) {
        bar.setExtraMessage(text);
      }
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
