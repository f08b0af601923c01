package io.metabound.reports.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean …" for unknown names (bound ids, symbols, papers): the known names closest to
 * what was typed, by Levenshtein distance, with names containing the typed text ranked first.
 */
final class Suggestions {

  private Suggestions() {}

  /**
   * Up to {@code limit} known names near {@code typed}, nearest first; empty when nothing is close
   * (distance above max(2, half the typed length), and no containment either way).
   */
  static List<String> near(String typed, Collection<String> known, int limit) {
    String key = typed.toLowerCase(Locale.ROOT);
    record Scored(String name, int containment, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (String name : known) {
      String lower = name.toLowerCase(Locale.ROOT);
      // containment counts only for parts of 3 characters or more (a one-letter symbol is in
      // almost every name)
      boolean contains = (key.length() >= 3 && lower.contains(key))
          || (lower.length() >= 3 && key.contains(lower));
      int distance = distance(key, lower);
      if (contains || distance <= Math.max(2, key.length() / 2)) {
        scored.add(new Scored(name, contains ? 0 : 1, distance));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::distance)
        .thenComparingInt(Scored::containment)
        .thenComparing(Scored::name));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, scored.size()); i++) {
      out.add(scored.get(i).name());
    }
    return out;
  }

  /** {@code "; did you mean a, b or c?"}, or empty text when nothing is close. */
  static String didYouMean(String typed, Collection<String> known) {
    List<String> near = near(typed, known, 3);
    if (near.isEmpty()) {
      return "";
    }
    if (near.size() == 1) {
      return "; did you mean " + near.get(0) + "?";
    }
    return "; did you mean " + String.join(", ", near.subList(0, near.size() - 1)) + " or "
        + near.get(near.size() - 1) + "?";
  }

  /** Levenshtein distance (insertions, deletions, substitutions), two rows of O(|b|) memory. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int k = 0; k <= b.length(); k++) {
      previous[k] = k;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int k = 1; k <= b.length(); k++) {
        int substitution = previous[k - 1] + (a.charAt(i - 1) == b.charAt(k - 1) ? 0 : 1);
        current[k] = Math.min(substitution, Math.min(previous[k], current[k - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
