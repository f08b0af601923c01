package io.metabound.reports.notebook;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders executed notebooks as offline HTML: narrative, code, output and the pictures each cell
 * saved, shown inline, with links to the other files it wrote. Files are referenced relative to the
 * page ({@code NAME/file.png}), so the page and its folder move together.
 */
public final class NotebookHtml {

  private NotebookHtml() {}

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0"
          + " 1rem;color:#222}"
          + "pre{background:#f6f8fa;padding:.75rem;overflow-x:auto;border-radius:4px}pre.out{background:#fff;border-left:3px"
          + " solid #4a90d9}pre.err{background:#fff0f0;border-left:3px solid"
          + " #d94a4a}img{max-width:100%;border:1px solid #ddd;margin:.5rem"
          + " 0;display:block}.narr{white-space:pre-wrap}h2{border-bottom:1px solid"
          + " #eee;padding-bottom:.2rem}"
          + ".files{font-size:.9rem}.nav{font-size:.9rem}table{border-collapse:collapse}td,th{padding:.3rem"
          + " .6rem;border-bottom:1px solid #eee;"
          + "text-align:left;vertical-align:top}.failed{color:#b00}";

  /**
   * One page per notebook.
   *
   * @param run the executed notebook
   * @param fileDir where the cells' files live, relative to the page (e.g. {@code 01-quickstart})
   * @param linkIndex true to link {@code index.html} next to the page (when rendering a whole book)
   */
  public static String page(ExecutedNotebook run, String fileDir, boolean linkIndex) {
    Notebook nb = run.notebook();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(nb.name()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n");
    if (linkIndex) {
      html.append("<p class=\"nav\"><a href=\"index.html\">← all notebooks</a></p>\n");
    }
    // the header's first line is the notebook's title ("02 — Takagi's conditions …")
    String header = nb.header();
    int nl = header.indexOf('\n');
    String heading =
        header.isBlank() ? nb.name() : (nl < 0 ? header : header.substring(0, nl)).strip();
    String narrative = nl < 0 ? "" : header.substring(nl + 1).strip();
    html.append("<h1>").append(escape(heading)).append("</h1>\n");
    if (!narrative.isEmpty()) {
      html.append("<p class=\"narr\">").append(escape(narrative)).append("</p>\n");
    }
    if (run.failure() != null) {
      html.append("<pre class=\"err\">FAILED: ").append(escape(run.failure())).append("</pre>\n");
    }
    for (ExecutedNotebook.ExecutedCell cell : run.cells()) {
      html.append("<section id=\"cell-")
          .append(cell.cell().index())
          .append("\"><h2>")
          // the title as the notebook wrote it: notebooks number their own steps ("1. Write a
          // task file"), and a second number in front read "2. 1. …"
          .append(escape(cell.cell().title()))
          .append("</h2>\n");
      if (!cell.cell().narrative().isEmpty()) {
        html.append("<p class=\"narr\">").append(escape(cell.cell().narrative())).append("</p>\n");
      }
      if (!cell.cell().code().isEmpty()) {
        html.append("<pre><code>").append(escape(cell.cell().code())).append("</code></pre>\n");
      }
      if (!cell.output().isEmpty()) {
        html.append("<pre class=\"out\">").append(escape(cell.output())).append("</pre>\n");
      }
      for (String image : cell.images()) {
        html.append("<img alt=\"")
            .append(escape(image))
            .append("\" src=\"")
            .append(escape(href(fileDir, image)))
            .append("\">\n");
      }
      if (!cell.files().isEmpty()) {
        html.append("<p class=\"files\">files:");
        for (String file : cell.files()) {
          html.append(" <a href=\"")
              .append(escape(href(fileDir, file)))
              .append("\">")
              .append(escape(file))
              .append("</a>");
        }
        html.append("</p>\n");
      }
      if (cell.error() != null) {
        html.append("<pre class=\"err\">").append(escape(cell.error())).append("</pre>\n");
      }
      html.append("</section>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  /** The index page: every notebook with its first header line, its cells and whether it ran. */
  public static String index(List<ExecutedNotebook> runs) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>MetaBound notebooks")
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>MetaBound notebooks</h1>\n")
        .append("<table><tr><th>notebook</th><th>what it shows</th><th>cells</th><th>charts</th>")
        .append("<th>status</th></tr>\n");
    for (ExecutedNotebook run : runs) {
      String name = run.notebook().name();
      int charts = 0;
      for (ExecutedNotebook.ExecutedCell cell : run.cells()) {
        charts += cell.images().size();
      }
      html.append("<tr><td><a href=\"")
          .append(escape(href(null, name + ".html")))
          .append("\">")
          .append(escape(name))
          .append("</a></td><td>")
          .append(escape(title(run.notebook())))
          .append("</td><td>")
          .append(run.cells().size())
          .append('/')
          .append(run.notebook().cells().size())
          .append("</td><td>")
          .append(charts)
          .append("</td><td>")
          .append(
              run.succeeded()
                  ? "ran"
                  : "<span class=\"failed\">FAILED: " + escape(run.failure()) + "</span>")
          .append("</td></tr>\n");
    }
    html.append("</table></body></html>\n");
    return html.toString();
  }

  /** The first line of the header without a leading {@code "NN — "} (the name already says it). */
  static String title(Notebook notebook) {
    String header = notebook.header();
    int nl = header.indexOf('\n');
    String first = (nl < 0 ? header : header.substring(0, nl)).strip();
    int dash = first.indexOf(" — ");
    if (dash > 0 && first.substring(0, dash).chars().allMatch(Character::isDigit)) {
      first = first.substring(dash + 3);
    }
    return first;
  }

  /** A relative link {@code dir/file}, percent-encoding everything but unreserved characters. */
  static String href(String dir, String file) {
    String path = dir == null ? file : dir + "/" + file;
    StringBuilder out = new StringBuilder(path.length());
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char ch = (char) (b & 0xff);
      if (ch < 0x80 && (Character.isLetterOrDigit(ch) || "-._~/".indexOf(ch) >= 0)) {
        out.append(ch);
      } else {
        out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** Page file name for a notebook. */
  public static Path pageFile(Path outDir, ExecutedNotebook run) {
    return outDir.resolve(run.notebook().name() + ".html");
  }

  /** Escapes {@code < > & "} for HTML text and attribute values. */
  public static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }
}
