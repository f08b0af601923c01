package io.metabound.experiments.check;

import io.metabound.experiments.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *   "shrinkSteps": ["dropped task 1", …]
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
   * @param recordedVerdict the verdict recorded when it was written
   * @param recordedRatio the ratio recorded when it was written
   */
  public record Counterexample(
      String boundId,
      Instance instance,
      CheckSettings settings,
      Verdict recordedVerdict,
      double recordedRatio) {}

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
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  /** Writes the file atomically. */
  public static void write(Path file, CheckResult result, CheckSettings settings)
      throws IOException {
    AtomicFiles.writeString(file, toJson(result, settings));
  }

  /** Reads and validates a counterexample file. */
  public static Counterexample read(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new CheckInputException(file, "", "cannot read: " + e.getMessage(), e);
    } catch (JacksonException e) {
      throw new CheckInputException(file, "", "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CheckInputException(file, "", "expected a JSON object");
    }
    JsonNode bound = root.get("bound");
    if (bound == null || !bound.isString() || bound.asString().isBlank()) {
      throw new CheckInputException(file, "bound", "expected the bound id as a string");
    }
    Instance instance = InstanceJson.read(root, file);
    CheckSettings settings = CheckSettings.defaults(instance.seed());
    JsonNode s = root.get("settings");
    if (s != null && !s.isNull()) {
      if (!s.isObject()) {
        throw new CheckInputException(file, "settings", "expected an object");
      }
      if (s.has("familyWiseLevel")) {
        double a = InstanceJson.number(s.get("familyWiseLevel"), file, "settings.familyWiseLevel");
        if (!(a > 0 && a < 1)) {
          throw new CheckInputException(
              file, "settings.familyWiseLevel", "must be in (0, 1), got " + a);
        }
        settings = settings.withFamilyWiseLevel(a);
      }
      if (s.has("samples")) {
        JsonNode n = s.get("samples");
        if (!n.isIntegralNumber() || n.longValue() < 2 || n.longValue() > Integer.MAX_VALUE) {
          throw new CheckInputException(
              file, "settings.samples", "expected an integer >= 2, got " + n);
        }
        settings = settings.withSamples(settings.searchSamples(), (int) n.longValue());
      }
      if (s.has("relativeTolerance")) {
        double t =
            InstanceJson.number(s.get("relativeTolerance"), file, "settings.relativeTolerance");
        if (!(t >= 0)) {
          throw new CheckInputException(
              file, "settings.relativeTolerance", "must be >= 0, got " + t);
        }
        settings = settings.withRelativeTolerance(t);
      }
    }
    Verdict verdict = null;
    double ratio = Double.NaN;
    JsonNode recorded = root.get("recorded");
    if (recorded != null && recorded.isObject()) {
      JsonNode v = recorded.get("verdict");
      if (v != null && v.isString()) {
        try {
          verdict = Verdict.valueOf(v.asString());
        } catch (IllegalArgumentException e) {
          throw new CheckInputException(
              file, "recorded.verdict", "unknown verdict " + v.asString());
        }
      }
      if (recorded.has("ratio")) {
        ratio = InstanceJson.number(recorded.get("ratio"), file, "recorded.ratio");
      }
    }
    return new Counterexample(bound.asString(), instance, settings, verdict, ratio);
  }
}
