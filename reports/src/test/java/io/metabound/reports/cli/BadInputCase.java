package io.metabound.reports.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One row of the bad-input corpus ({@code src/test/resources/bad-input/cases.tsv}): a command line
 * with placeholders, the exit codes it may end with, fragments its message must (or, prefixed
 * {@code !}, must not) contain, the output files it may leave, and why the input is bad.
 *
 * @param id the case's name; its files are {@code files/<id>.*} or the folder {@code files/<id>/}
 * @param surface the input surface (task-file, claims-yaml, claims-latex, replay, shard, args-…)
 * @param exits the exit codes that pass (usually one)
 * @param args the arguments, placeholders unexpanded
 * @param fragments text the message must contain
 * @param absent text that must appear neither on stdout nor on stderr
 * @param allowedOutputs names of files the run may write (empty: none)
 * @param why what is wrong with the input
 */
record BadInputCase(
    String id,
    String surface,
    Set<Integer> exits,
    List<String> args,
    List<String> fragments,
    List<String> absent,
    Set<String> allowedOutputs,
    String why) {

  /** A claims file may answer with a short list of problems instead of one line. */
  OutputContract.ErrorShape errorShape() {
    return surface.startsWith("claims") ? OutputContract.ErrorShape.SHORT_LIST : OutputContract.ErrorShape.ONE_LINE;
  }

  /**
   * Parses one tab-separated row: id, surface, exit (e.g. {@code 2} or {@code 0|2}), args
   * (space-separated, double quotes group), expect ({@code -} or fragments joined by
   * {@code " && "}, {@code !} for must-not-appear), leaves ({@code -} or a comma list), why.
   */
  static BadInputCase parse(String line, int lineNumber) {
    String[] cols = line.split("\t", -1);
    if (cols.length != 7) {
      throw new IllegalArgumentException(
          "cases.tsv line " + lineNumber + ": expected 7 tab-separated columns, got " + cols.length + ": " + line);
    }
    Set<Integer> exits = new java.util.TreeSet<>();
    for (String e : cols[2].split("\\|")) {
      exits.add(Integer.parseInt(e.strip()));
    }
    List<String> fragments = new ArrayList<>();
    List<String> absent = new ArrayList<>();
    if (!cols[4].strip().equals("-")) {
      for (String f : cols[4].split(" && ")) {
        if (f.startsWith("!")) {
          absent.add(f.substring(1));
        } else {
          fragments.add(f);
        }
      }
    }
    Set<String> leaves = cols[5].strip().equals("-") ? Set.of() : Set.of(cols[5].strip().split(","));
    return new BadInputCase(cols[0].strip(), cols[1].strip(), exits, tokens(cols[3], lineNumber),
        fragments, absent, leaves, cols[6].strip());
  }

  /** Splits on spaces; {@code "..."} keeps spaces inside one argument ({@code ""} is empty). */
  static List<String> tokens(String text, int lineNumber) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
        any = true;
      } else if (ch == ' ' && !quoted) {
        if (any) {
          out.add(current.toString());
          current.setLength(0);
          any = false;
        }
      } else {
        current.append(ch);
        any = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("cases.tsv line " + lineNumber + ": unbalanced quote in " + text);
    }
    if (any) {
      out.add(current.toString());
    }
    return out;
  }

  @Override
  public String toString() {
    return id;
  }
}
