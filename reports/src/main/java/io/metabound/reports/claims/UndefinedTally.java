package io.metabound.reports.claims;

import io.metabound.experiments.check.CheckResult;
import io.metabound.experiments.check.Instance;
import io.metabound.experiments.check.SearchStatistics;
import io.metabound.experiments.check.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The soundness accounting of a claim whose bound (or measured side) is undefined on part of its
 * range: every instance the check evaluates is recorded in order, with why its bound or measure
 * had no finite value, if it had none. Such an instance is out of scope for the search (it is no
 * evidence that the claim holds); after the search the first {@link SearchStatistics#evaluations()}
 * records — the search's own, which come first — say at how many instances the claim was
 * undefined and where first, and a claim undefined at every instance the search tried is an
 * ERROR: it cannot be measured.
 *
 * <p>One tally belongs to one check and is used by one thread at a time (a check runs
 * sequentially); {@link #reset} starts a run.
 */
final class UndefinedTally {

  /** The bound or the measured side. */
  enum Side {
    BOUND("bound"),
    MEASURED("measured side");

    private final String words;

    Side(String words) {
      this.words = words;
    }
  }

  /** One evaluation: where it was, and why a side was undefined there (null when defined). */
  private static final class Record {
    final Instance instance;
    String boundReason;
    String measuredReason;

    Record(Instance instance) {
      this.instance = instance;
    }
  }

  private final List<Record> records = new ArrayList<>();

  /** Forgets every record: the next evaluation is the first of a run. */
  synchronized void reset() {
    records.clear();
  }

  /** Starts the record of an evaluation (the check asks for the instance's scope first). */
  synchronized void begin(Instance instance) {
    records.add(new Record(instance));
  }

  /** The current evaluation's side is undefined, for this reason. */
  synchronized void undefined(Side side, Instance instance, String reason) {
    if (records.isEmpty() || records.get(records.size() - 1).instance != instance) {
      // measured outside an evaluation the tally saw begin (a replay, a control): not counted
      return;
    }
    Record r = records.get(records.size() - 1);
    if (side == Side.BOUND) {
      r.boundReason = reason;
    } else if (r.measuredReason == null) {
      r.measuredReason = reason;
    }
  }

  /**
   * The result with its undefined instances accounted for: unchanged when the search met none;
   * else the note says at how many of the search's instances each side was undefined and where
   * first, and a result with no in-scope instance at all becomes an ERROR.
   */
  synchronized CheckResult account(CheckResult result) {
    SearchStatistics search = result.search();
    if (search == null || result.verdict() == Verdict.ERROR) {
      return result;
    }
    int n = Math.min(search.evaluations(), records.size());
    List<String> parts = new ArrayList<>();
    int undefined = 0;
    for (Side side : Side.values()) {
      int k = 0;
      Record first = null;
      for (int i = 0; i < n; i++) {
        String reason = reason(records.get(i), side);
        if (reason != null) {
          k++;
          first = first == null ? records.get(i) : first;
        }
      }
      undefined += k;
      if (k > 0) {
        parts.add(
            side.words + " undefined at " + k + " of " + n + " instances (first at "
                + where(first.instance) + ": " + reason(first, side) + ")");
      }
    }
    if (parts.isEmpty()) {
      return result;
    }
    String accounting = String.join("; ", parts);
    if (search.inScopeEvaluations() == 0) {
      return result.toBuilder()
          .verdict(Verdict.ERROR)
          .note("the claim cannot be measured: " + accounting)
          .build();
    }
    return result.withNote(result.note().isEmpty() ? accounting : result.note() + "; " + accounting);
  }

  private static final java.util.regex.Pattern ACCOUNTING =
      java.util.regex.Pattern.compile("(bound|measured side) undefined at \\d+ of \\d+ instances");

  /** True when a result's note carries this accounting (the terminal table then prints it). */
  static boolean accounted(String note) {
    return ACCOUNTING.matcher(note).find();
  }

  private static String reason(Record r, Side side) {
    return side == Side.BOUND ? r.boundReason : r.measuredReason;
  }

  /** {@code alpha = 0, N = 3}: the instance's parameters (its shape when it has none). */
  static String where(Instance instance) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Double> p : instance.parameters().entrySet()) {
      parts.add(p.getKey() + " = " + format(p.getValue()));
    }
    if (parts.isEmpty()) {
      parts.add("d = " + instance.dimension());
      parts.add("m = " + instance.taskCount());
    }
    return String.join(", ", parts);
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : Double.toString(v).toLowerCase(Locale.ROOT);
  }
}
