package io.metabound.reports.claims;

import io.metabound.experiments.measure.Vocabulary;
import io.metabound.experiments.measure.VocabularyEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a claims file can say, as one table: the measure language's primitives, functions,
 * estimators and instance symbols ({@link Vocabulary}), the family types and the symbols only a
 * family binds, and the claim-level fields that change what a claim means ({@code quantifier},
 * {@code point}). Every term carries one example claim with the verdict it gets; {@code
 * VocabularyClaimsTest} runs each through {@code metabound claims}, and the README's table is
 * this table ({@link #markdown}).
 */
public final class ClaimsVocabulary {

  private ClaimsVocabulary() {}

  /**
   * One term.
   *
   * @param name as written in a claims file
   * @param kind primitive, function, scalar function, search, estimator, instance symbol, family
   *     type, family symbol or claim field
   * @param signature its type, e.g. {@code meta_gradient(estimator, vector) -> vector}
   * @param meaning what it is
   * @param parameters the claim parameters it reads with their defaults (estimators), or empty
   * @param example one claim using it, as YAML fields of a claims file
   * @param verdict the verdict the example gets
   */
  public record Term(
      String name,
      String kind,
      String signature,
      String meaning,
      String parameters,
      String example,
      String verdict) {}

  /** The whole vocabulary, in listing order. */
  public static List<Term> terms() {
    List<Term> terms = new ArrayList<>();
    for (VocabularyEntry e : Vocabulary.entries()) {
      terms.add(
          new Term(
              e.name(),
              e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
              e.signature(),
              e.meaning(),
              parameters(e),
              yaml(e.example()),
              e.example().verdict()));
    }
    terms.add(
        term(
            "quadratic",
            "family type",
            "type: quadratic, dim, tasks, spectrum, centre, rotations, outer",
            "tasks ½(w − c)ᵀH(w − c) with Hessian eigenvalues in the spectrum (negative values give"
                + " non-convex tasks); outer: separate gives each task its own test loss",
            "measure: \"opnorm(meta_hessian(maml))\"\nrelation: \"<=\"\nbound: \"4*L\"\n"
                + "family: {type: quadratic, dim: [1, 3], tasks: [1, 3], spectrum: [-1, 1]}\n"
                + "params: {alpha: [0, \"1/L\"], N: 1}",
            "HOLDS"));
    terms.add(
        term(
            "linear-regression",
            "family type",
            "type: linear-regression, dim, tasks, samples: {train, validation}, noise, prior,"
                + " centre, covariance, data: sampled | expected",
            "Gaussian linear regression: θ_i = θ̄ + (ν/√d) z_i, x ~ N(0, Σ) (Σ diagonal in the"
                + " covariance range), y = xᵀθ_i + ε, ε ~ N(0, noise²); n_t train and n_v validation"
                + " samples per task. sampled: one data set per task, the inner loss its train"
                + " least squares, the outer its validation one (every primitive exact); expected:"
                + " the data average (exact by Wishart moments for N = 1 MAML, FO-MAML, HF-MAML)",
            "measure: \"opnorm(meta_hessian(maml))\"\nrelation: \"<=\"\nbound: \"9*L/8\"\n"
                + "family: {type: linear-regression, dim: [1, 3], tasks: [1, 2], samples: {train:"
                + " [2, 8], validation: [2, 8]}, noise: 0.1, data: sampled}\n"
                + "params: {alpha: [0, \"1/(2*L)\"], N: 1}",
            "HOLDS"));
    // Σ = I: M = E[(I − αS)(I − αS)] = (1 − 2α + α²(n_t + d + 1)/n_t) I (Wishart second moment)
    terms.add(
        term(
            "n_t",
            "family symbol",
            "n_t: scalar (linear-regression)",
            "train samples per task of the instance",
            "measure: \"eigmax(meta_hessian(maml))\"\nrelation: \"<=\"\n"
                + "bound: \"(1 - alpha)^2 + alpha^2*(d + 1)/n_t\"\n"
                + "family: {type: linear-regression, dim: [1, 3], tasks: 1, samples: {train: [1,"
                + " 10], validation: 3}, data: expected}\nparams: {alpha: [0, 1], N: 1}",
            "HOLDS"));
    terms.add(
        term(
            "n_v",
            "family symbol",
            "n_v: scalar (linear-regression)",
            "validation samples per task of the instance",
            "measure: \"eigmin(meta_hessian(maml))\"\nrelation: \">=\"\nbound: \"0\"\n"
                + "family: {type: linear-regression, dim: [1, 3], tasks: [1, 2], samples: {train:"
                + " [1, 6], validation: [1, 6]}, data: sampled}\n"
                + "params: {alpha: [0, \"1/(n_v*L)\"], N: 1}",
            "HOLDS"));
    // the expected loss after adaptation is at least the irreducible noise σ²/2
    terms.add(
        term(
            "noise",
            "family symbol",
            "noise: scalar (linear-regression)",
            "the label noise σ of the family",
            "measure: \"adapted_test_loss(maml, origin)\"\nrelation: \">=\"\n"
                + "bound: \"noise^2/2\"\n"
                + "family: {type: linear-regression, dim: [1, 3], tasks: 1, samples: {train: [1,"
                + " 10], validation: 1}, noise: 0.5, data: expected}\nparams: {alpha: [-1, 1], N: 1}",
            "HOLDS"));
    terms.add(
        term(
            "quantifier",
            "claim field",
            "quantifier: forall | exists",
            "forall (default): every instance satisfies the relation; exists: some instance does —"
                + " WITNESSED with the witness file, or NOT_FOUND with the search statistics",
            "quantifier: exists\nmeasure: \"eigmax(meta_hessian(imaml))\"\nrelation: \">=\"\n"
                + "bound: \"1.01*lambda/4\"\n"
                + "family: {type: quadratic, dim: [1, 2], tasks: 1, spectrum: [0.1, 10], outer:"
                + " separate}\nparams: {lambda: [0.1, 10]}",
            "WITNESSED"));
    terms.add(
        term(
            "point",
            "claim field",
            "point: {radius: R}",
            "the point variable w: the claim speaks of every (or some) w in [−R, R]^d, searched by"
                + " the falsifier like any other dimension",
            "measure: \"norm(meta_gradient(maml, w) - meta_hessian(maml)*(w - stationary_point(maml)))\"\n"
                + "relation: \"<=\"\nbound: \"1e-9*L\"\n"
                + "family: {type: quadratic, dim: [1, 3], tasks: [1, 2], spectrum: [0.1, 10]}\n"
                + "params: {alpha: [0, \"0.5/L\"], N: [1, 3]}\npoint: {radius: 1}",
            "HOLDS"));
    return terms;
  }

  private static Term term(
      String name, String kind, String signature, String meaning, String example, String verdict) {
    return new Term(name, kind, signature, meaning, "", example, verdict);
  }

  private static String parameters(VocabularyEntry e) {
    if (e.parameters().isEmpty()) {
      return "";
    }
    return e.parameters().stream()
        .map(p -> e.defaults().containsKey(p) ? p + " (default " + number(e.defaults().get(p)) + ")" : p)
        .collect(Collectors.joining(", "));
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** An example as the fields of one claim (YAML, one field per line). */
  private static String yaml(VocabularyEntry.Example x) {
    StringBuilder s = new StringBuilder();
    s.append("measure: \"").append(x.measure()).append("\"\n");
    s.append("relation: \"").append(x.relation()).append("\"\n");
    s.append("bound: \"").append(x.bound()).append("\"\n");
    s.append("family: ").append(x.family()).append('\n');
    s.append("params: ").append(x.params());
    if (x.pointRadius() > 0) {
      s.append("\npoint: {radius: ").append(number(x.pointRadius())).append('}');
    }
    return s.toString();
  }

  /** A claims file with every example, ids {@code example-<name>} (what the test runs). */
  public static String examplesFile() {
    StringBuilder s = new StringBuilder("claims:\n");
    for (Term t : terms()) {
      s.append("  - id: example-").append(t.name().replaceAll("[^A-Za-z0-9._-]", "_")).append('\n');
      for (String line : t.example().split("\n")) {
        s.append("    ").append(line).append('\n');
      }
    }
    return s.toString();
  }

  /** The table for a terminal. */
  public static String text() {
    StringBuilder s = new StringBuilder();
    String kind = "";
    for (Term t : terms()) {
      if (!t.kind().equals(kind)) {
        kind = t.kind();
        s.append('\n').append(kind.toUpperCase(Locale.ROOT)).append('\n');
      }
      s.append("  ").append(t.signature()).append('\n');
      s.append("      ").append(t.meaning()).append('\n');
      if (!t.parameters().isEmpty()) {
        s.append("      reads: ").append(t.parameters()).append('\n');
      }
      s.append("      example (").append(t.verdict()).append("):\n");
      for (String line : t.example().split("\n")) {
        s.append("        ").append(line).append('\n');
      }
    }
    return s.toString();
  }

  /** The table as JSON: one object per term. */
  public static String json() {
    ArrayNode rows = JsonMapper.builder().build().createArrayNode();
    for (Term t : terms()) {
      ObjectNode o = rows.addObject();
      o.put("name", t.name());
      o.put("kind", t.kind());
      o.put("signature", t.signature());
      o.put("meaning", t.meaning());
      o.put("parameters", t.parameters());
      o.put("example", t.example());
      o.put("verdict", t.verdict());
    }
    return rows.toPrettyString();
  }

  /** The README's table: name, signature, meaning (one row per term). */
  public static String markdown() {
    StringBuilder s = new StringBuilder("| name | kind | signature | meaning |\n|---|---|---|---|\n");
    for (Term t : terms()) {
      s.append("| `").append(t.name()).append("` | ").append(t.kind()).append(" | `")
          .append(t.signature().replace("|", "\\|")).append("` | ")
          .append((t.meaning() + (t.parameters().isEmpty() ? "" : "; reads " + t.parameters()))
              .replace("|", "\\|"))
          .append(" |\n");
    }
    return s.toString();
  }
}
