package io.metabound.experiments.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests as lower-case hex: the fingerprint a result file keeps of its inputs (a sweep's
 * tasks, a shard's CSV, a counterexample's content), so that a later reader can tell whether the
 * bytes it is given are the ones the result was computed from.
 */
public final class Sha256 {

  private static final int BUFFER_BYTES = 1 << 16;

  private Sha256() {}

  /** The digest of {@code bytes}. */
  public static String of(byte[] bytes) {
    MessageDigest digest = digest();
    digest.update(bytes);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The digest of the UTF-8 bytes of {@code text}. */
  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The digest of a file's bytes, streamed (a sweep CSV may be large). */
  public static String ofFile(Path file) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** True when {@code text} has the form of a digest: 64 lower- or upper-case hex digits. */
  public static boolean isDigest(String text) {
    return text != null && text.matches("[0-9a-fA-F]{64}");
  }

  /**
   * A {@link Checksum} that feeds the bytes it sees to a CRC-32C and a SHA-256 at once: a file
   * that can be read only once (a FIFO, a stream) gets both digests from the single read that
   * parses it. {@link #getValue()} is the CRC-32C.
   */
  public static final class WithCrc32c implements Checksum {
    private final CRC32C crc = new CRC32C();
    private final MessageDigest sha = digest();

    @Override
    public void update(int b) {
      crc.update(b);
      sha.update((byte) b);
    }

    @Override
    public void update(byte[] b, int off, int len) {
      crc.update(b, off, len);
      sha.update(b, off, len);
    }

    @Override
    public long getValue() {
      return crc.getValue();
    }

    @Override
    public void reset() {
      crc.reset();
      sha.reset();
    }

    /** The CRC-32C as eight hex digits. */
    public String crc32cHex() {
      return String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
    }

    /** The SHA-256 of the bytes seen so far (the digest is not reset). */
    public String sha256Hex() {
      try {
        return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the platform's SHA-256 can be cloned", e);
      }
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
