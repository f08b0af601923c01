package io.metabound.experiments.check;

import java.util.Locale;

/**
 * What kind of evidence a check's verdict is, beside the verdict itself.
 *
 * <p>A HOLDS on a check that cannot fail in a way that says anything about the paper is worth less
 * than none, so every check says which of these it is:
 *
 * <ul>
 *   <li>{@link #CONSISTENCY}: the measured side equals the formula by derivation on the instances
 *       searched; the check verifies MetaBound's encoding, not the theorem;
 *   <li>{@link #VACUOUS}: a proven or measured ceiling on the ratio over the whole hypothesis class
 *       lies below {@link CheckStrength#VACUOUS_LEVEL}, so no instance can bring the check near
 *       failing; its shape is then tested by a scaling check;
 *   <li>{@link #TIGHT_IN_CLASS}: a ratio ≥ {@link CheckStrength#TIGHT_RATIO} is attained by an
 *       instance that satisfies every hypothesis of the result, each checked on the instance;
 *   <li>{@link #TIGHT_OUT_OF_CLASS}: such a ratio is attained only by instances that break a stated
 *       hypothesis, which the strength names;
 *   <li>{@link #GENUINE}: the rest, a test that could fail, with the best ratio found.
 * </ul>
 */
public enum Strength {
  CONSISTENCY,
  VACUOUS,
  TIGHT_IN_CLASS,
  TIGHT_OUT_OF_CLASS,
  GENUINE;

  /** The label in tables and JSON: {@code tight-in-class}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for the kinds that test the theorem inside its hypotheses (genuine, tight-in-class). */
  public boolean isInClassTest() {
    return this == GENUINE || this == TIGHT_IN_CLASS;
  }
}
