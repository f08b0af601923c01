package io.metabound.reports.claims;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a LaTeX draft as LaTeX reads them, for finding its claim blocks and labels: {@code
 * \input{x}} and {@code \include{x}} are followed (relative to the draft's folder, {@code .tex}
 * added when the name has no extension), verbatim environments ({@code verbatim}, {@code
 * lstlisting}, {@code Verbatim}, {@code minted}, {@code comment}) are left out — a {@code %!
 * metabound} block shown in a listing is text, not a claim — and so is an {@code \input} in a
 * {@code %} comment. Each line keeps the file it came from and its line there, so that a message
 * about a claim names the included file.
 *
 * <p>An include cycle ({@code a.tex → b.tex → a.tex}) and a missing included file are errors
 * naming the chain, or the including file and line.
 */
final class DraftSource {

  /** The environments whose content LaTeX prints as it is. */
  static final Set<String> VERBATIM =
      Set.of("verbatim", "verbatim*", "lstlisting", "Verbatim", "Verbatim*", "minted", "comment");

  private static final Pattern BEGIN = Pattern.compile("\\\\begin\\s*\\{([^}]*)\\}");

  private static final Pattern INCLUDE = Pattern.compile("\\\\(input|include)\\s*\\{([^}]*)\\}");

  /** Deepest include nesting followed (a chain deeper than this is surely a mistake). */
  private static final int MAX_DEPTH = 32;

  /**
   * One line of the draft.
   *
   * @param file the file it is in, as the messages name it (the draft, or an included file
   *     relative to the draft's folder)
   * @param line its 1-based line in that file
   * @param text the line
   */
  record Line(String file, int line, String text) {}

  /** Where included files are read from. */
  interface IncludedFiles {
    /** The text of a file, or empty when it does not exist. */
    Optional<String> read(Path path);
  }

  private final Path folder;
  private final IncludedFiles files;
  private final List<Line> lines = new ArrayList<>();

  private DraftSource(Path folder, IncludedFiles files) {
    this.folder = folder;
    this.files = files;
  }

  /**
   * The draft's lines with its included files in place and verbatim environments left out.
   *
   * @param text the draft
   * @param file the draft's name (its folder is where included files are looked for)
   * @throws ClaimsFileException for a missing included file or an include cycle
   */
  static List<Line> of(String text, String file) {
    Path draft = Path.of(file);
    Path parent = draft.toAbsolutePath().normalize().getParent();
    return of(text, file, parent, DraftSource::readFromDisk);
  }

  /** The same, reading included files through {@code files} (tests). */
  static List<Line> of(String text, String file, Path folder, IncludedFiles files) {
    DraftSource source = new DraftSource(folder, files);
    // the chain names files as the draft's folder sees them: the draft by its own name
    List<String> chain = new ArrayList<>();
    chain.add(Path.of(file).getFileName().toString());
    List<Path> open = new ArrayList<>();
    open.add(folder.resolve(Path.of(file).getFileName().toString()).normalize());
    source.expand(text, file, chain, open);
    return List.copyOf(source.lines);
  }

  private void expand(String text, String file, List<String> chain, List<Path> open) {
    String[] raw = text.split("\\R", -1);
    String verbatim = null;
    for (int i = 0; i < raw.length; i++) {
      String line = raw[i];
      String code = uncommented(line);
      if (verbatim != null) {
        if (code.contains("\\end{" + verbatim + "}") || line.contains("\\end{" + verbatim + "}")) {
          verbatim = null;
        }
        continue;
      }
      Matcher begin = BEGIN.matcher(code);
      String opened = null;
      int openedAt = 0;
      while (opened == null && begin.find()) {
        String name = begin.group(1).trim();
        if (VERBATIM.contains(name)
            && !code.substring(begin.end()).contains("\\end{" + name + "}")) {
          opened = name;
          openedAt = begin.start();
        }
      }
      if (opened != null) {
        // the text before \begin is live (a label on the same line), the rest of the line is not
        lines.add(new Line(file, i + 1, line.substring(0, openedAt)));
        verbatim = opened;
        continue;
      }
      lines.add(new Line(file, i + 1, line));
      Matcher include = INCLUDE.matcher(code);
      while (include.find()) {
        include(include.group(1), include.group(2).trim(), file, i + 1, chain, open);
      }
    }
  }

  private void include(
      String command, String name, String file, int line, List<String> chain, List<Path> open) {
    Path path;
    try {
      Path given = Path.of(name);
      String fileName =
          given.getFileName() != null && given.getFileName().toString().contains(".")
              ? name
              : name + ".tex";
      path = folder.resolve(fileName).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw new ClaimsFileException(
          file, line, "", "", "\\" + command + "{" + name + "}: not a file name");
    }
    String shown = folder.relativize(path).toString();
    if (open.contains(path)) {
      List<String> cycle = new ArrayList<>(chain.subList(open.indexOf(path), chain.size()));
      cycle.add(shown);
      throw new ClaimsFileException(
          file, line, "", "",
          "\\" + command + "{" + name + "} makes an include cycle: " + String.join(" → ", cycle));
    }
    if (open.size() >= MAX_DEPTH) {
      throw new ClaimsFileException(
          file, line, "", "",
          "\\" + command + "{" + name + "}: includes nested deeper than " + MAX_DEPTH + ": "
              + String.join(" → ", chain));
    }
    Optional<String> text = files.read(path);
    if (text.isEmpty()) {
      throw new ClaimsFileException(
          file, line, "", "",
          "\\" + command + "{" + name + "}: no such file " + shown + " (included files are looked"
              + " for relative to the draft's folder, .tex added when the name has none)");
    }
    chain.add(shown);
    open.add(path);
    expand(text.get(), shown, chain, open);
    chain.remove(chain.size() - 1);
    open.remove(open.size() - 1);
  }

  private static Optional<String> readFromDisk(Path path) {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ClaimsFiles.text(Files.readAllBytes(path), path.toString()));
    } catch (IOException e) {
      throw new ClaimsFileException(
          path.toString(), "", "", "cannot be read: " + e.getMessage());
    }
  }

  /** The line without its comment ({@code %} not escaped as {@code \%}). */
  static String uncommented(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '%' && (i == 0 || line.charAt(i - 1) != '\\')) {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
