package io.metabound.reports.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Claims carried inline by a LaTeX draft, in comment blocks that LaTeX ignores:
 *
 * <pre>{@code
 * \begin{lemma}\label{lem:smooth}
 *   For $\alpha \le 1/L$ the one-step MAML objective is $4L$-smooth.
 * \end{lemma}
 * %! metabound
 * %!   quantity: meta-smoothness
 * %!   estimator: maml
 * %!   relation: "<="
 * %!   bound: "4*L"
 * %!   family: {type: quadratic, dim: [1, 3], tasks: [1, 2], spectrum: [-1, 1]}
 * %!   params: {alpha: [0.01, "1/L"], N: 1}
 * }</pre>
 *
 * A block starts at a line {@code %! metabound} (which may carry YAML after the marker) and runs
 * over the following lines that start with {@code %!}; the text after {@code %!} (less the block's
 * common indentation) is one YAML mapping of claim fields. Each block is tied to the nearest {@code \label{...}} by line distance
 * (the preceding one on a tie), and that label is the claim's id unless the block sets {@code id}.
 * The draft's SHA-256 goes with its verdicts, so a report says which version it checked.
 */
public final class DraftClaims {

  private static final Pattern START = Pattern.compile("^\\s*%!\\s*metabound\\b(.*)$");
  private static final Pattern CONTINUATION = Pattern.compile("^\\s*%!(.*)$");
  private static final Pattern LABEL = Pattern.compile("\\\\label\\{([^}]*)\\}");

  private DraftClaims() {}

  /**
   * The claims of a draft, with its {@code \\input} and {@code \\include} files (see {@link
   * DraftSource}: verbatim environments and commented-out lines are not read).
   *
   * @param text the draft
   * @param file its name for messages; included files are looked for in its folder
   * @return the claims in draft order; a block that is not valid YAML, or not a mapping, or a claim
   *     with problems, is a {@link ClaimError} (its id is its label, or its file and line)
   * @throws ClaimsFileException when the draft has no claim block at all, an included file is
   *     missing or the includes make a cycle
   */
  public static List<ClaimEntry> parse(String text, String file) {
    return parse(DraftSource.of(text, file), file);
  }

