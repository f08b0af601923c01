package io.metabound.reports.claims;

import io.metabound.bounds.expr.Bindings;
import io.metabound.bounds.expr.EvaluationException;
import io.metabound.bounds.expr.Expression;
import io.metabound.bounds.expr.ExpressionParseException;
import io.metabound.bounds.registry.Assumption;
import io.metabound.bounds.registry.Bound;
import io.metabound.bounds.registry.BoundRegistry;
import io.metabound.bounds.registry.Quantity;
import io.metabound.bounds.symbol.Domain;
import io.metabound.bounds.symbol.Symbol;
import io.metabound.bounds.symbol.SymbolCatalogue;
import io.metabound.experiments.check.Comparison;
import io.metabound.experiments.check.ParameterRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads claims from YAML ({@code claims: [...]}, the format documented in the README) and validates
 * every field, so that a claim that parses can be checked: the measured side is a known quantity
 * with its estimator or a measure expression over the vocabulary, the relation is {@code <=} or
 * {@code >=}, the bound parses (or names a registry bound), every symbol it uses is a constant of
 * the family or a declared parameter, every range end parses and only uses constants and earlier
 * parameters, and integer parameters ({@code N}, batch sizes) get whole numbers.
 *
 * <p>One bad claim costs one claim: the problems of a claim are collected, all of them at once, into
 * a {@link ClaimError} (an ERROR verdict), and the file's other claims are still checked. Only a
 * problem with the file as a whole (not YAML, no {@code claims:} list) is a {@link
 * ClaimsFileException}.
 */
public final class ClaimsParser {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  private static final Set<String> CLAIM_FIELDS =
      Set.of(
          "id",
          "statement",
          "quantity",
          "estimator",
          "measure",
          "quantifier",
          "relation",
          "bound",
          "family",
          "params",
          "point");

  /** The family types a claims file may name. */
  static final Set<String> FAMILY_TYPES =
      new java.util.TreeSet<>(Set.of(QuadraticClaimFamily.TYPE, RegressionClaimFamily.TYPE));

  private static final Set<String> REGRESSION_FIELDS =
      Set.of("type", "dim", "tasks", "samples", "noise", "prior", "centre", "covariance", "data");

  private static final Set<String> FAMILY_FIELDS =
      Set.of("type", "dim", "tasks", "spectrum", "centre", "rotations", "outer");

  private ClaimsParser() {}

