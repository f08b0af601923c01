package io.metabound.reports.report;

import io.metabound.bounds.registry.Bound;
import io.metabound.experiments.check.BoundCheck;
import io.metabound.experiments.check.BoundProfile;
import io.metabound.experiments.check.CheckResult;
import io.metabound.reports.claims.ClaimEntry;
import io.metabound.reports.claims.ClaimsFileException;
import io.metabound.reports.claims.ClaimsFiles;
import io.metabound.reports.claims.ClaimsParser;
import io.metabound.reports.claims.ClaimsValidation;
import io.metabound.reports.claims.StandardProbes;
import io.metabound.experiments.check.CheckSettings;
import io.metabound.experiments.check.CheckSuite;
import io.metabound.experiments.check.NotCheckable;
import io.metabound.experiments.check.Profile;
import io.metabound.experiments.check.RegistryChecks.Plan;
import io.metabound.experiments.check.SuiteSummary;
import io.metabound.experiments.scaling.ScalingChecks;
import io.metabound.experiments.check.Verdict;
import io.metabound.experiments.reproduction.Reproduction;
import io.metabound.experiments.reproduction.ReproductionResult;
import io.metabound.experiments.reproduction.ReproductionSettings;
import io.metabound.reports.heatmap.HeatmapJob;
import io.metabound.experiments.io.AtomicFiles;
import io.metabound.reports.io.OutputFolder;
import io.metabound.reports.io.TerminalProgress;
import io.metabound.reports.notebook.ExecutedNotebook;
import io.metabound.reports.notebook.NotebookBook;
import io.metabound.reports.notebook.NotebookRunner;
import io.metabound.reports.plot.CurvePlot;
import io.metabound.reports.plot.TightnessPlot;
import io.metabound.reports.render.LatexSvg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a whole report: runs the checks, draws a profile per checked bound, runs the
 * reproductions and the heatmaps, renders the registry's statements and the notebooks, then writes
 * {@code index.html}, {@code report.md}, {@code report.json} and (on request) the LaTeX export.
 *
 * <p>Everything is written into a staging folder beside the target and moved into place at the
 * end ({@link OutputFolder}): a failed or killed run leaves the previous report as it was, and a
 * folder MetaBound did not write is refused. The data files
 * are a deterministic function of the request (same seed, same bytes); only the header's times
 * differ between runs.
 */
public final class ReportGenerator {

  private ReportGenerator() {}

