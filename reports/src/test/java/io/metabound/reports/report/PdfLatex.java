package io.metabound.reports.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code pdflatex} on a document for the tests and reads its log: the errors ({@code !}
 * lines) and the overfull horizontal boxes with how far they stick out.
 */
final class PdfLatex {

  private static final Pattern OVERFULL = Pattern.compile("Overfull \\\\hbox \\(([0-9.]+)pt too wide\\)");

  /** What one compilation reported. */
  record Log(int exitCode, List<String> errors, List<String> overfull, String text) {

    /** The overfull boxes wider than {@code points}, with the log line of each. */
    List<String> overfullBeyond(double points) {
      List<String> wide = new ArrayList<>();
      for (String line : overfull) {
        Matcher m = OVERFULL.matcher(line);
        if (m.find() && Double.parseDouble(m.group(1)) > points) {
          wide.add(line);
        }
      }
      return wide;
    }
  }

  private PdfLatex() {}

  /** True when {@code pdflatex} runs on this machine. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("pdflatex", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Compiles {@code file} (in its own folder) twice, so references and page layout settle, and
   * reads the second run's log.
   */
  static Log compile(Path file) throws IOException, InterruptedException {
    Path folder = file.toAbsolutePath().getParent();
    String name = file.getFileName().toString();
    int code = 0;
    for (int run = 0; run < 2; run++) {
      Process p =
          new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", name)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("pdflatex did not finish within 300 s on " + file);
      }
      code = p.exitValue();
      if (code != 0) {
        break;
      }
    }
    Path logFile = folder.resolve(name.replaceFirst("\\.tex$", ".log"));
    String text = Files.readString(logFile, StandardCharsets.ISO_8859_1);
    List<String> errors = new ArrayList<>();
    List<String> overfull = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("!")) {
        errors.add(lines[i] + (i + 1 < lines.length ? " " + lines[i + 1] : ""));
      }
      if (lines[i].startsWith("Overfull \\hbox")) {
        overfull.add(lines[i] + (i + 1 < lines.length ? " " + lines[i + 1] : ""));
      }
    }
    return new Log(code, errors, overfull, text);
  }
}
