package io.metabound.reports.claims;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading a claims file's bytes: strictly UTF-8, so a mis-encoded file is an error, not noise. */
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
}
