package io.metabound.reports.claims;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the YAML of a claims file (or of one LaTeX claim block) into a tree, and words every
 * problem for the person who wrote it: {@code FILE:LINE: what is wrong}, never the YAML library's
 * own message format, exception types or token names. A file of several YAML documents ({@code
 * ---} between them) is refused in words: a claims file is one {@code claims:} list.
 *
 * <p>It also indexes where each node starts ({@link #lines}), so that a problem found later in a
 * field of a claim can name that field's line.
 */
final class YamlClaimsReader {

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** A YAML document marker at the start of a line: {@code ---} alone or before content. */
  private static final Pattern DOCUMENT_START = Pattern.compile("^---(\\s.*)?$");

  /** The problem's position in the YAML library's message ({@code line 3, column 12}). */
  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate \\w+ property \"([^\"]*)\"");

  private YamlClaimsReader() {}

  /**
   * The tree of a YAML text.
   *
   * @param text the YAML
   * @param file the file for messages
   * @param firstLine the file's line of the text's first line (1 for a whole file; a LaTeX block's
   *     first line otherwise), so that messages give the file's own lines
   * @throws ClaimsFileException with the file, the line and the problem in words
   */
  static JsonNode read(String text, String file, int firstLine) {
    int second = secondDocument(text);
    if (second > 0) {
      throw new ClaimsFileException(
          file,
          second + firstLine - 1,
          "",
          "",
          "a second YAML document starts here ('---'): a claims file is one document; put every"
              + " claim under the one 'claims:' list");
    }
    try {
      return YAML.readTree(text);
    } catch (JacksonException e) {
      throw new ClaimsFileException(
          file, line(e) + firstLine - 1, "", "", "not valid YAML: " + words(e));
    }
  }

  /**
   * The 1-based line where each node of the text starts, by its JSON pointer ({@code
   * /claims/0/family/dim}); empty when the text is not valid YAML.
   */
  static Map<String, Integer> lines(String text) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        if (t == JsonToken.PROPERTY_NAME) {
          continue; // the value that follows has the same pointer and a line of its own
        }
        lines.putIfAbsent(p.streamReadContext().pathAsPointer().toString(), startLine(p, t));
      }
    } catch (JacksonException e) {
      return Map.of();
    }
    return lines;
  }

  /** A container's line is its key's (where the reader sees it begin), a scalar's its own. */
  private static int startLine(JsonParser p, JsonToken t) {
    TokenStreamLocation at = p.currentTokenLocation();
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  /** The 1-based line of a second document's {@code ---}, or 0 when the text has one document. */
  static int secondDocument(String text) {
    String[] lines = text.split("\\R", -1);
    boolean content = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (DOCUMENT_START.matcher(line).matches() || line.equals("...")) {
        if (content) {
          return i + 1;
        }
        continue;
      }
      String code = line.strip();
      if (!code.isEmpty() && !code.startsWith("#")) {
        content = true;
      }
    }
    return 0;
  }

  /**
   * The line of the problem: where the unclosed list, mapping or quote was opened when the text
   * ends inside one (the YAML library's first mark), else its last mark (the problem itself), else
   * the exception's location.
   */
  private static int line(JacksonException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher mark = MARK.matcher(m);
    boolean unclosed = m.contains("<stream end>") || m.contains("end of stream");
    int line = 0;
    while (mark.find()) {
      line = Integer.parseInt(mark.group(1));
      if (unclosed) {
        break;
      }
    }
    if (line == 0 && e.getLocation() != null) {
      line = Math.max(e.getLocation().getLineNr(), 0);
    }
    return Math.max(line, 1);
  }

  /**
   * What is wrong, in words: the YAML library's problem sentence without its position dumps,
   * snippets, token and class names.
   */
  static String words(JacksonException e) {
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher duplicate = DUPLICATE.matcher(m);
    if (duplicate.find()) {
      return "the key '" + duplicate.group(1) + "' is given twice in one mapping";
    }
    if (m.contains("\\t(TAB)") || m.contains("(TAB)")) {
      return "a tab character: YAML is indented with spaces only";
    }
    if (m.contains("mapping values are not allowed here")) {
      return "a ':' where a value was expected (quote text that contains ': ', or fix the"
          + " indentation)";
    }
    if (m.contains("expected ',' or ']'")) {
      return "a list opened with '[' is not closed with ']'";
    }
    if (m.contains("expected ',' or '}'")) {
      return "a mapping opened with '{' is not closed with '}'";
    }
    if (m.contains("expected <block end>")) {
      return "the indentation does not match the lines above (an item or key is out of line)";
    }
    if (m.contains("found undefined alias") || m.contains("undefined alias")) {
      return "an alias '*name' refers to no anchor '&name'";
    }
    if (m.contains("found unexpected end of stream") || m.contains("<stream end>")) {
      return "the file ends inside a quoted text, list or mapping";
    }
    if (m.contains("Trailing token")) {
      return "text after the end of the document";
    }
    return sentence(m);
  }

  /**
   * The YAML library's own problem line, when none of the known ones matched: the last line of
   * its message that is neither a position ({@code in reader, line …}) nor a snippet, with any
   * Java or Jackson name removed.
   */
  private static String sentence(String message) {
    String best = "";
    for (String line : message.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("in reader") || l.equals("^") || l.startsWith("at [")) {
        continue;
      }
      if (l.startsWith("while ") || l.startsWith("expected") || l.startsWith("found")
          || l.startsWith("could not") || l.startsWith("did not")) {
        best = l;
      }
    }
    if (best.isEmpty()) {
      best = "the text cannot be read as YAML";
    }
    return best.replaceAll("`?(java|tools\\.jackson|com\\.fasterxml|org\\.snakeyaml)[\\w.$]*`?", "")
        .replaceAll("`?JsonToken\\.\\w+`?", "")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
