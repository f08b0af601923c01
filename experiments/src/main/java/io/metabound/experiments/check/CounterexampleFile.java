package io.metabound.experiments.check;

import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.io.BoundedText;
import io.metabound.experiments.io.JsonSyntax;
import io.metabound.experiments.io.Sha256;
import io.metabound.experiments.io.SizeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A replayable counterexample: the task file of the instance plus its parameters, seed, the bound
 * id and the settings of the measurement, and the recorded outcome for comparison.
 *
 * <pre>{@code
 * {
 *   "bound": "test.planted", "quantity": "meta-smoothness", "family": "quadratic", "seed": 42,
 *   "params": {"N": 1, "alpha": 0.5},
 *   "tasks": [{"H": [[-2.0]], "c": [0.0]}],
 *   "settings": {"confidenceLevel": 0.99, "samples": 2000, "relativeTolerance": 1e-9,
 *                "familyWiseLevel": 0.01},
 *   "recorded": {"verdict": "VIOLATED", "empirical": 8.0, "lower": 8.0, "upper": 8.0,
 *                "theoretical": 2.0, "ratio": 4.0},
 *   "shrinkSteps": ["dropped task 1", …],
 *   "sha256": "…"
 * }
 * }</pre>
 */
public final class CounterexampleFile {

  /** Strict reader and writer: duplicate keys and trailing content are errors. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private CounterexampleFile() {}

  /**
   * A counterexample read back.
   *
   * @param boundId the bound it breaks
   * @param instance the instance, with its seed
   * @param settings settings to re-run it with (samples, level, tolerance from the file)
   * @param quantityId the quantity the bound is about, as recorded (a replay checks it is the
   *     bound's)
   * @param recordedVerdict the verdict recorded when it was written
   * @param recordedRatio the ratio recorded when it was written
   * @param verified true when the file carried a checksum and its content matched it; false when
   *     it had none (a hand-written or deliberately edited file)
   */
  public record Counterexample(
      String boundId,
      String quantityId,
      Instance instance,
      CheckSettings settings,
      Verdict recordedVerdict,
      double recordedRatio,
      boolean verified) {}

  /**
   * Field holding the SHA-256 of the file's canonical content without this field ({@link
   * #checksum}): a replay refuses a file edited after it was written.
   */
  public static final String CHECKSUM = "sha256";

  /** {@code counterexample-<bound id with unsafe characters replaced>.json}. */
  public static String fileName(String boundId) {
    return "counterexample-" + boundId.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
  }

  /**
   * {@code counterexample-<id>-worst.json}: the worst instance a search found, before shrinking
   * (the size of the violation), beside the shrunk one of {@link #fileName}.
   */
  public static String worstFileName(String boundId) {
    String shrunk = fileName(boundId);
    return shrunk.substring(0, shrunk.length() - ".json".length()) + "-worst.json";
  }

