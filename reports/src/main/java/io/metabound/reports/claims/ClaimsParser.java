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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads claims from YAML ({@code claims: [...]}, the format documented in the README) and validates
 * every field, so that a claim that parses can be checked: the quantity exists, the relation is
 * {@code <=} or {@code >=}, the bound parses (or names a registry bound), every symbol it uses is a
 * constant of the family or a declared parameter, every range end parses and only uses constants
 * and earlier parameters, and integer parameters ({@code N}, batch sizes) get whole numbers.
 *
 * <p>Every problem is a {@link ClaimsFileException} naming the file, the claim and the field.
 */
public final class ClaimsParser {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

  private static final Set<String> CLAIM_FIELDS =
      Set.of(
          "id", "statement", "quantity", "estimator", "relation", "bound", "family", "params");

  private static final Set<String> FAMILY_FIELDS =
      Set.of("type", "dim", "tasks", "spectrum", "centre", "rotations", "outer");

  /** Constants a parameter range may use (kappa is not: it is undefined off strong convexity). */
  private static final Set<String> RANGE_CONSTANTS = Set.of("L", "mu", "rho", "d", "m");

  private ClaimsParser() {}

  /**
   * Parses a claims file by its kind: a LaTeX draft ({@code .tex}, claims in {@code %! metabound}
   * blocks, see {@link DraftClaims}) or YAML (anything else).
   *
   * @param text the file's content
   * @param file the file name (its extension decides the kind; also used in messages)
   */
  public static List<Claim> parse(String text, String file) {
    return file.toLowerCase(Locale.ROOT).endsWith(".tex")
        ? DraftClaims.parse(text, file)
        : parseYaml(text, file);
  }

