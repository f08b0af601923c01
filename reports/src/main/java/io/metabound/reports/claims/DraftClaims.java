package io.metabound.reports.claims;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

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
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private DraftClaims() {}

  /**
   * The claims of a draft.
   *
   * @param text the draft
   * @param file its name for messages
   * @return the claims in draft order; a block that is not valid YAML, or not a mapping, or a claim
   *     with problems, is a {@link ClaimError} (its id is its label, or its line)
   * @throws ClaimsFileException when the draft has no claim block at all
   */
  public static List<ClaimEntry> parse(String text, String file) {
    String[] lines = text.split("\\R", -1);
    List<int[]> labels = new ArrayList<>();
    List<String> labelNames = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String code = uncommented(lines[i]);
      Matcher m = LABEL.matcher(code);
      while (m.find()) {
        labels.add(new int[] {i + 1});
        labelNames.add(m.group(1).trim());
      }
    }
    List<ClaimEntry> claims = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher start = START.matcher(lines[i]);
      if (!start.matches()) {
        continue;
      }
      int first = i + 1;
      List<String> body = new ArrayList<>();
      while (i + 1 < lines.length
          && CONTINUATION.matcher(lines[i + 1]).matches()
          && !START.matcher(lines[i + 1]).matches()) {
        i++;
        Matcher c = CONTINUATION.matcher(lines[i]);
        c.matches();
        body.add(c.group(1));
      }
      // the block's lines share an indentation after "%!": remove it, so the YAML starts at column 0
      int indent = Integer.MAX_VALUE;
      for (String b : body) {
        if (!b.isBlank()) {
          indent = Math.min(indent, b.length() - b.stripLeading().length());
        }
      }
      StringBuilder yaml = new StringBuilder(start.group(1).strip()).append('\n');
      for (String b : body) {
        yaml.append(b.isBlank() ? "" : b.substring(indent)).append('\n');
      }
      String label = nearestLabel(labels, labelNames, first);
      String where = label == null ? "line " + first : label;
      JsonNode node;
      try {
        node = YAML.readTree(yaml.toString());
      } catch (JacksonException e) {
        claims.add(
            ClaimsParser.unique(
                new ClaimError(
                    where,
                    label,
                    first,
                    List.of(
                        "the metabound block is not valid YAML: "
                            + ClaimsParser.oneLine(e.getOriginalMessage()))),
                ids));
        continue;
      }
      ClaimEntry entry =
          node == null || !node.isObject()
              ? new ClaimError(
                  where, label, first, List.of("the metabound block must be a mapping of claim fields"))
              : ClaimsParser.parseClaim(node, file, where, label, label, first);
      claims.add(ClaimsParser.unique(entry, ids));
    }
    if (claims.isEmpty()) {
      throw new ClaimsFileException(
          file, "", "", "no '%! metabound' claim blocks in this LaTeX file");
    }
    return claims;
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

  private static String nearestLabel(List<int[]> lines, List<String> names, int line) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int k = 0; k < lines.size(); k++) {
      int at = lines.get(k)[0];
      int distance = Math.abs(at - line);
      // strictly closer wins; on a tie the preceding label (seen first) stays
      if (distance < bestDistance) {
        best = names.get(k);
        bestDistance = distance;
      }
    }
    return best == null || best.isEmpty() ? null : best;
  }

  /** The line without its comment ({@code %} not escaped as {@code \%}). */
  private static String uncommented(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '%' && (i == 0 || line.charAt(i - 1) != '\\')) {
        return line.substring(0, i);
      }
    }
    return line;
  }

}
