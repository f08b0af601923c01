package io.metabound.reports.report;

import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of {@code metabound reproduce --out DIR}: the {@link ReproductionRenderer}'s pictures
 * and data plus a standalone {@code index.html} and {@code README.md}, written atomically (a
 * staging folder moved into place, {@link OutputFolder}). One reproduction goes into DIR itself, all of them into
 * DIR/NAME/ with an index.
 */
public final class ReproductionPages {

  private ReproductionPages() {}

  /**
   * Writes the results.
   *
   * @param several true to put each into its own subfolder
   * @return the files written, under {@code out}
   */
  public static List<String> write(List<ReproductionResult> results, Path out, boolean several)
      throws IOException {
    try (OutputFolder staging = OutputFolder.open(out, "--out", "reproduce")) {
      return write(results, staging, out, several);
    }
  }

  /**
   * Writes the results into an output folder opened before they were computed (so a folder that
   * cannot be written is refused before the work) and commits it.
   *
   * @param out the folder as the user named it, for the returned paths
   * @return the files written, under {@code out}
   */
  public static List<String> write(
      List<ReproductionResult> results, OutputFolder staging, Path out, boolean several)
      throws IOException {
    List<String> files = new ArrayList<>();
    StringBuilder html = new StringBuilder("<h1>MetaBound reproductions</h1>\n");
    StringBuilder md = new StringBuilder("# MetaBound reproductions\n\n");
    for (ReproductionResult r : results) {
      String prefix = several ? r.name() + "/" : "";
      ReproductionRenderer.Rendered rendered =
          ReproductionRenderer.render(r, staging.path().resolve(prefix.isEmpty() ? "." : prefix).normalize(), prefix);
      files.addAll(rendered.files());
      html.append(rendered.html());
      md.append(rendered.markdown());
    }
    AtomicFiles.writeString(staging.path().resolve("index.html"), HtmlPage.wrap("MetaBound reproductions", html.toString()));
    AtomicFiles.writeString(staging.path().resolve("README.md"), md.toString());
    files.add("index.html");
    files.add("README.md");
    staging.commit();
    List<String> absolute = new ArrayList<>();
    for (String f : files) {
      absolute.add(out.resolve(f).toString());
    }
    return absolute;
  }

  /** The results as JSON: one object, or a list when {@code several}. */
  public static String json(List<ReproductionResult> results, boolean several) {
    if (!several) {
      return ReproductionRenderer.json(results.get(0));
    }
    StringBuilder s = new StringBuilder("[\n");
    for (int i = 0; i < results.size(); i++) {
      s.append(ReproductionRenderer.json(results.get(i)).strip());
      s.append(i + 1 < results.size() ? ",\n" : "\n");
    }
    return s.append("]\n").toString();
  }
}