  /**
   * Parses a YAML claims file.
   *
   * @param text the file's content
   * @param file the file name for messages
   */
  public static List<Claim> parseYaml(String text, String file) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JacksonException e) {
      throw new ClaimsFileException(file, "", "", "not valid YAML: " + oneLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ClaimsFileException(file, "", "claims", "the file is empty; expected 'claims:'");
    }
    if (!root.isObject() || !root.has("claims")) {
      throw new ClaimsFileException(
          file, "", "claims", "expected a mapping with a 'claims:' list at the top");
    }
    for (String key : fieldNames(root)) {
      if (!key.equals("claims")) {
        throw new ClaimsFileException(file, "", key, "unknown top-level field (expected 'claims')");
      }
    }
    JsonNode list = root.get("claims");
    if (!list.isArray() || list.isEmpty()) {
      throw new ClaimsFileException(file, "", "claims", "expected a non-empty list of claims");
    }
    List<Claim> claims = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    int position = 0;
    for (JsonNode node : list) {
      position++;
      Claim claim = parseClaim(node, file, "#" + position, null, null, 0);
      if (!ids.add(claim.id())) {
        throw new ClaimsFileException(file, claim.id(), "id", "the id is used twice");
      }
      claims.add(claim);
    }
    return claims;
  }

  /**
   * Parses one claim given as a YAML mapping.
   *
   * @param node the mapping
   * @param file the file name for messages
   * @param position the claim's position ({@code #3}) for messages before its id is known
   * @param defaultId the id to use when the claim has none (a LaTeX label), or null
   * @param label the nearest LaTeX label, or null
   * @param line the claim's 1-based line, or 0
   */
  static Claim parseClaim(
      JsonNode node, String file, String position, String defaultId, String label, int line) {
    if (node == null || !node.isObject()) {
      throw new ClaimsFileException(file, position, "", "expected a mapping of claim fields");
    }
    String id = defaultId;
    if (node.has("id")) {
      id = text(node.get("id"), file, position, "id");
    }
    if (id == null) {
      throw new ClaimsFileException(file, position, "id", "missing (every claim needs an id)");
    }
    if (!ID.matcher(id).matches()) {
      throw new ClaimsFileException(
          file, position, "id", "'" + id + "' must be letters, digits and . _ : - only");
    }
    for (String key : fieldNames(node)) {
      if (!CLAIM_FIELDS.contains(key)) {
        throw new ClaimsFileException(
            file, id, key, "unknown field (expected one of " + new TreeSet<>(CLAIM_FIELDS) + ")");
      }
    }
    String statement = node.has("statement") ? text(node.get("statement"), file, id, "statement") : "";
    String quantity = text(required(node, "quantity", file, id), file, id, "quantity");
    if (Quantity.byId(quantity).isEmpty()) {
      throw new ClaimsFileException(
          file, id, "quantity", "unknown quantity '" + quantity + "'" + knownQuantities());
    }
    String estimator =
        text(required(node, "estimator", file, id), file, id, "estimator")
            .toLowerCase(Locale.ROOT);
    Comparison comparison = relation(required(node, "relation", file, id), file, id);
    ClaimFamily family = family(required(node, "family", file, id), file, id);
    List<ParameterRange> parameters = new ArrayList<>();
    Set<String> parameterNames = new LinkedHashSet<>();
    JsonNode params = node.get("params");
    if (params != null && !params.isNull()) {
      if (!params.isObject()) {
        throw new ClaimsFileException(file, id, "params", "expected a mapping name: value or range");
      }
      for (String name : fieldNames(params)) {
        parameters.add(parameter(name, params.get(name), parameterNames, family, file, id));
        parameterNames.add(name);
      }
    }
    String boundText = boundText(required(node, "bound", file, id), file, id);
    Bound registry = BoundRegistry.find(boundText).orElse(null);
    Expression bound;
    List<Assumption> assumptions = List.of();
    if (registry != null) {
      bound = registry.formula();
      assumptions = registry.assumptions();
    } else {
      try {
        bound = Expression.parse(boundText);
      } catch (ExpressionParseException e) {
        String hint = boundText.matches("[a-z]+[0-9]{4}\\..*") ? " (and no registry bound has that id)" : "";
        throw new ClaimsFileException(file, id, "bound", e.getMessage() + " in '" + boundText + "'" + hint);
      }
    }
    Set<String> known = new TreeSet<>(ClaimFamily.CONSTANTS);
    known.addAll(parameterNames);
    Set<String> used = new TreeSet<>(bound.symbols());
    for (Assumption a : assumptions) {
      used.addAll(a.symbols());
    }
    for (String symbol : used) {
      if (!known.contains(symbol)) {
        throw new ClaimsFileException(
            file,
            id,
            "bound",
            "unknown symbol '"
                + symbol
                + "': the "
                + family.type()
                + " family provides "
                + String.join(", ", new TreeSet<>(ClaimFamily.CONSTANTS))
                + (parameterNames.isEmpty() ? "" : " and params define " + String.join(", ", parameterNames))
                + " (set it under params)");
      }
    }
    return new Claim(
        id, statement, quantity, estimator, comparison, bound, boundText,
        registry == null ? null : registry.id(), assumptions, family, parameters, label, line);
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
      throw new ClaimsFileException(file, id, "family", "expected a mapping {type: quadratic, dim: ..., ...}");
    }
    for (String key : fieldNames(node)) {
      if (!FAMILY_FIELDS.contains(key)) {
        throw new ClaimsFileException(
            file, id, "family." + key, "unknown field (expected one of " + new TreeSet<>(FAMILY_FIELDS) + ")");
      }
    }
    String type = text(required(node, "type", file, id, "family.type"), file, id, "family.type");
    if (!ClaimFamily.TYPES.contains(type)) {
      throw new ClaimsFileException(
          file, id, "family.type", "unsupported family '" + type + "' (supported: " + ClaimFamily.TYPES + ")");
    }
    int[] dim = integerRange(node.get("dim"), file, id, "family.dim", 1, 2);
    int[] tasks = integerRange(node.get("tasks"), file, id, "family.tasks", 1, 2);
    if (dim[1] > 20 || tasks[1] > 20) {
      throw new ClaimsFileException(
          file, id, dim[1] > 20 ? "family.dim" : "family.tasks",
          "at most 20 (the falsifier searches every shape; larger shapes add nothing it can find)");
    }
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
    return new ClaimFamily(type, dim[0], dim[1], tasks[0], tasks[1], spectrum[0], spectrum[1], centre, rotations, separate);
  }

  private static ParameterRange parameter(
      String name, JsonNode node, Set<String> earlier, ClaimFamily family, String file, String id) {
    String field = "params." + name;
    if (ClaimFamily.CONSTANTS.contains(name)) {
      throw new ClaimsFileException(
          file, id, field, "'" + name + "' is a constant of the family, not a parameter");
    }
    Domain domain = SymbolCatalogue.lookup(name).map(Symbol::domain).orElse(Domain.REAL);
    boolean integer =
        domain == Domain.POSITIVE_INTEGER || domain == Domain.NONNEGATIVE_INTEGER;
    Set<String> allowed = new TreeSet<>(RANGE_CONSTANTS);
    allowed.addAll(earlier);
    if (node.isArray()) {
      if (node.size() != 2) {
        throw new ClaimsFileException(file, id, field, "a range is [low, high], got " + node.size() + " items");
      }
      Expression lo = end(node.get(0), allowed, file, id, field + "[0]");
      Expression hi = end(node.get(1), allowed, file, id, field + "[1]");
      checkConstantOrder(lo, hi, file, id, field);
      checkWhole(lo, integer, file, id, field + "[0]");
      checkWhole(hi, integer, file, id, field + "[1]");
      return range(name, lo, hi, integer, domain);
    }
    if (node.isObject()) {
      throw new ClaimsFileException(file, id, field, "expected a number, an expression or [low, high]");
    }
    Expression value = end(node, allowed, file, id, field);
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
