package io.metabound.experiments.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Checksum;

/**
 * Reads a user's text file (a task file) with a size limit, so that a huge file, a FIFO or an
 * endless device ({@code /dev/zero}, {@code /dev/urandom}) is refused after at most {@code limit}
 * bytes instead of filling the heap: the bytes are decoded as they arrive and the read stops at the
 * first byte past the limit, at the first NUL byte (binary content is never a JSON text) and at
 * the first malformed UTF-8 sequence. Any file that can be opened and read is accepted, regular
 * or not, as long as it ends within the limit.
 *
 * <p>The text is the same as {@link Files#readString(Path)}'s (strict UTF-8) for every file within
 * the limit.
 */
public final class BoundedText {

  private static final int BUFFER_CHARS = 1 << 16;

  private BoundedText() {}

  /**
   * Reads {@code file} as UTF-8 text of at most {@code limitBytes} bytes.
   *
   * @param what the file's kind for the message ({@code "task file"})
   * @param checksum updated with every byte read (e.g. the CRC the sweep sidecar records), or null
   * @throws InputTooLargeException when the file has more than {@code limitBytes} bytes
   * @throws IOException when the file cannot be read, is not UTF-8 or contains a NUL byte
   */
  public static String read(Path file, long limitBytes, String what, Checksum checksum)
      throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        CountingStream counted = new CountingStream(raw, file, limitBytes, what, checksum);
        Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[BUFFER_CHARS];
      int n;
      while ((n = reader.read(buffer)) > 0) {
        for (int k = 0; k < n; k++) {
          if (buffer[k] == 0) {
            throw new IOException("binary content (a NUL byte at character " + (text.length() + k)
                + "), not a text file");
          }
        }
        text.append(buffer, 0, n);
      }
      return text.toString();
    }
  }

  /** Counts the bytes read, feeds the checksum, and stops one byte past the limit. */
  private static final class CountingStream extends FilterInputStream {
    private final Path file;
    private final long limit;
    private final String what;
    private final Checksum checksum;
    private long count;

    CountingStream(InputStream in, Path file, long limit, String what, Checksum checksum) {
      super(in);
      this.file = file;
      this.limit = limit;
      this.what = what;
      this.checksum = checksum;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      // never more than one byte past the limit: enough to know the file is too large
      long room = limit + 1 - count;
      int n = super.read(b, off, (int) Math.min(len, Math.max(room, 1)));
      if (n > 0) {
        count += n;
        if (count > limit) {
          throw new InputTooLargeException(file + ": the " + what + " is larger than the limit of "
              + SizeLimits.human(limit) + " (reading stopped there)");
        }
        if (checksum != null) {
          checksum.update(b, off, n);
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      throw new IOException("skip is not supported");
    }
  }
}