  /** The claims of a draft's lines (as {@link DraftSource} gives them). */
  static List<ClaimEntry> parse(List<DraftSource.Line> lines, String file) {
    List<Integer> labelAt = new ArrayList<>();
    List<String> labelNames = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LABEL.matcher(DraftSource.uncommented(lines.get(i).text()));
      while (m.find()) {
        labelAt.add(i);
        labelNames.add(m.group(1).trim());
      }
    }
    List<ClaimEntry> claims = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    // the block that took each label as its id, for the message when a second block does too
    Map<String, Integer> labelTakenBy = new HashMap<>();
    List<DraftSource.Line> blockLines = new ArrayList<>();
    List<Integer> blockIndex = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      DraftSource.Line at = lines.get(i);
      Matcher start = START.matcher(at.text());
      if (!start.matches()) {
        continue;
      }
      int startIndex = i;
      List<String> body = new ArrayList<>();
      while (i + 1 < lines.size()
          && lines.get(i + 1).file().equals(at.file())
          && CONTINUATION.matcher(lines.get(i + 1).text()).matches()
          && !START.matcher(lines.get(i + 1).text()).matches()) {
        i++;
        Matcher c = CONTINUATION.matcher(lines.get(i).text());
        c.matches();
        body.add(c.group(1));
      }
      String yaml = blockYaml(start.group(1), body);
      int nearest = nearestLabel(labelAt, startIndex);
      String label = nearest < 0 || labelNames.get(nearest).isEmpty() ? null : labelNames.get(nearest);
      boolean included = !at.file().equals(file);
      String place = (included ? at.file() + ":" : "line ") + at.line();
      String where = label == null ? place : label;
      JsonNode node;
      try {
        node = YamlClaimsReader.read(yaml, at.file(), at.line());
      } catch (ClaimsFileException e) {
        claims.add(
            ClaimsParser.unique(
                new ClaimError(
                    where, label, at.line(), List.of(located(e.line(), at, file) + e.problem())),
                ids));
        continue;
      }
      ClaimEntry entry =
          node == null || !node.isObject()
              ? new ClaimError(
                  where, label, at.line(),
                  List.of(located(at.line(), at, file)
                      + "the metabound block must be a mapping of claim fields"))
              : ClaimsParser.parseClaim(node, at.file(), where, label, label, at.line());
      entry =
          ClaimsParser.located(
              entry, "", YamlClaimsReader.lines(yaml), at.line() - 1, included ? at.file() : null);
      if (label != null && entry.id().equals(label)) {
        Integer earlier = labelTakenBy.putIfAbsent(label, claims.size());
        if (earlier != null) {
          // two blocks tied to one label: blame the one before every label (tied to the next one
          // only for want of a preceding label), else the later one
          DraftSource.Line firstLine = blockLines.get(earlier);
          boolean firstBeforeEveryLabel = blockIndex.get(earlier) < labelAt.get(0);
          DraftSource.Line labelLine = lines.get(labelAt.get(nearest));
          if (firstBeforeEveryLabel) {
            claims.set(earlier, sharedLabel(label, labelLine, at, firstLine, true, file));
            labelTakenBy.put(label, claims.size());
            blockLines.add(at);
            blockIndex.add(startIndex);
            claims.add(entry);
          } else {
            blockLines.add(at);
            blockIndex.add(startIndex);
            claims.add(
                sharedLabel(label, labelLine, firstLine, at, startIndex < labelAt.get(0), file));
          }
          continue;
        }
      }
      blockLines.add(at);
      blockIndex.add(startIndex);
      claims.add(ClaimsParser.unique(entry, ids));
    }
    if (claims.isEmpty()) {
      throw new ClaimsFileException(
          file, "", "", "no '%! metabound' claim blocks in this LaTeX file");
    }
    return claims;
  }

  /**
   * The error of a block tied to a label another block also takes as its id: the message says
   * which label, where both blocks are, and — for a block before every label, which is tied to
   * the next one for want of a preceding one — why.
   *
   * @param other the block that keeps the label
   * @param blamed the block that gets the error
   */
  private static ClaimError sharedLabel(
      String label,
      DraftSource.Line labelLine,
      DraftSource.Line other,
      DraftSource.Line blamed,
      boolean beforeEveryLabel,
      String file) {
    String problem =
        (beforeEveryLabel
                ? "this block comes before any \\label, so it is tied to the next one, "
                : "this block is tied to its nearest label, ")
            + "\\label{" + label + "} (" + place(labelLine, file) + "), which the block at "
            + place(other, file) + " is tied to too: give this block its own 'id:' or put it"
            + " next to the \\label of the statement it checks";
    return new ClaimError(
        place(blamed, file), null, blamed.line(),
        List.of(located(blamed.line(), blamed, file) + problem));
  }

  /** {@code line 12} in the draft itself, {@code sub/b.tex:12} in an included file. */
  private static String place(DraftSource.Line line, String file) {
    return (line.file().equals(file) ? "line " : line.file() + ":") + line.line();
  }

  /** The prefix of a problem at a line: {@code line 12: } or {@code sub/b.tex:12: }. */
  private static String located(int line, DraftSource.Line block, String file) {
    return (block.file().equals(file) ? "line " : block.file() + ":") + line + ": ";
  }

  /** A block's YAML: the marker line's text, then its lines less their common indentation. */
  private static String blockYaml(String first, List<String> body) {
    int indent = Integer.MAX_VALUE;
    for (String b : body) {
      if (!b.isBlank()) {
        indent = Math.min(indent, b.length() - b.stripLeading().length());
      }
    }
    StringBuilder yaml = new StringBuilder(first.strip()).append('\n');
    for (String b : body) {
      yaml.append(b.isBlank() ? "" : b.substring(indent)).append('\n');
    }
    return yaml.toString();
  }

  /** The SHA-256 of the draft's bytes, in lower-case hex. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The SHA-256 of a text's UTF-8 bytes. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The index (into the labels) of the label nearest to a block by position in the draft, the
   * preceding one on a tie; -1 when the draft has none.
   */
  private static int nearestLabel(List<Integer> labelAt, int index) {
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    for (int k = 0; k < labelAt.size(); k++) {
      int distance = Math.abs(labelAt.get(k) - index);
      // strictly closer wins; on a tie the preceding label (seen first) stays
      if (distance < bestDistance) {
        best = k;
        bestDistance = distance;
      }
    }
    return best;
  }
}
