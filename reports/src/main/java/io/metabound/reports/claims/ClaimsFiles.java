package io.metabound.reports.claims;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a claims file: its bytes strictly as UTF-8, so a mis-encoded file is an error, not noise;
 * and the cheap up-front validation a long run (the report) does before it starts, so that a bad
 * claims file is reported in a second instead of after the registry checks.
 */
public final class ClaimsFiles {

  private ClaimsFiles() {}

  /**
   * The file's text.
   *
   * @throws ClaimsFileException when the bytes are not valid UTF-8
   */
  public static String text(byte[] content, String file) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ClaimsFileException(
          file, "", "", "not valid UTF-8 text (" + e.getMessage() + "); save the file as UTF-8");
    }
  }

  /**
   * Reads and parses a claims file and refuses it when any claim has a problem of its own (what
   * {@code metabound claims} would report as an ERROR from the file alone): no check is built or
   * run, so this takes the time of reading the file (with a LaTeX draft's included files).
   *
   * @param file the claims file (YAML or a LaTeX draft)
   * @return the parsed claims, every one a {@link Claim}
   * @throws ClaimsFileException naming the file, the first problem (with its claim and line) and
   *     how many more there are, in one line
   */
  public static List<ClaimEntry> validate(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ClaimsFileException(name, "", "", "no such claims file");
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ClaimsFileException(name, "", "", "cannot be read (" + e.getMessage() + ")");
    }
    List<ClaimEntry> claims = ClaimsParser.parse(text(content, name), name);
    List<ClaimError> errors = new ArrayList<>();
    int problems = 0;
    for (ClaimEntry entry : claims) {
      if (entry instanceof ClaimError error) {
        errors.add(error);
        problems += error.problems().size();
      }
    }
    if (errors.isEmpty()) {
      return claims;
    }
    ClaimError first = errors.get(0);
    String more =
        problems == 1
            ? ""
            : " (and " + (problems - 1) + " more problem" + (problems == 2 ? "" : "s")
                + (errors.size() > 1 ? " in " + errors.size() + " claims" : "")
                + "; 'metabound claims " + name + "' lists them all)";
    throw new ClaimsFileException(name, first.id(), "", first.problems().get(0) + more);
  }
}
