package io.metabound.experiments.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bounded reads of user text files. */
class BoundedTextTest {

  @TempDir Path dir;

  /** Random text of {@code chars} characters, some of them outside ASCII (multi-byte in UTF-8). */
  private static String text(long seed, int chars) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder s = new StringBuilder();
    String alphabet = "{}[],:\" 0123456789.eE-+\nabcαβ∇²—😀";
    for (int i = 0; i < chars; i++) {
      s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
          random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
    }
    return s.toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void readsWhatFilesReadStringReadsAndChecksumsEveryByte(long seed) throws Exception {
    Path file = dir.resolve("t" + seed + ".txt");
    Files.writeString(file, text(seed, (int) (seed * 40_000)));
    CRC32C crc = new CRC32C();
    assertEquals(Files.readString(file), BoundedText.read(file, 1 << 30, "test file", crc));
    CRC32C expected = new CRC32C();
    expected.update(Files.readAllBytes(file));
    assertEquals(expected.getValue(), crc.getValue());
  }

  @Test
  void aFileOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
    Path file = dir.resolve("limit.txt");
    Files.writeString(file, "x".repeat(1000));
    assertEquals(1000, BoundedText.read(file, 1000, "task file", null).length());
    InputTooLargeException e = assertThrows(InputTooLargeException.class,
        () -> BoundedText.read(file, 999, "task file", null));
    assertTrue(e.getMessage().contains("limit.txt: the task file is larger than the limit of 999 B"),
        e.getMessage());
  }

  @Test
  void binaryAndMalformedContentIsRefusedAtOnce() throws Exception {
    Path nul = dir.resolve("nul.bin");
    Files.write(nul, new byte[] {'{', 0, '}'});
    IOException e = assertThrows(IOException.class, () -> BoundedText.read(nul, 1 << 20, "task file", null));
    assertTrue(e.getMessage().contains("NUL byte at character 1"), e.getMessage());
    Path latin = dir.resolve("latin1.txt");
    Files.write(latin, "{\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
    assertThrows(IOException.class, () -> BoundedText.read(latin, 1 << 20, "task file", null));
  }

  @Test
  void anEndlessDeviceIsRefusedAfterTheLimitWithoutReadingOn() throws Exception {
    Path zero = Path.of("/dev/zero");
    if (Files.isReadable(zero)) {
      assertThrows(IOException.class, () -> BoundedText.read(zero, 1 << 20, "task file", null));
    }
  }
}
