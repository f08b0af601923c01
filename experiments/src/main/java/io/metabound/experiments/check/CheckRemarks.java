package io.metabound.experiments.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a check says about itself besides its hypotheses, printed with its result in every summary
 * and report.
 *
 * <p>Two kinds:
 *
 * <ul>
 *   <li><b>notes</b>: facts that hold on every instance of the domain, such as which constants are
 *       exact and which are certified upper bounds, or on which region an assumption is taken. They
 *       are not hypotheses: a {@link ScopeCondition} that is always true would be printed as if it
 *       could fail;
 *   <li><b>consistency</b>: set when the measured side equals the formula by derivation (for
 *       example a probe that evaluates the same closed form the bound is made of), on the whole
 *       domain or on the instances {@link #consistencyScope} selects. There the check verifies
 *       MetaBound's encoding, not the theorem: it can find a transcription or implementation error,
 *       not a counterexample to the paper. The text says why. A result carries the label only when
 *       its instance is in that scope ({@link #at}).
 * </ul>
 *
 * @param consistency why the check is a consistency check of the encoding, or null when it is not
 * @param consistencyScope the instances on which it is one (every instance when the whole check is)
 * @param notes facts about constants and regions that hold on every instance
 */
public record CheckRemarks(
    String consistency, Predicate<Instance> consistencyScope, List<String> notes) {

  /** No remarks. */
  public static final CheckRemarks NONE = new CheckRemarks(null, null, List.of());

  /** The label of a consistency check in summaries and reports. */
  public static final String CONSISTENCY_LABEL = "consistency check of the encoding";

  public CheckRemarks {
    if (consistency != null && consistency.isBlank()) {
      throw new IllegalArgumentException("a consistency remark needs its reason");
    }
    if (consistency == null) {
      consistencyScope = null;
    } else if (consistencyScope == null) {
      consistencyScope = instance -> true;
    }
    notes = List.copyOf(notes);
    for (String n : notes) {
      if (n == null || n.isBlank()) {
        throw new IllegalArgumentException("a note must not be blank");
      }
    }
  }

  /** Remarks with notes only. */
  public static CheckRemarks notes(String... notes) {
    return new CheckRemarks(null, null, List.of(notes));
  }

  /** True for a consistency check of the encoding (on at least part of the domain). */
  public boolean isConsistencyCheck() {
    return consistency != null;
  }

  /** The same remarks with a further note. */
  public CheckRemarks withNote(String note) {
    List<String> all = new ArrayList<>(notes);
    all.add(note);
    return new CheckRemarks(consistency, consistencyScope, all);
  }

  /**
   * The same notes, marked as a consistency check on the instances {@code scope} accepts (null:
   * every instance), with the reason.
   */
  public CheckRemarks withConsistency(String why, Predicate<Instance> scope) {
    return new CheckRemarks(why, scope, notes);
  }

  /**
   * The remarks of a result on {@code instance}: the notes, and the consistency label only when the
   * instance is in its scope (null instance: none).
   */
  public CheckRemarks at(Instance instance) {
    if (consistency == null || (instance != null && consistencyScope.test(instance))) {
      return this;
    }
    return new CheckRemarks(null, null, notes);
  }
}