  /**
   * What a run produced.
   *
   * @param out the report folder
   * @param latex the LaTeX folder, or null
   * @param summary the verdict table
   * @param unexpectedViolations VIOLATED verdicts that are not documented findings
   * @param reproductions the reproductions' results
   * @param seconds wall time
   * @param failingClaims the claims that are VIOLATED, NOT_FOUND or ERROR, by id, in file order
   */
  public record Outcome(
      Path out,
      Path latex,
      SuiteSummary summary,
      int unexpectedViolations,
      List<ReproductionResult> reproductions,
      double seconds,
      Map<String, Verdict> failingClaims) {

    public Outcome {
      failingClaims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(failingClaims));
    }
  }

  /** Subfolders of a report. */
  static final String CHECKS = "checks";

  static final String PROFILES = "profiles";
  static final String REPRODUCTIONS = "reproductions";
  static final String HEATMAPS = "heatmaps";
  static final String REGISTRY = "registry";
  static final String NOTEBOOKS = "notebooks";

  /** Profiles in quick mode have at most this many points. */
  static final int QUICK_PROFILE_POINTS = 8;

  /** Writes the report; the progress bar shows on a terminal only. */
  public static Outcome generate(ReportRequest request) throws IOException {
    long start = System.nanoTime();
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path out = request.out().toAbsolutePath().normalize();
    Path latex = request.latex() == null ? null : request.latex().toAbsolutePath().normalize();
    if (latex != null && latex.equals(out)) {
      throw new io.metabound.reports.cli.UserInputException(
          "--latex: the LaTeX folder must differ from the report folder " + out);
    }
    ReportSuite suite = request.suite();
    int checks = suite.checkCount();
    long steps =
        2L * checks + request.reproductions().size() + request.heatmaps().size() + 4;
    Map<String, Double> timings = new LinkedHashMap<>();
    try (OutputFolder staging = OutputFolder.open(out, "--out", "report");
        OutputFolder latexStaging =
            latex == null || latex.startsWith(out) ? null : OutputFolder.open(latex, "--latex", "report --latex");
        TerminalProgress progress = TerminalProgress.start("report", steps, " steps", 1)) {
      Path dir = staging.path();
      Counter counter = new Counter(progress);

      // 1. checks
      long t = System.nanoTime();
      Path counterexamples = dir.resolve(CHECKS).resolve("counterexamples");
      Files.createDirectories(counterexamples);
      CheckSettings settings = suite.settings().withCounterexampleDirectory(counterexamples);
      CheckSuite checkSuite = suite.suite();
      SuiteSummary summary =
          checkSuite.run(
              settings,
              (done, check) -> counter.step("check " + check.boundId()),
              r -> relativeCounterexample(r, dir));
      if (!request.quick()) {
        // the shapes of the vacuous checks (about 10 s); --quick leaves them out
        counter.step("scaling checks");
        summary =
            summary.withScaling(
ScalingChecks.outcomes(settings.seed(), checkSuite));
      }
      summary.writeTo(dir.resolve(CHECKS));
      timings.put("checks", seconds(t));

      // 2. profiles and tightness
      t = System.nanoTime();
      List<ReportContent.ProfileEntry> profiles = new ArrayList<>();
      for (int i = 0; i < checkSuite.checks().size(); i++) {
        BoundCheck check = checkSuite.checks().get(i);
        CheckResult r = summary.results().get(i);
        counter.step("profile " + check.boundId());
        profiles.add(profile(check, r, suite.plan(check), settings, request.quick(), dir));
      }
      String tightness = null;
      String tightnessCsv = CHECKS + "/tightness.csv";
      List<TightnessPlot.Point> points = new ArrayList<>();
      List<Object[]> rows = new ArrayList<>();
      for (CheckResult r : summary.results()) {
        points.add(new TightnessPlot.Point(r.boundId(), r.ratio(), r.verdict() == Verdict.VIOLATED));
        rows.add(new Object[] {r.boundId(), r.verdict().name(), r.ratio(), r.empirical(), r.theoretical(), r.seed()});
      }
      DataFiles.writeCsv(
          dir.resolve(tightnessCsv),
          new DataFiles.Table(List.of("bound", "verdict", "ratio", "empirical", "theoretical", "seed"), rows));
      if (TightnessPlot.write(points, dir.resolve(CHECKS + "/tightness.png"))) {
        tightness = CHECKS + "/tightness.png";
      }
      timings.put("profiles", seconds(t));

      // 3. reproductions
      t = System.nanoTime();
      List<ReproductionRenderer.Rendered> reproductions = new ArrayList<>();
      for (Reproduction reproduction : request.reproductions()) {
        counter.step("reproduction " + reproduction.name());
        ReproductionResult result =
            reproduction.run(new ReproductionSettings(request.seed(), request.quick()));
        String prefix = REPRODUCTIONS + "/" + reproduction.name() + "/";
        reproductions.add(ReproductionRenderer.render(result, dir.resolve(prefix), prefix));
      }
      timings.put("reproductions", seconds(t));

      // 4. heatmaps
      t = System.nanoTime();
      List<ReportContent.HeatmapEntry> heatmaps = new ArrayList<>();
      for (HeatmapSpec spec : request.heatmaps()) {
        counter.step("heatmap " + spec.id());
        String folder = HEATMAPS + "/" + spec.id();
        HeatmapJob.Outcome outcome = spec.run(dir.resolve(folder), request.tool());
        heatmaps.add(new ReportContent.HeatmapEntry(spec.id(), spec.commandLine(), outcome, folder));
      }
      timings.put("heatmaps", seconds(t));

      // 5. registry
      t = System.nanoTime();
      counter.step("registry");
      List<ReportContent.RegistryEntry> registry = registry(request.bounds(), summary, dir);
      timings.put("registry", seconds(t));

      // 6. notebooks
      t = System.nanoTime();
      counter.step("notebooks");
      ReportContent.NotebookSection notebooks = notebooks(request.notebooks(), dir);
      timings.put("notebooks", seconds(t));

      // 7. claims
      t = System.nanoTime();
      counter.step("claims");
      ReportContent.ClaimsSection claims = claims(request, settings, dir);
      timings.put("claims", seconds(t));

      // 8. pages and LaTeX
      counter.step("writing");
      Path latexDir =
          latex == null ? null : latex.startsWith(out) ? dir.resolve(out.relativize(latex)) : latexStaging.path();
      ReportContent.Header header =
          new ReportContent.Header(
              Versions.all(),
              request.seed(),
              request.commandLine(),
              started.toString(),
              seconds(start),
              request.quick(),
              suite.description(),
              describe(settings),
              timings,
              latex == null ? null : latex.startsWith(out) ? out.relativize(latex).toString() : latex.toString());
      ReportContent content =
          new ReportContent(
              header, summary, tightness, tightnessCsv, profiles, reproductions, heatmaps, registry, notebooks,
              claims);
      if (latexDir != null) {
        t = System.nanoTime();
        LatexExport.write(content, dir, latexDir);
        timings.put("latex", seconds(t));
      }
      double total = seconds(start);
      content = withSeconds(content, total);
      FindingsSection findings = FindingsSection.write(dir);
      AtomicFiles.writeString(dir.resolve("report.md"), MarkdownReport.render(content) + findings.markdown());
      AtomicFiles.writeString(dir.resolve("index.html"), HtmlReport.render(content, dir, findings.html()));
      AtomicFiles.writeString(dir.resolve("report.json"), ReportJson.render(content));
      counter.done();
      staging.commit();
      if (latexStaging != null) {
        latexStaging.commit();
      }
      List<ReproductionResult> reproductionResults = new ArrayList<>();
      reproductions.forEach(r -> reproductionResults.add(r.result()));
      Map<String, Verdict> failingClaims = new java.util.LinkedHashMap<>();
      if (claims.validation() != null) {
        for (int i = 0; i < claims.validation().entries().size(); i++) {
          Verdict v = claims.validation().results().get(i).verdict();
          if (v == Verdict.VIOLATED || v == Verdict.NOT_FOUND || v == Verdict.ERROR) {
            failingClaims.put(claims.validation().entries().get(i).id(), v);
          }
        }
      }
      return new Outcome(
          out,
          latex,
          summary,
          summary.unexpectedViolations().size(),
          reproductionResults,
          total,
          failingClaims);
    }
  }

  private static ReportContent withSeconds(ReportContent c, double seconds) {
    ReportContent.Header h = c.header();
    ReportContent.Header header =
        new ReportContent.Header(
            h.versions(), h.seed(), h.commandLine(), h.started(), seconds, h.quick(), h.suite(),
            h.settings(), h.timings(), h.latexDirectory());
    return new ReportContent(
        header, c.summary(), c.tightnessImage(), c.tightnessCsv(), c.profiles(), c.reproductions(),
        c.heatmaps(), c.registry(), c.notebooks(), c.claims());
  }

  /**
   * The report moves into place: a result's counterexamples (the shrunk and the worst instance) are
   * linked relative to the report.
   */
  private static CheckResult relativeCounterexample(CheckResult r, Path dir) {
    CheckResult out = r;
    if (r.counterexample() != null) {
      out = out.withCounterexample(relative(dir, r.counterexample()));
    }
    if (r.worst() != null && r.worst().counterexample() != null) {
      out = out.withWorst(r.worst().withCounterexample(relative(dir, r.worst().counterexample())));
    }
    return out;
  }

  private static String relative(Path dir, String file) {
    return dir.relativize(Path.of(file)).toString().replace('\\', '/');
  }

  /** Folder of the claims' verdicts and counterexamples inside the report. */
  static final String CLAIMS = "claims";

  /**
   * Validates the request's claims file (the papers' headline claims by default) with the report's
   * seed; its verdicts and counterexamples go to {@value #CLAIMS}/. A bad claims file is bad input
   * (exit 2), as with {@code metabound claims}.
   */
  static ReportContent.ClaimsSection claims(ReportRequest request, CheckSettings settings, Path dir)
      throws IOException {
    Path file = request.claims();
    if (file == null) {
      return new ReportContent.ClaimsSection(null, null, null, "No claims file was validated");
    }
    String name = file.toString();
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new io.metabound.reports.cli.UserInputException(name + ": cannot read the claims file", e);
    }
    try {
      List<ClaimEntry> claims = ClaimsParser.parse(ClaimsFiles.text(content, name), name);
      Path folder = dir.resolve(CLAIMS);
      Files.createDirectories(folder);
      // the same budget as `metabound claims`, so one seed gives the same instances in both
      ClaimsValidation validation =
          ClaimsValidation.run(
                  name,
                  content,
                  claims,
                  StandardProbes.resolver(),
                  ClaimsValidation.settings(
                      settings.seed(), ClaimsValidation.DEFAULT_EVALUATIONS, folder),
                  id -> {})
              // the report moves into place: counterexamples are linked relative to the report
              .mapResults(r -> relativeCounterexample(r, dir));
      validation.writeTo(folder);
      return new ReportContent.ClaimsSection(
          validation, name, CLAIMS + "/" + ClaimsValidation.JSON_FILE, "");
    } catch (ClaimsFileException e) {
      throw new io.metabound.reports.cli.UserInputException(e.getMessage(), e);
    }
  }

  /** Counts steps for the progress bar. */
  private static final class Counter {
    private final TerminalProgress progress;
    private long done;

    Counter(TerminalProgress progress) {
      this.progress = progress;
    }

    void step(String what) {
      progress.message(what);
      progress.accept(done++);
    }

    void done() {
      progress.accept(done);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) * 1e-9;
  }

  static String describe(CheckSettings s) {
    return String.format(
        Locale.ROOT,
        "seed %d, %d falsifier evaluations per check, family-wise level α = %s (Holm), %d search /"
            + " %d confirmation Monte Carlo samples, relative tolerance %s, %d shrink evaluations,"
            + " negative-control strength %s",
        s.seed(),
        s.evaluationBudget(),
        SuiteSummary.number(s.familyWiseLevel()),
        s.searchSamples(),
        s.confirmationSamples(),
        SuiteSummary.number(s.relativeTolerance()),
        s.shrinkBudget(),
        SuiteSummary.number(s.negativeControlStrength()));
  }

  /** The profile of one check on its instance of largest ratio. */
  static ReportContent.ProfileEntry profile(
      BoundCheck check,
      CheckResult result,
      Optional<Plan> plan,
      CheckSettings settings,
      boolean quick,
      Path dir)
      throws IOException {
    if (result.instance() == null) {
      return new ReportContent.ProfileEntry(result, null, null, null, "no instance in scope: nothing to profile");
    }
    if (plan.isEmpty() || plan.get().profile() == null) {
      return new ReportContent.ProfileEntry(
          result, null, null, null, "the check's plan names no parameter to profile");
    }
    Profile profile = plan.get().profile();
    if (quick && profile.points() > QUICK_PROFILE_POINTS) {
      profile = new Profile(profile.range(), QUICK_PROFILE_POINTS);
    }
    BoundProfile drawn =
        BoundProfile.draw(check, profile, plan.get().constants(), result.instance(), settings);
    String name = DataFiles.slug(check.boundId());
    String csv = PROFILES + "/" + name + ".csv";
    List<Object[]> rows = new ArrayList<>();
    int n = drawn.points().size();
    double[] x = new double[n];
    double[] theory = new double[n];
    double[] measured = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] ratio = new double[n];
    boolean intervals = false;
    for (int i = 0; i < n; i++) {
      BoundProfile.Point p = drawn.points().get(i);
      x[i] = p.value();
      theory[i] = p.theoretical();
      measured[i] = p.empirical();
      lower[i] = p.lower();
      upper[i] = p.upper();
      ratio[i] = p.ratio();
      intervals |= p.lower() != p.upper() && Double.isFinite(p.lower());
      rows.add(new Object[] {p.value(), p.theoretical(), p.empirical(), p.lower(), p.upper(), p.ratio(), p.verdict().name()});
    }
    DataFiles.writeCsv(
        dir.resolve(csv),
        new DataFiles.Table(
            List.of(drawn.parameter(), "theoretical", "empirical", "lower", "upper", "ratio", "verdict"), rows));
    boolean anyFinite = false;
    for (double r : ratio) {
      anyFinite |= Double.isFinite(r);
    }
    if (!anyFinite) {
      return new ReportContent.ProfileEntry(
          result, drawn, null, csv, "no point of the profile is in scope (see the CSV)");
    }
    // a log axis only for a range the plan spreads logarithmically (batch sizes, tolerances)
    boolean logX = profile.range().logScale() && CurvePlot.logSuits(10, x);
    List<CurvePlot.Curve> top =
        List.of(
            CurvePlot.Curve.of("bound (theoretical)", x, theory, CurvePlot.Style.THEORY),
            new CurvePlot.Curve(
                "measured " + check.quantityId(),
                x,
                measured,
                intervals ? lower : null,
                intervals ? upper : null,
                CurvePlot.Style.MEASURED));
    double[] one = new double[n];
    java.util.Arrays.fill(one, 1.0);
    List<CurvePlot.Curve> bottom =
        List.of(
            CurvePlot.Curve.of("ratio (≤ 1 holds)", x, ratio, CurvePlot.Style.MEASURED),
            CurvePlot.Curve.of("1", x, one, CurvePlot.Style.REFERENCE));
    String png = PROFILES + "/" + name + ".png";
    boolean logRatio = CurvePlot.logSuits(100, ratio, one);
    org.knowm.xchart.XYChart ratioChart =
        CurvePlot.chart(
            "ratio measured/bound (oriented)",
            drawn.parameter(),
            "ratio",
            logX,
            logRatio,
            bottom,
            900,
            380);
    if (!logRatio) {
      CurvePlot.fixLinearRange(ratioChart, ratio, 1);
    }
    CurvePlot.writePng(
        List.of(
            CurvePlot.chart(
                check.boundId() + " " + check.comparison().symbol() + " along " + drawn.parameter(),
                drawn.parameter(),
                check.quantityId(),
                logX,
                CurvePlot.logSuits(100, theory, measured),
                top,
                900,
                380),
            ratioChart),
        dir.resolve(png));
    return new ReportContent.ProfileEntry(result, drawn, png, csv, "");
  }

  private static List<ReportContent.RegistryEntry> registry(
      List<Bound> bounds, SuiteSummary summary, Path dir) throws IOException {
    Map<String, String> status = new LinkedHashMap<>();
    for (CheckResult r : summary.results()) {
      status.put(r.boundId(), "checked: " + r.verdict().name());
    }
    for (NotCheckable n : summary.notCheckable()) {
      status.put(n.boundId(), "not checkable: " + n.reason());
    }
    List<ReportContent.RegistryEntry> entries = new ArrayList<>();
    for (Bound b : bounds) {
      String latex = BoundLatex.statement(b);
      String svg = null;
      String error = "";
      try {
        String file = REGISTRY + "/" + DataFiles.slug(b.id()) + ".svg";
        AtomicFiles.writeString(dir.resolve(file), LatexSvg.render(latex, 18f));
        svg = file;
      } catch (IllegalArgumentException e) {
        error = e.getMessage();
      }
      entries.add(
          new ReportContent.RegistryEntry(b, latex, svg, error, status.getOrDefault(b.id(), "not in this suite")));
    }
    return entries;
  }

  private static ReportContent.NotebookSection notebooks(Path folder, Path dir) throws IOException {
    if (folder == null) {
      return new ReportContent.NotebookSection(null, Map.of(), Map.of(), "notebooks not run (none requested)");
    }
    if (!Files.isDirectory(folder) || NotebookBook.notebooks(folder).isEmpty()) {
      return new ReportContent.NotebookSection(null, Map.of(), Map.of(), "no notebooks in " + folder);
    }
    List<ExecutedNotebook> runs =
        new NotebookBook(NotebookRunner.withCurrentClassPath()).renderAll(folder, dir.resolve(NOTEBOOKS));
    Map<String, String> pages = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    for (ExecutedNotebook run : runs) {
      String name = run.notebook().name();
      pages.put(name, NOTEBOOKS + "/" + name + ".html");
      if (!run.succeeded()) {
        failures.put(name, run.failure());
      }
    }
    return new ReportContent.NotebookSection(NOTEBOOKS + "/index.html", pages, failures, "");
  }
}