  /**
   * Parses a claims file by its kind: a LaTeX draft ({@code .tex}, claims in {@code %! metabound}
   * blocks, see {@link DraftClaims}) or YAML ({@code .yaml}, {@code .yml}).
   *
   * @param text the file's content
   * @param file the file name (its extension decides the kind; also used in messages)
   * @throws ClaimsFileException when the file as a whole cannot be read as claims
   */
  public static List<ClaimEntry> parse(String text, String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".tex")) {
      return DraftClaims.parse(text, file);
    }
    if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) {
      throw new ClaimsFileException(
          file, "", "", "expected a claims file ending in .yaml or .yml, or a LaTeX draft (.tex)");
    }
    return parseYaml(text, file);
  }

  /**
   * Parses a YAML claims file.
   *
   * @param text the file's content
   * @param file the file name for messages
   */
  public static List<ClaimEntry> parseYaml(String text, String file) {
    JsonNode root = YamlClaimsReader.read(text, file, 1);
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ClaimsFileException(file, "", "claims", "the file is empty; expected 'claims:'");
    }
    Map<String, Integer> lines = YamlClaimsReader.lines(text);
    if (!root.isObject() || !root.has("claims")) {
      throw new ClaimsFileException(
          file, 1, "", "claims", "expected a mapping with a 'claims:' list at the top");
    }
    for (String key : fieldNames(root)) {
      if (!key.equals("claims")) {
        throw new ClaimsFileException(
            file, lines.getOrDefault("/" + key, 0), "", key,
            "unknown top-level field (expected 'claims')");
      }
    }
    JsonNode list = root.get("claims");
    if (!list.isArray() || list.isEmpty()) {
      throw new ClaimsFileException(
          file, lines.getOrDefault("/claims", 0), "", "claims",
          "expected a non-empty list of claims, got " + kind(list));
    }
    List<ClaimEntry> claims = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int position = 0;
    for (JsonNode node : list) {
      String pointer = "/claims/" + position;
      position++;
      int line = lines.getOrDefault(pointer, 0);
      ClaimEntry entry = parseClaim(node, file, "#" + position, null, null, line);
      claims.add(unique(located(entry, pointer, lines, 0, null), ids));
    }
    return claims;
  }

  /**
   * A claim error whose problems each start with the line of the field they name ({@code line 7:
   * field 'family.dim': ...}), found in the index of the claim's YAML; a claim that parsed is
   * returned as it is.
   *
   * @param entry the parsed claim
   * @param pointer the claim's JSON pointer in the YAML ({@code /claims/2}, or empty for a block)
   * @param lines the YAML's line index ({@link YamlClaimsReader#lines})
   * @param offset what to add to the YAML's lines to get the file's (a LaTeX block's first line - 1)
   * @param file the file to name before the line ({@code sub/b.tex:7: }, for a claim of an
   *     included LaTeX file), or null for {@code line 7: }
   */
  static ClaimEntry located(
      ClaimEntry entry, String pointer, Map<String, Integer> lines, int offset, String file) {
    if (!(entry instanceof ClaimError error)) {
      return entry;
    }
    List<String> problems = new ArrayList<>();
    for (String problem : error.problems()) {
      int line = fieldLine(problem, pointer, lines);
      if (line <= 0 || problem.matches("(line \\d+|\\S+:\\d+): .*")) {
        problems.add(problem);
      } else {
        problems.add((file == null ? "line " : file + ":") + (line + offset) + ": " + problem);
      }
    }
    return new ClaimError(error.id(), error.label(), error.line(), problems);
  }

  /** The line of the field a problem names, else of the claim; 0 when unknown. */
  private static int fieldLine(String problem, String pointer, Map<String, Integer> lines) {
    java.util.regex.Matcher m = FIELD_PROBLEM.matcher(problem);
    if (m.lookingAt()) {
      String path = pointer;
      int best = lines.getOrDefault(pointer, 0);
      for (String part : m.group(1).replace("[", ".").replace("]", "").split("\\.")) {
        path = path + "/" + part;
        Integer at = lines.get(path);
        if (at == null) {
          break;
        }
        best = at;
      }
      return best;
    }
    return lines.getOrDefault(pointer, 0);
  }

  private static final Pattern FIELD_PROBLEM = Pattern.compile("field '([^']*)': ");

  /** The entry, or an error when its id was used by an earlier claim. */
  static ClaimEntry unique(ClaimEntry entry, Set<String> ids) {
    if (ids.add(entry.id())) {
      return entry;
    }
    return new ClaimError(
        entry.id(), entry.label(), entry.line(), List.of("field 'id': the id is used twice"));
  }

  /**
   * Parses one claim given as a YAML mapping; every problem found is collected.
   *
   * @param node the mapping
   * @param file the file name for messages
   * @param position the claim's position ({@code #3}) for messages before its id is known
   * @param defaultId the id to use when the claim has none (a LaTeX label), or null
   * @param label the nearest LaTeX label, or null
   * @param line the claim's 1-based line, or 0
   * @return the claim, or a {@link ClaimError} with all its problems
   */
  static ClaimEntry parseClaim(
      JsonNode node, String file, String position, String defaultId, String label, int line) {
    if (node == null || !node.isObject()) {
      return new ClaimError(
          position, label, line, List.of("expected a mapping of claim fields"));
    }
    Problems problems = new Problems();
    String id = defaultId;
    if (node.has("id")) {
      id = problems.get(() -> text(node.get("id"), file, position, "id"));
    }
    if (id == null) {
      problems.add("id", "missing (every claim needs an id)");
      id = position;
    } else if (!ID.matcher(id).matches()) {
      problems.add("id", "'" + id + "' must be letters, digits and . _ : - only");
      id = position;
    }
    String claimId = id;
    for (String key : fieldNames(node)) {
      if (!CLAIM_FIELDS.contains(key)) {
        problems.add(key, "unknown field (expected one of " + new TreeSet<>(CLAIM_FIELDS) + ")");
      }
    }
    String statement =
        node.has("statement")
            ? problems.get(() -> text(node.get("statement"), file, claimId, "statement"))
            : "";
    Claim.Quantifier quantifier =
        node.has("quantifier")
            ? problems.get(() -> quantifier(node.get("quantifier"), file, claimId))
            : Claim.Quantifier.FOR_ALL;
    Comparison comparison =
        problems.get(() -> relation(required(node, "relation", file, claimId), file, claimId));
    ClaimFamily family =
        problems.get(() -> family(required(node, "family", file, claimId), file, claimId));
    Claim.PointSpec point =
        node.has("point") ? problems.get(() -> point(node.get("point"), file, claimId)) : null;
    List<ParameterRange> parameters = new ArrayList<>();
    Set<String> parameterNames = new LinkedHashSet<>();
    Set<String> rangeSymbols = new TreeSet<>();
    JsonNode params = node.get("params");
    if (params != null && !params.isNull()) {
      if (!params.isObject()) {
        problems.add("params", "expected a mapping name: value or range");
      } else {
        Set<String> rangeConstants =
            family == null ? Set.of() : family.rangeConstants();
        Set<String> constants = family == null ? Set.of() : family.constants();
        for (String name : fieldNames(params)) {
          ParameterRange range =
              problems.get(
                  () ->
                      parameter(
                          name, params.get(name), parameterNames, constants, rangeConstants, file,
                          claimId, rangeSymbols));
          if (range != null) {
            parameters.add(range);
          }
          // a parameter with a bad range is still declared: later ranges and the bound may use it
          parameterNames.add(name);
        }
      }
    }
    Measured measured = problems.get(() -> measured(node, file, claimId));
    String boundText =
        problems.get(() -> boundText(required(node, "bound", file, claimId), file, claimId));
    Expression bound = null;
    Bound registry = null;
    List<Assumption> assumptions = List.of();
    if (boundText != null) {
      registry = BoundRegistry.find(boundText).orElse(null);
      if (registry != null) {
        bound = registry.formula();
        assumptions = registry.assumptions();
      } else {
        try {
          bound = Expression.parse(boundText);
        } catch (ExpressionParseException e) {
          String hint =
              boundText.matches("[a-z]+[0-9]{4}\\..*") ? " (and no registry bound has that id)" : "";
          problems.add("bound", e.getMessage() + " in '" + boundText + "'" + hint);
        }
      }
    }
    if (bound != null && family != null) {
      Set<String> known = new TreeSet<>(family.constants());
      known.addAll(parameterNames);
      Set<String> used = new TreeSet<>(bound.symbols());
      for (Assumption a : assumptions) {
        used.addAll(a.symbols());
      }
      for (String symbol : used) {
        if (!known.contains(symbol)) {
          problems.add(
              "bound",
              "unknown symbol '"
                  + symbol
                  + "': the "
                  + family.type()
                  + " family provides "
                  + String.join(", ", new TreeSet<>(family.constants()))
                  + (parameterNames.isEmpty()
                      ? ""
                      : " and params define " + String.join(", ", parameterNames))
                  + " (set it under params)");
        }
      }
    }
    if (measured instanceof Measured.Measure m && family != null) {
      for (String problem :
          MeasureClaims.problems(m.expression(), parameterNames, family, point != null)) {
        problems.add("measure", problem);
      }
    }
    if (!problems.isEmpty()) {
      return new ClaimError(claimId, label, line, problems.list());
    }
    return new Claim(
        claimId,
        statement,
        quantifier,
        measured,
        comparison,
        bound,
        boundText,
        registry == null ? null : registry.id(),
        assumptions,
        family,
        parameters,
        rangeSymbols,
        point,
        label,
        line);
  }

  /** The measured side: {@code quantity} with {@code estimator}, or {@code measure}. */
  private static Measured measured(JsonNode node, String file, String id) {
    boolean hasQuantity = node.has("quantity");
    boolean hasMeasure = node.has("measure");
    if (hasQuantity == hasMeasure) {
      throw new ClaimsFileException(
          file,
          id,
          hasQuantity ? "measure" : "quantity",
          hasQuantity
              ? "give either 'quantity' (with 'estimator') or 'measure', not both"
              : "missing: give 'measure' (an expression such as \"eigmin(meta_hessian(maml))\")"
                  + " or 'quantity' with 'estimator'");
    }
    if (hasMeasure) {
      if (node.has("estimator")) {
        throw new ClaimsFileException(
            file,
            id,
            "estimator",
            "a measure names its estimators inside the expression (e.g. meta_hessian(fomaml));"
                + " remove 'estimator'");
      }
      String text = text(node.get("measure"), file, id, "measure").trim();
      if (text.isEmpty()) {
        throw new ClaimsFileException(file, id, "measure", "empty: expected an expression");
      }
      return new Measured.Measure(text);
    }
    String quantity = text(node.get("quantity"), file, id, "quantity");
    if (Quantity.byId(quantity).isEmpty()) {
      throw new ClaimsFileException(
          file, id, "quantity", "unknown quantity '" + quantity + "'" + knownQuantities());
    }
    String estimator =
        text(required(node, "estimator", file, id), file, id, "estimator").toLowerCase(Locale.ROOT);
    return new Measured.Quantity(quantity, estimator);
  }

  private static Claim.Quantifier quantifier(JsonNode node, String file, String id) {
    String q = text(node, file, id, "quantifier").trim().toLowerCase(Locale.ROOT);
    return switch (q) {
      case "forall", "for all", "all", "universal" -> Claim.Quantifier.FOR_ALL;
      case "exists", "some", "existential" -> Claim.Quantifier.EXISTS;
      default -> throw new ClaimsFileException(
          file, id, "quantifier", "'" + q + "': expected forall (the default) or exists");
    };
  }

  private static Claim.PointSpec point(JsonNode node, String file, String id) {
    if (!node.isObject()) {
      throw new ClaimsFileException(file, id, "point", "expected {radius: R}");
    }
    for (String key : fieldNames(node)) {
      if (!key.equals("radius")) {
        throw new ClaimsFileException(
            file, id, "point." + key, "unknown field (expected radius)");
      }
    }
    double r = number(required(node, "radius", file, id, "point.radius"), file, id, "point.radius");
    if (!(r > 0) || Double.isInfinite(r)) {
      throw new ClaimsFileException(
          file, id, "point.radius", "must be a finite radius > 0, got " + r);
    }
    return new Claim.PointSpec(r);
  }

  /** Problems of one claim, collected so that all of them are reported at once. */
  private static final class Problems {
    private final List<String> list = new ArrayList<>();

    /** The value, or null when it threw a claims-file problem (which is recorded). */
    <T> T get(java.util.function.Supplier<T> value) {
      try {
        return value.get();
      } catch (ClaimsFileException e) {
        list.add(e.fieldProblem());
        return null;
      }
    }

    void add(String field, String problem) {
      list.add(field.isEmpty() ? problem : "field '" + field + "': " + problem);
    }

    boolean isEmpty() {
      return list.isEmpty();
    }

    List<String> list() {
      return list;
    }
  }

  private static Comparison relation(JsonNode node, String file, String id) {
    String r = text(node, file, id, "relation").trim();
    return switch (r) {
      case "<=", "≤" -> Comparison.AT_MOST;
      case ">=", "≥" -> Comparison.AT_LEAST;
      default -> throw new ClaimsFileException(
          file, id, "relation", "'" + r + "': expected \"<=\" (at most the bound) or \">=\" (at least)");
    };
  }

  private static String boundText(JsonNode node, String file, String id) {
    if (node.isNumber()) {
      return node.asString();
    }
    String text = text(node, file, id, "bound").trim();
    if (text.isEmpty()) {
      throw new ClaimsFileException(file, id, "bound", "empty: expected an expression or a registry id");
    }
    return text;
  }

  private static ClaimFamily family(JsonNode node, String file, String id) {
    if (!node.isObject()) {
      throw new ClaimsFileException(
          file, id, "family", "expected a mapping {type: quadratic, dim: ..., ...}");
    }
    String type = text(required(node, "type", file, id, "family.type"), file, id, "family.type");
    if (!FAMILY_TYPES.contains(type)) {
      throw new ClaimsFileException(
          file, id, "family.type", "unsupported family '" + type + "' (supported: " + FAMILY_TYPES + ")");
    }
    Set<String> fields = type.equals(RegressionClaimFamily.TYPE) ? REGRESSION_FIELDS : FAMILY_FIELDS;
    for (String key : fieldNames(node)) {
      if (!fields.contains(key)) {
        throw new ClaimsFileException(
            file, id, "family." + key,
            "unknown field of a " + type + " family (expected one of " + new TreeSet<>(fields) + ")");
      }
    }
    if (type.equals(RegressionClaimFamily.TYPE)) {
      return regression(node, file, id);
    }
    int[] dim = integerRange(node.get("dim"), file, id, "family.dim", 1, 2);
    int[] tasks = integerRange(node.get("tasks"), file, id, "family.tasks", 1, 2);
    ClaimSizes.requireShape(dim[1], tasks[1], 0, file, id);
    double[] spectrum = numberRange(required(node, "spectrum", file, id, "family.spectrum"), file, id, "family.spectrum");
    double centre = 1;
    if (node.has("centre")) {
      centre = number(node.get("centre"), file, id, "family.centre");
      if (!(centre >= 0) || Double.isInfinite(centre)) {
        throw new ClaimsFileException(file, id, "family.centre", "must be a finite radius >= 0, got " + centre);
      }
    }
    boolean rotations = true;
    if (node.has("rotations")) {
      JsonNode r = node.get("rotations");
      if (!r.isBoolean()) {
        throw new ClaimsFileException(file, id, "family.rotations", "expected true or false");
      }
      rotations = r.booleanValue();
    }
    boolean separate = false;
    if (node.has("outer")) {
      String outer = text(node.get("outer"), file, id, "family.outer");
      if (!outer.equals("same") && !outer.equals("separate")) {
        throw new ClaimsFileException(
            file, id, "family.outer", "'" + outer + "': expected same (resampling case) or separate (finite-sum case)");
      }
      separate = outer.equals("separate");
    }
    if (spectrum[0] == 0 && spectrum[1] == 0) {
      throw new ClaimsFileException(
          file, id, "family.spectrum", "[0, 0] gives only zero Hessians: no task has curvature");
    }
    return new QuadraticClaimFamily(
        dim[0], dim[1], tasks[0], tasks[1], spectrum[0], spectrum[1], centre, rotations, separate);
  }

  /** {@code type: linear-regression}: see {@link RegressionClaimFamily}. */
  private static RegressionClaimFamily regression(JsonNode node, String file, String id) {
    int[] dim = integerRange(node.get("dim"), file, id, "family.dim", 1, 2);
    int[] tasks = integerRange(node.get("tasks"), file, id, "family.tasks", 1, 2);
    ClaimSizes.requireShape(dim[1], tasks[1], 0, file, id);
    JsonNode samples = required(node, "samples", file, id, "family.samples");
    if (!samples.isObject()) {
      throw new ClaimsFileException(
          file, id, "family.samples", "expected {train: n or [lo, hi], validation: n or [lo, hi]}");
    }
    for (String key : fieldNames(samples)) {
      if (!key.equals("train") && !key.equals("validation")) {
        throw new ClaimsFileException(
            file, id, "family.samples." + key, "unknown field (expected train, validation)");
      }
    }
    int[] train =
        integerRange(
            required(samples, "train", file, id, "family.samples.train"),
            file, id, "family.samples.train", 1, 1);
    int[] validation =
        integerRange(
            required(samples, "validation", file, id, "family.samples.validation"),
            file, id, "family.samples.validation", 1, 1);
    ClaimSizes.requireShape(dim[1], tasks[1], Math.max(train[1], validation[1]), file, id);
    double noise = nonNegative(node, "noise", 0, file, id);
    double prior = nonNegative(node, "prior", 1, file, id);
    double centre = nonNegative(node, "centre", 0, file, id);
    double[] covariance = {1, 1};
    if (node.has("covariance")) {
      covariance = numberRange(node.get("covariance"), file, id, "family.covariance");
      if (!(covariance[0] > 0)) {
        throw new ClaimsFileException(
            file, id, "family.covariance", "input variances must be > 0, got " + covariance[0]);
      }
    }
    String data = text(required(node, "data", file, id, "family.data"), file, id, "family.data");
    io.metabound.experiments.family.regression.DataReading reading;
    try {
      reading = io.metabound.experiments.family.regression.DataReading.parse(data);
    } catch (IllegalArgumentException e) {
      throw new ClaimsFileException(file, id, "family.data", e.getMessage());
    }
    return new RegressionClaimFamily(
        reading, dim[0], dim[1], tasks[0], tasks[1], train[0], train[1], validation[0],
        validation[1], noise, prior, centre, covariance[0], covariance[1]);
  }

  private static double nonNegative(
      JsonNode node, String name, double fallback, String file, String id) {
    if (!node.has(name)) {
      return fallback;
    }
    double v = number(node.get(name), file, id, "family." + name);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new ClaimsFileException(
          file, id, "family." + name, "must be a finite number >= 0, got " + v);
    }
    return v;
  }

  private static ParameterRange parameter(
      String name,
      JsonNode node,
      Set<String> earlier,
      Set<String> constants,
      Set<String> rangeConstants,
      String file,
      String id,
      Set<String> rangeSymbols) {
    String field = "params." + name;
    if (constants.contains(name)) {
      throw new ClaimsFileException(
          file, id, field, "'" + name + "' is a constant of the family, not a parameter");
    }
    Domain domain = SymbolCatalogue.lookup(name).map(Symbol::domain).orElse(Domain.REAL);
    boolean integer =
        domain == Domain.POSITIVE_INTEGER || domain == Domain.NONNEGATIVE_INTEGER;
    Set<String> allowed = new TreeSet<>(rangeConstants);
    allowed.addAll(earlier);
    if (node.isArray()) {
      if (node.size() != 2) {
        throw new ClaimsFileException(file, id, field, "a range is [low, high], got " + node.size() + " items");
      }
      Expression lo = end(node.get(0), allowed, file, id, field + "[0]");
      Expression hi = end(node.get(1), allowed, file, id, field + "[1]");
      rangeSymbols.addAll(lo.symbols());
      rangeSymbols.addAll(hi.symbols());
      checkConstantOrder(lo, hi, file, id, field);
      checkWhole(lo, integer, file, id, field + "[0]");
      checkWhole(hi, integer, file, id, field + "[1]");
      return range(name, lo, hi, integer, domain);
    }
    if (node.isObject()) {
      throw new ClaimsFileException(file, id, field, "expected a number, an expression or [low, high]");
    }
    Expression value = end(node, allowed, file, id, field);
    rangeSymbols.addAll(value.symbols());
    checkWhole(value, integer, file, id, field);
    return range(name, value, value, integer, domain);
  }

  /** A constant end of an integer parameter's range must be a whole number in its domain. */
  private static void checkWhole(
      Expression end, boolean integer, String file, String id, String field) {
    if (!integer || !end.symbols().isEmpty()) {
      return;
    }
    double v = end.evaluate(Bindings.empty());
    if (v != Math.rint(v) || v < 0) {
      throw new ClaimsFileException(file, id, field, "expected a whole number, got " + v);
    }
    ClaimSizes.requireCount(v, file, id, field);
  }

  private static ParameterRange range(
      String name, Expression lo, Expression hi, boolean integer, Domain domain) {
    String description =
        lo.equals(hi) ? "{" + lo.toPlain() + "}" : "[" + lo.toPlain() + ", " + hi.toPlain() + "]";
    // an end that cannot be evaluated on a degenerate instance (1/L at L = 0) collapses the range
    // onto the other end; the bound, which uses the same constants, then puts it out of scope
    return new ParameterRange(
        name,
        c -> {
          double a = evaluateOrNaN(lo, c);
          return Double.isNaN(a) ? orZero(evaluateOrNaN(hi, c)) : a;
        },
        c -> {
          double b = evaluateOrNaN(hi, c);
          if (!Double.isNaN(b)) {
            return b;
          }
          double a = evaluateOrNaN(lo, c);
          return orZero(a);
        },
        integer,
        false,
        description);
  }

  private static double evaluateOrNaN(Expression e, Map<String, Double> constants) {
    try {
      return e.evaluate(Bindings.of(constants));
    } catch (EvaluationException ex) {
      return Double.NaN;
    }
  }

  private static double orZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  /** Two constant ends must be ordered, and whole for integer parameters. */
  private static void checkConstantOrder(
      Expression lo, Expression hi, String file, String id, String field) {
    if (lo.symbols().isEmpty() && hi.symbols().isEmpty()) {
      double a = lo.evaluate(Bindings.empty());
      double b = hi.evaluate(Bindings.empty());
      if (!(a <= b)) {
        throw new ClaimsFileException(file, id, field, "empty range: low " + a + " > high " + b);
      }
    }
  }

  private static Expression end(
      JsonNode node, Set<String> allowed, String file, String id, String field) {
    Expression e;
    if (node.isNumber()) {
      double v = node.doubleValue();
      if (!Double.isFinite(v)) {
        throw new ClaimsFileException(file, id, field, "not a finite number");
      }
      e = Expression.parse(Double.toString(v));
    } else if (node.isString()) {
      try {
        e = Expression.parse(node.asString());
      } catch (ExpressionParseException ex) {
        throw new ClaimsFileException(file, id, field, ex.getMessage() + " in '" + node.asString() + "'");
      }
    } else {
      throw new ClaimsFileException(file, id, field, "expected a number or an expression, got " + kind(node));
    }
    for (String symbol : e.symbols()) {
      if (!allowed.contains(symbol)) {
        throw new ClaimsFileException(
            file, id, field,
            "unknown symbol '" + symbol + "' (a range may use " + String.join(", ", allowed) + ")");
      }
    }
    if (e.symbols().isEmpty()) {
      try {
        double v = e.evaluate(Bindings.empty());
        if (!Double.isFinite(v)) {
          throw new ClaimsFileException(file, id, field, "evaluates to " + v);
        }
      } catch (EvaluationException ex) {
        throw new ClaimsFileException(file, id, field, ex.getMessage());
      }
    }
    return e;
  }

  private static int[] integerRange(JsonNode node, String file, String id, String field, int min, int deflt) {
    if (node == null || node.isNull()) {
      return new int[] {1, deflt};
    }
    int[] out = new int[2];
    if (node.isArray()) {
      if (node.size() != 2) {
        throw new ClaimsFileException(file, id, field, "a range is [low, high], got " + node.size() + " items");
      }
      out[0] = integer(node.get(0), file, id, field + "[0]");
      out[1] = integer(node.get(1), file, id, field + "[1]");
    } else {
      out[0] = integer(node, file, id, field);
      out[1] = out[0];
    }
    if (out[0] < min || out[1] < out[0]) {
      throw new ClaimsFileException(
          file, id, field, "needs " + min + " <= low <= high, got [" + out[0] + ", " + out[1] + "]");
    }
    return out;
  }

  private static double[] numberRange(JsonNode node, String file, String id, String field) {
    if (!node.isArray() || node.size() != 2) {
      throw new ClaimsFileException(file, id, field, "expected [low, high]");
    }
    double lo = number(node.get(0), file, id, field + "[0]");
    double hi = number(node.get(1), file, id, field + "[1]");
    if (!(lo <= hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
      throw new ClaimsFileException(file, id, field, "needs finite low <= high, got [" + lo + ", " + hi + "]");
    }
    return new double[] {lo, hi};
  }

  private static int integer(JsonNode node, String file, String id, String field) {
    if (node != null && node.isIntegralNumber() && !node.canConvertToInt()) {
      throw new ClaimsFileException(
          file, id, field,
          ClaimSizes.tooLarge(node.doubleValue(), Integer.MAX_VALUE, "a whole number this large"
              + " cannot be a size"));
    }
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new ClaimsFileException(file, id, field, "expected a whole number, got " + kind(node));
    }
    return node.intValue();
  }

  private static double number(JsonNode node, String file, String id, String field) {
    if (node != null && node.isNumber()) {
      return node.doubleValue();
    }
    if (node != null && node.isString()) {
      // YAML 1.1 reads 1e-3 as a string: accept plain numbers written that way
      try {
        Expression e = Expression.parse(node.asString());
        if (e.symbols().isEmpty()) {
          return e.evaluate(Bindings.empty());
        }
      } catch (ExpressionParseException | EvaluationException ignored) {
        // reported below
      }
    }
    throw new ClaimsFileException(file, id, field, "expected a number, got " + kind(node));
  }

  private static String text(JsonNode node, String file, String id, String field) {
    if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
      throw new ClaimsFileException(file, id, field, "expected text, got " + kind(node));
    }
    return node.asString();
  }

  private static JsonNode required(JsonNode node, String name, String file, String id) {
    return required(node, name, file, id, name);
  }

  private static JsonNode required(JsonNode node, String name, String file, String id, String field) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new ClaimsFileException(file, id, field, "missing");
    }
    return v;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
      names.add(it.next().getKey());
    }
    return names;
  }

  private static String kind(JsonNode node) {
    if (node == null || node.isNull()) {
      return "nothing";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    return "'" + node.asString() + "'";
  }

  private static String knownQuantities() {
    List<String> ids = new ArrayList<>();
    for (Quantity q : Quantity.values()) {
      ids.add(q.id());
    }
    return " (known: " + String.join(", ", ids) + ")";
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