  /** The file's JSON text for a result (its instance must be quadratic). */
  public static String toJson(CheckResult result, CheckSettings settings) {
    if (result.instance() == null) {
      throw new IllegalArgumentException("result of " + result.boundId() + " has no instance");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("bound", result.boundId());
    root.put("quantity", result.quantityId());
    InstanceJson.write(result.instance(), root);
    ObjectNode s = root.putObject("settings");
    s.put("confidenceLevel", settings.confidenceLevel());
    s.put("samples", settings.confirmationSamples());
    s.put("relativeTolerance", settings.relativeTolerance());
    s.put("familyWiseLevel", settings.familyWiseLevel());
    ObjectNode recorded = root.putObject("recorded");
    recorded.put("verdict", result.verdict().name());
    recorded.set("empirical", InstanceJson.number(result.empirical()));
    recorded.set("lower", InstanceJson.number(result.lower()));
    recorded.set("upper", InstanceJson.number(result.upper()));
    recorded.set("theoretical", InstanceJson.number(result.theoretical()));
    recorded.set("ratio", InstanceJson.number(result.ratio()));
    recorded.put("precision", result.precision().name().toLowerCase(java.util.Locale.ROOT));
    ArrayNode steps = root.putArray("shrinkSteps");
    result.shrinkSteps().forEach(steps::add);
    root.put(CHECKSUM, checksum(root));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** Writes the file atomically. */
  public static void write(Path file, CheckResult result, CheckSettings settings)
      throws IOException {
    AtomicFiles.writeString(file, toJson(result, settings));
  }

  /**
   * Reads and validates a counterexample file like any input: when it carries a {@value
   * #CHECKSUM} field the content must match it; every field the writer writes must be present
   * and of the right type (the recorded verdict included, since a replay compares with it), the
   * settings in range and consistent, parameters finite, and no unknown field.
   *
   * @throws CheckInputException naming the file, the field and the problem
   */
  public static Counterexample read(Path file) {
    JsonNode root;
    try {
      // bounded: a counterexample holds its tasks, so it gets the task file's size limit
      root = JSON.readTree(BoundedText.read(file, SizeLimits.MAX_TASK_FILE_BYTES, "counterexample file", null));
    } catch (IOException e) {
      throw new CheckInputException(file, "", "cannot read: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw new CheckInputException(file, "", JsonSyntax.describe(e), e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckInputException(file, "", "expected a JSON object");
    }
    boolean verified = verifyChecksum((ObjectNode) root, file);
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!FIELDS.contains(e.getKey())) {
        throw new CheckInputException(file, e.getKey(), "unknown field (expected " + FIELDS + ")");
      }
    }
    String boundId = text(root, "bound", file, "the bound id");
    InstanceJson.readTasks(required(root, "tasks", file), file);
    JsonNode params = required(root, "params", file);
    if (!params.isObject()) {
      throw new CheckInputException(file, "params", "expected an object of numbers");
    }
    for (Map.Entry<String, JsonNode> e : params.properties()) {
      finite(e.getValue(), file, "params." + e.getKey());
    }
    JsonNode seed = required(root, "seed", file);
    if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
      throw new CheckInputException(file, "seed", "expected an integer, got " + seed);
    }
    text(root, "family", file, "the instance family's name");
    String quantityId = text(root, "quantity", file, "the quantity id");
    Instance instance = InstanceJson.read(root, file);
    CheckSettings settings = settings(required(root, "settings", file), file, instance.seed());
    JsonNode recorded = required(root, "recorded", file);
    if (!recorded.isObject()) {
      throw new CheckInputException(file, "recorded", "expected an object");
    }
    String verdictName = text(recorded, "verdict", file, "recorded.verdict", "the recorded verdict");
    Verdict verdict;
    try {
      verdict = Verdict.valueOf(verdictName);
    } catch (IllegalArgumentException e) {
      throw new CheckInputException(file, "recorded.verdict", "unknown verdict " + verdictName
          + " (expected one of " + java.util.Arrays.toString(Verdict.values()) + ")");
    }
    for (String name : List.of("empirical", "lower", "upper", "theoretical", "ratio")) {
      // the writer spells a non-finite outcome "NaN"/"Infinity" (JSON has no such numbers)
      InstanceJson.number(required(recorded, name, file, "recorded." + name), file, "recorded." + name);
    }
    double ratio = InstanceJson.number(recorded.get("ratio"), file, "recorded.ratio");
    String precision = text(recorded, "precision", file, "recorded.precision", "the precision");
    boolean knownPrecision = false;
    for (Confirmation.Precision p : Confirmation.Precision.values()) {
      knownPrecision |= p.name().toLowerCase(Locale.ROOT).equals(precision);
    }
    if (!knownPrecision) {
      throw new CheckInputException(file, "recorded.precision", "unknown precision '" + precision
          + "'");
    }
    JsonNode steps = required(root, "shrinkSteps", file);
    if (!steps.isArray()) {
      throw new CheckInputException(file, "shrinkSteps", "expected a list of strings");
    }
    for (int i = 0; i < steps.size(); i++) {
      if (!steps.get(i).isString()) {
        throw new CheckInputException(file, "shrinkSteps[" + i + "]", "expected a string, got "
            + steps.get(i));
      }
    }
    return new Counterexample(boundId, quantityId, instance, settings, verdict, ratio, verified);
  }

  /** The top-level fields the writer writes; any other is an error. */
  private static final List<String> FIELDS =
      List.of("bound", "quantity", "family", "seed", "params", "tasks", "settings", "recorded",
          "shrinkSteps", CHECKSUM);

