package io.metabound.reports.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pixel size of a written picture, for {@code width}/{@code height} attributes: the browser
 * then lays the page out before the pictures load (no jumps while scrolling a long report).
 */
final class ImageSize {

  private ImageSize() {}

  private static final Pattern SVG_SIZE =
      Pattern.compile("<svg[^>]*?\\sheight=\"([0-9.]+)(?:px)?\"[^>]*?\\swidth=\"([0-9.]+)(?:px)?\"");

  /** {@code  width="W" height="H"}, or an empty string when the size cannot be read. */
  static String attributes(Path file) {
    try {
      String name = file.getFileName().toString();
      if (name.endsWith(".png")) {
        // PNG: 8-byte signature, then the IHDR chunk: length, "IHDR", width, height (big-endian)
        byte[] head = new byte[24];
        try (InputStream in = Files.newInputStream(file)) {
          if (in.readNBytes(head, 0, 24) < 24) {
            return "";
          }
        }
        return size(readInt(head, 16), readInt(head, 20));
      }
      if (name.endsWith(".svg")) {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
          n = in.readNBytes(head, 0, head.length);
        }
        Matcher m = SVG_SIZE.matcher(new String(head, 0, n, StandardCharsets.UTF_8));
        if (m.find()) {
          return size((int) Math.ceil(Double.parseDouble(m.group(2))), (int) Math.ceil(Double.parseDouble(m.group(1))));
        }
      }
    } catch (IOException | RuntimeException e) {
      return "";
    }
    return "";
  }

  private static String size(int width, int height) {
    return width > 0 && height > 0 ? " width=\"" + width + "\" height=\"" + height + "\"" : "";
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }
}
