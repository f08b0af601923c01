package io.metabound.experiments.check;

import java.util.ArrayList;
import java.util.List;

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
 *   <li><b>consistency</b>: set when the measured side equals the formula by derivation on the
 *       domain (for example a probe that evaluates the same closed form the bound is made of). Such
 *       a check verifies MetaBound's encoding, not the theorem: it cannot find a counterexample to
 *       the paper, only a transcription or implementation error. The text says why.
 * </ul>
 *
 * @param consistency why the check is a consistency check of the encoding, or null when it is not
 * @param notes facts about constants and regions that hold on every instance
 */
public record CheckRemarks(String consistency, List<String> notes) {

  /** No remarks. */
  public static final CheckRemarks NONE = new CheckRemarks(null, List.of());

  /** Prefix of the consistency label in summaries and reports. */
  public static final String CONSISTENCY_LABEL = "consistency check of the encoding";

  public CheckRemarks {
    if (consistency != null && consistency.isBlank()) {
      throw new IllegalArgumentException("a consistency remark needs its reason");
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
    return new CheckRemarks(null, List.of(notes));
  }

  /** The remarks of a consistency check, with the reason the measured side equals the formula. */
  public static CheckRemarks consistency(String why) {
    return new CheckRemarks(why, List.of());
  }

  /** True for a consistency check of the encoding. */
  public boolean isConsistencyCheck() {
    return consistency != null;
  }

  /** The same remarks with a further note. */
  public CheckRemarks withNote(String note) {
    List<String> all = new ArrayList<>(notes);
    all.add(note);
    return new CheckRemarks(consistency, all);
  }

  /** The same notes, marked as a consistency check with the reason. */
  public CheckRemarks withConsistency(String why) {
    return new CheckRemarks(why, notes);
  }

  /** The remarks as report lines: the consistency label with its reason first, then the notes. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    if (consistency != null) {
      out.add(CONSISTENCY_LABEL + ": " + consistency);
    }
    out.addAll(notes);
    return out;
  }
}
