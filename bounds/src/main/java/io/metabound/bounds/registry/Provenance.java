package io.metabound.bounds.registry;

import java.util.Objects;

/**
 * Where a bound's formula comes from, with its tag of {@code docs/THEOREMS.md} §0.1 kept verbatim.
 *
 * <ul>
 *   <li>{@code [V]}, {@code [V-ocr]}, {@code [V-ocr+G1]} and their annotated variants (e.g. {@code
 *       [V-ocr, partly garbled]}) are {@link Kind#VERBATIM}: the formula was read in the paper.
 *   <li>{@code [R-hi]}, {@code [R-med]}, {@code [R-lo]} (and mixes such as {@code [R-med structure,
 *       R-lo constants]}) are reconstructions; the level is the confidence that the formula equals
 *       the published one.
 *   <li>{@code [S]} (secondary source only) is {@link Kind#RECONSTRUCTED}: the paper itself was not
 *       read; the tag is kept so reports can say "secondary source".
 *   <li>{@code [derived]} marks a MetaBound derivation that is not a result of the paper (e.g. the
 *       exact-MAML threshold compared with Takagi's condition); also {@link Kind#RECONSTRUCTED}.
 * </ul>
 *
 * @param kind verbatim or reconstructed; must agree with the tag
 * @param tag the tag as printed in docs/THEOREMS.md, e.g. {@code [V-ocr+G1]}
 * @param source where it was read or how it was derived, e.g. {@code docs/THEOREMS.md §1.5; S0
 *     (26)-(28)}
 */
public record Provenance(Kind kind, String tag, String source) {

  /** Whether the formula was read in the paper or reconstructed. */
  public enum Kind {
    /** Read in the paper (clean text, LaTeX alt-text or decoded OCR). */
    VERBATIM,
    /** Reconstructed, secondary-sourced or derived by MetaBound. */
    RECONSTRUCTED
  }

  /** Checks that the tag is bracketed and agrees with the kind. */
  public Provenance {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(source, "source");
    if (tag.length() < 3 || tag.charAt(0) != '[' || tag.charAt(tag.length() - 1) != ']') {
      throw new IllegalArgumentException(
          "provenance tag '" + tag + "' must look like [V] or [R-hi]");
    }
    Kind implied = kindOf(tag);
    if (kind != implied) {
      throw new IllegalArgumentException(
          "provenance tag " + tag + " is " + implied + ", not " + kind);
    }
    if (source.isBlank()) {
      throw new IllegalArgumentException("provenance " + tag + " needs a source");
    }
  }

  /**
   * A provenance whose kind follows from the tag.
   *
   * @param tag e.g. {@code [R-hi]}
   * @param source where it was read or derived
   * @return the provenance
   */
  public static Provenance of(String tag, String source) {
    Objects.requireNonNull(tag, "tag");
    return new Provenance(kindOf(tag), tag, source);
  }

  /**
   * @return true when the formula was read in the paper
   */
  public boolean isVerbatim() {
    return kind == Kind.VERBATIM;
  }

  /**
   * @return true for {@code [S]}: known from a secondary source only
   */
  public boolean isSecondary() {
    return tag.startsWith("[S");
  }

  /**
   * @return true for {@code [derived]}: a MetaBound derivation, not a result of the paper
   */
  public boolean isDerived() {
    return tag.startsWith("[derived");
  }

  private static Kind kindOf(String tag) {
    return tag.startsWith("[V") ? Kind.VERBATIM : Kind.RECONSTRUCTED;
  }
}
