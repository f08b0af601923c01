package io.metabound.reports.notebook;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders executed notebooks as self-contained offline HTML: narrative, code, output and the
 * images each cell saved (referenced relative to the page, so the page and its image folder move
 * together).
 */
public final class NotebookHtml {

  private NotebookHtml() {}

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
          + "pre{background:#f6f8fa;padding:.75rem;overflow-x:auto;border-radius:4px}"
          + "pre.out{background:#fff;border-left:3px solid #4a90d9}"
          + "pre.err{background:#fff0f0;border-left:3px solid #d94a4a}"
          + "img{max-width:100%;border:1px solid #ddd;margin:.5rem 0}"
          + ".narr{white-space:pre-wrap}h2{border-bottom:1px solid #eee;padding-bottom:.2rem}";

  /**
   * One page per notebook.
   *
   * @param run the executed notebook
   * @param imageDir where the images live, relative to the page (e.g. {@code 01-quickstart})
   */
  public static String page(ExecutedNotebook run, String imageDir) {
    Notebook nb = run.notebook();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(nb.name()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>")
        .append(escape(nb.name()))
        .append("</h1>\n<p class=\"narr\">")
        .append(escape(nb.header()))
        .append("</p>\n");
    if (run.failure() != null) {
      html.append("<pre class=\"err\">FAILED: ").append(escape(run.failure())).append("</pre>\n");
    }
    for (ExecutedNotebook.ExecutedCell cell : run.cells()) {
      html.append("<section id=\"cell-").append(cell.cell().index()).append("\"><h2>")
          .append(cell.cell().index()).append(". ").append(escape(cell.cell().title())).append("</h2>\n");
      if (!cell.cell().narrative().isEmpty()) {
        html.append("<p class=\"narr\">").append(escape(cell.cell().narrative())).append("</p>\n");
      }
      html.append("<pre><code>").append(escape(cell.cell().code())).append("</code></pre>\n");
      if (!cell.output().isEmpty()) {
        html.append("<pre class=\"out\">").append(escape(cell.output())).append("</pre>\n");
      }
      for (String image : cell.images()) {
        html.append("<img alt=\"").append(escape(image)).append("\" src=\"")
            .append(escape(imageDir + "/" + image)).append("\">\n");
      }
      if (cell.error() != null) {
        html.append("<pre class=\"err\">").append(escape(cell.error())).append("</pre>\n");
      }
      html.append("</section>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  /** The index page linking every notebook page. */
  public static String index(List<ExecutedNotebook> runs) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>MetaBound notebooks</title><style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>MetaBound notebooks</h1>\n<ul>\n");
    for (ExecutedNotebook run : runs) {
      String name = run.notebook().name();
      html.append("<li><a href=\"").append(escape(name)).append(".html\">").append(escape(name))
          .append("</a> — ").append(run.succeeded() ? "ran" : "FAILED: " + escape(run.failure()))
          .append("</li>\n");
    }
    html.append("</ul></body></html>\n");
    return html.toString();
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