  /**
   * Checks the {@value #CHECKSUM} field against the content without it.
   *
   * @return true when the file has a checksum (and it matched), false when it has none
   */
  private static boolean verifyChecksum(ObjectNode root, Path file) {
    JsonNode stored = root.get(CHECKSUM);
    if (stored == null) {
      return false;
    }
    if (!stored.isString() || !Sha256.isDigest(stored.asString())) {
      throw new CheckInputException(file, CHECKSUM, "expected a SHA-256 (64 hex digits), got "
          + stored);
    }
    ObjectNode content = root.deepCopy();
    content.remove(CHECKSUM);
    if (!checksum(content).equalsIgnoreCase(stored.asString())) {
      throw new CheckInputException(file + " was edited after it was written (checksum mismatch);"
          + " delete the " + CHECKSUM + " field to replay an edited file on purpose",
          file, CHECKSUM, null);
    }
    return true;
  }

  /**
   * SHA-256 of the canonical text of {@code content}: keys sorted at every level, no whitespace,
   * scalars as Jackson writes them, so that re-indenting or reordering a file keeps its checksum
   * while any change of a value does not.
   */
  static String checksum(JsonNode content) {
    StringBuilder out = new StringBuilder(1024);
    canonical(content, out);
    return Sha256.of(out.toString());
  }

  private static void canonical(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        out.append(first ? "" : ",").append(JSON.writeValueAsString(e.getKey())).append(':');
        canonical(e.getValue(), out);
        first = false;
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        canonical(node.get(i), out);
      }
      out.append(']');
    } else {
      out.append(JSON.writeValueAsString(node));
    }
  }

  /** The settings: all four fields, in range, the confidence level 1 − the family-wise level. */
  private static CheckSettings settings(JsonNode s, Path file, long seed) {
    if (!s.isObject()) {
      throw new CheckInputException(file, "settings", "expected an object");
    }
    CheckSettings settings = CheckSettings.defaults(seed);
    double a = finite(required(s, "familyWiseLevel", file, "settings.familyWiseLevel"), file,
        "settings.familyWiseLevel");
    if (!(a > 0 && a < 1)) {
      throw new CheckInputException(file, "settings.familyWiseLevel", "must be in (0, 1), got " + a);
    }
    settings = settings.withFamilyWiseLevel(a);
    double confidence = finite(required(s, "confidenceLevel", file, "settings.confidenceLevel"),
        file, "settings.confidenceLevel");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new CheckInputException(file, "settings.confidenceLevel", "must be in [0, 1], got "
          + confidence);
    }
    if (Math.abs(confidence - settings.confidenceLevel()) > 1e-12) {
      throw new CheckInputException(file, "settings.confidenceLevel", "must be 1 - "
          + "settings.familyWiseLevel = " + settings.confidenceLevel() + ", got " + confidence);
    }
    JsonNode n = required(s, "samples", file, "settings.samples");
    if (!n.isIntegralNumber() || n.longValue() < 2 || n.longValue() > Integer.MAX_VALUE) {
      throw new CheckInputException(file, "settings.samples", "expected an integer >= 2, got " + n);
    }
    settings = settings.withSamples(settings.searchSamples(), (int) n.longValue());
    double t = finite(required(s, "relativeTolerance", file, "settings.relativeTolerance"), file,
        "settings.relativeTolerance");
    if (!(t >= 0)) {
      throw new CheckInputException(file, "settings.relativeTolerance", "must be >= 0, got " + t);
    }
    return settings.withRelativeTolerance(t);
  }

  private static JsonNode required(JsonNode object, String name, Path file) {
    return required(object, name, file, name);
  }

  private static JsonNode required(JsonNode object, String name, Path file, String field) {
    JsonNode n = object.get(name);
    if (n == null || n.isNull()) {
      throw new CheckInputException(file, field, "missing");
    }
    return n;
  }

  private static String text(JsonNode object, String name, Path file, String what) {
    return text(object, name, file, name, what);
  }

  private static String text(JsonNode object, String name, Path file, String field, String what) {
    JsonNode n = object.get(name);
    if (n == null || !n.isString() || n.asString().isBlank()) {
      throw new CheckInputException(file, field, "expected " + what + " as a string"
          + (n == null ? " (missing)" : ", got " + n));
    }
    return n.asString();
  }

  /** A finite JSON number. */
  private static double finite(JsonNode n, Path file, String field) {
    if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
      throw new CheckInputException(file, field, "expected a finite number, got " + n);
    }
    return n.doubleValue();
  }
}
