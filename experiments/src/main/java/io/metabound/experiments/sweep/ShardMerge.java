package io.metabound.experiments.sweep;

import io.metabound.experiments.io.AtomicFiles;
import io.metabound.experiments.io.JsonSyntax;
import io.metabound.experiments.io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code metabound merge}: joins the CSVs of {@code heatmap --shard i/n} into the full map only
 * when they are provably the shards {@code 1/n … n/n} of one sweep. Every shard CSV needs its
 * sidecar ({@link SweepSidecar#of}); the sidecars must carry equal {@link SweepIdentity}s, the
 * shard indices must be exactly {@code 1 … n}, each sidecar's cells must be those of its shard,
 * and each CSV must be the bytes its sidecar describes (SHA-256) holding exactly the cells it
 * declares. Anything else is a {@link SweepInputException} naming the shard file and the field,
 * and nothing is written.
 *
 * <p>On success the merged CSV ({@link SweepCsv#merge}, byte-identical to an unsharded run) and
 * its sidecar (the shards' description as shard {@code 1/1}, with the summed counts, the merged
 * CSV's digest and the shards it came from) are written.
 */
public final class ShardMerge {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private ShardMerge() {}

  /**
   * What was merged.
   *
   * @param csv the merged CSV's summary
   * @param sidecar the merged map's sidecar
   * @param shardCount n
   */
  public record Summary(SweepCsv.MergeSummary csv, Path sidecar, int shardCount) {}

  /** One shard as its sidecar describes it. */
  private record ShardFile(
      Path csv,
      Path sidecar,
      ObjectNode root,
      SweepIdentity identity,
      int index,
      int count,
      long firstCell,
      long endCell,
      long cells,
      String csvSha256) {

    String spec() {
      return index + "/" + count;
    }
  }

  /**
   * Checks the shards and merges them into {@code target} and its sidecar.
   *
   * @throws SweepInputException naming the shard file, the field and the problem
   */
  public static Summary merge(List<Path> csvs, Path target) throws IOException {
    if (csvs.isEmpty()) {
      throw new SweepInputException("merge: no shard CSV files given");
    }
    Path targetSidecar = SweepSidecar.of(target);
    checkTarget(target, targetSidecar, csvs);
    List<ShardFile> shards = new ArrayList<>();
    for (Path csv : csvs) {
      shards.add(read(csv));
    }
    ShardFile first = shards.get(0);
    Map<Integer, ShardFile> byIndex = new TreeMap<>();
    for (ShardFile shard : shards) {
      shard.identity().differenceFrom(first.identity()).ifPresent(d -> {
        throw new SweepInputException(shard.csv() + ": " + d.describe(first.csv().toString())
            + "; these shards are not of one sweep");
      });
      if (shard.count() != first.count() || shard.cells() != first.cells()) {
        throw new SweepInputException(shard.csv() + ": shard: " + shard.spec() + " of "
            + shard.cells() + " cells, but " + first.csv() + " is shard " + first.spec() + " of "
            + first.cells() + " cells; these shards are not of one sweep");
      }
      ShardFile earlier = byIndex.putIfAbsent(shard.index(), shard);
      if (earlier != null) {
        throw new SweepInputException(shard.csv() + ": shard " + shard.spec()
            + " given twice (also " + earlier.csv() + ")");
      }
    }
    for (int i = 1; i <= first.count(); i++) {
      if (!byIndex.containsKey(i)) {
        throw new SweepInputException("merge: shard " + i + "/" + first.count() + " is missing"
            + " (given: " + byIndex.values().stream().map(ShardFile::spec)
                .collect(Collectors.joining(", ")) + ")");
      }
    }
    for (ShardFile shard : byIndex.values()) {
      checkCsv(shard);
    }
    List<ShardFile> ordered = new ArrayList<>(byIndex.values());
    ordered.sort(Comparator.comparingInt(ShardFile::index));
    SweepCsv.MergeSummary summary =
        SweepCsv.merge(ordered.stream().map(ShardFile::csv).toList(), target);
    try {
      AtomicFiles.writeString(targetSidecar, mergedSidecar(ordered, target, summary));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target); // a merged CSV without its sidecar is not a result
      throw e;
    }
    return new Summary(summary, targetSidecar, first.count());
  }

  /** The target's folder must exist, and the target must not be one of the inputs. */
  private static void checkTarget(Path target, Path targetSidecar, List<Path> csvs) {
    Path folder = target.toAbsolutePath().normalize().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new SweepInputException("--out: folder " + folder + " does not exist; create it first");
    }
    if (Files.isDirectory(target)) {
      throw new SweepInputException("--out: " + target + " is a folder; give the merged CSV's file"
          + " name (e.g. " + target.resolve("heatmap.csv") + ")");
    }
    for (Path csv : csvs) {
      for (Path input : List.of(csv, SweepSidecar.of(csv))) {
        Path in = input.toAbsolutePath().normalize();
        if (in.equals(target.toAbsolutePath().normalize())
            || in.equals(targetSidecar.toAbsolutePath().normalize())) {
          throw new SweepInputException("--out: " + target + " would overwrite the input " + input);
        }
      }
    }
  }

  /** Reads and checks one shard's sidecar. */
  private static ShardFile read(Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new SweepInputException(csv + ": no such file");
    }
    Path sidecar = SweepSidecar.of(csv);
    if (!Files.isRegularFile(sidecar)) {
      throw new SweepInputException(csv + ": its sidecar " + sidecar + " is missing; merge needs"
          + " every shard's sidecar to check that the shards are of one sweep");
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(Files.readString(sidecar));
    } catch (JacksonException e) {
      throw new SweepInputException(sidecar + ": " + JsonSyntax.describe(e));
    }
    if (parsed == null || !parsed.isObject()
        || !"metabound-sweep".equals(parsed.path("format").asString(""))) {
      throw new SweepInputException(sidecar + ": format: not a metabound sweep sidecar");
    }
    ObjectNode root = (ObjectNode) parsed;
    JsonNode identityNode = root.get(SweepIdentity.MEMBER);
    if (identityNode == null || !identityNode.isObject()) {
      throw new SweepInputException(sidecar + ": " + SweepIdentity.MEMBER + ": missing (the shard"
          + " was written before sidecars carried the sweep identity); recompute it");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : identityNode.properties()) {
      if (!e.getValue().isString()) {
        throw new SweepInputException(sidecar + ": " + SweepIdentity.MEMBER + "." + e.getKey()
            + ": expected a string, got " + e.getValue());
      }
      fields.put(e.getKey(), e.getValue().asString());
    }
    JsonNode shard = root.get("shard");
    if (shard == null || !shard.isObject()) {
      throw new SweepInputException(sidecar + ": shard: missing");
    }
    describesItsIdentity(root, fields, sidecar);
    int count = (int) integer(shard, "count", sidecar, "shard.count", 1, Integer.MAX_VALUE);
    int index = (int) integer(shard, "index", sidecar, "shard.index", 1, count);
    long cells = integer(root.path("grid"), "cells", sidecar, "grid.cells", 1, Long.MAX_VALUE);
    long firstCell = integer(shard, "firstCell", sidecar, "shard.firstCell", 0, cells);
    long endCell = integer(shard, "endCell", sidecar, "shard.endCell", firstCell, cells);
    Shard expected = new Shard(index, count);
    if (firstCell != expected.firstCell(cells) || endCell != expected.endCell(cells)) {
      throw new SweepInputException(sidecar + ": shard: cells [" + firstCell + ", " + endCell
          + ") are not those of shard " + expected.spec() + " of " + cells + " cells ["
          + expected.firstCell(cells) + ", " + expected.endCell(cells) + ")");
    }
    JsonNode digest = root.get(SweepSidecar.CSV_SHA256);
    if (digest == null || !digest.isString() || !Sha256.isDigest(digest.asString())) {
      throw new SweepInputException(sidecar + ": " + SweepSidecar.CSV_SHA256
          + ": missing or not a SHA-256 (64 hex digits)");
    }
    return new ShardFile(csv, sidecar, root, SweepIdentity.of(fields), index, count, firstCell,
        endCell, cells, digest.asString());
  }

  /**
   * Identity fields and where the sidecar describes the same thing for a reader: an edited
   * description (another seed, a grid with another row count) no longer matches the identity and
   * the shard is refused, so the merged sidecar never describes a sweep the cells are not of.
   */
  private static final Map<String, String> DESCRIBED_AT =
      Map.of(
          "seed", "/seed",
          "estimator", "/estimator",
          "shardCount", "/shard/count",
          "iterations", "/criterion/iterations",
          "innerSteps", "/grid/innerSteps");

  private static void describesItsIdentity(JsonNode root, Map<String, String> identity, Path sidecar) {
    for (Map.Entry<String, String> e : DESCRIBED_AT.entrySet()) {
      JsonNode described = root.at(e.getValue());
      if (identity.containsKey(e.getKey()) && !described.isMissingNode()
          && !described.asString("").equals(identity.get(e.getKey()))) {
        throw new SweepInputException(sidecar + ": " + e.getValue().substring(1).replace('/', '.')
            + ": " + described + " does not match the sweep identity's " + e.getKey() + " "
            + identity.get(e.getKey()) + " (the sidecar was edited)");
      }
    }
    JsonNode grid = root.path("grid");
    long rows = axisCount(grid, "rows", "rowCount", identity, sidecar);
    long columns = axisCount(grid, "columns", "columnCount", identity, sidecar);
    if (rows > 0 && columns > 0 && grid.path("cells").asLong(-1) != rows * columns) {
      throw new SweepInputException(sidecar + ": grid.cells: " + grid.path("cells") + " is not "
          + rows + " x " + columns + " (the sidecar was edited)");
    }
  }

  /**
   * The count of one grid axis, checked three ways: the axis spec {@code LO:HI:COUNT} in the
   * sidecar's grid equals the identity's, and its COUNT equals the grid's {@code countName}.
   * Returns -1 when the sidecar does not describe the axis that way.
   */
  private static long axisCount(
      JsonNode grid, String axisName, String countName, Map<String, String> identity, Path sidecar) {
    String axis = grid.path(axisName).asString("");
    JsonNode spec = grid.get(axis);
    if (axis.isEmpty() || spec == null || !spec.isString() || !identity.containsKey(axis)) {
      return -1;
    }
    if (!spec.asString().equals(identity.get(axis))) {
      throw new SweepInputException(sidecar + ": grid." + axis + ": " + spec.asString()
          + " does not match the sweep identity's " + identity.get(axis) + " (the sidecar was edited)");
    }
    String[] parts = spec.asString().split(":");
    long count;
    try {
      count = Long.parseLong(parts[parts.length - 1].trim());
    } catch (NumberFormatException e) {
      return -1;
    }
    if (grid.path(countName).asLong(-1) != count) {
      throw new SweepInputException(sidecar + ": grid." + countName + ": " + grid.path(countName)
          + " is not the " + count + " points of " + axis + " = " + spec.asString()
          + " (the sidecar was edited)");
    }
    return count;
  }

  /** The CSV must be the bytes its sidecar describes and hold exactly the cells it declares. */
  private static void checkCsv(ShardFile shard) throws IOException {
    if (!Sha256.ofFile(shard.csv()).equalsIgnoreCase(shard.csvSha256())) {
      throw new SweepInputException(shard.csv() + ": edited after its sidecar " + shard.sidecar()
          + " was written (its SHA-256 is not the sidecar's " + SweepSidecar.CSV_SHA256 + ")");
    }
    long declared = shard.endCell() - shard.firstCell();
    long held = SweepCsv.countCells(shard.csv());
    if (held == 0) {
      throw new SweepInputException(shard.csv() + ": header only, no cells; its sidecar declares "
          + declared + " cells [" + shard.firstCell() + ", " + shard.endCell() + ")"
          + (declared == 0 ? " (the sweep has fewer cells than shards: use fewer shards)" : ""));
    }
    if (held != declared) {
      throw new SweepInputException(shard.csv() + ": holds " + held + " cells, its sidecar "
          + shard.sidecar() + " declares " + declared + " (cells [" + shard.firstCell() + ", "
          + shard.endCell() + ") of shard " + shard.spec() + ")");
    }
  }

  private static long integer(
      JsonNode object, String name, Path file, String field, long low, long high) {
    JsonNode n = object.get(name);
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()
        || n.longValue() < low || n.longValue() > high) {
      throw new SweepInputException(file + ": " + field + ": expected an integer in [" + low + ", "
          + high + "], got " + n);
    }
    return n.longValue();
  }

  /**
   * The merged map's sidecar: the first shard's description (grid, criterion, estimator, tasks,
   * identity) as shard 1/1, with the summed counts, the merged CSV's digest and the shards.
   */
  private static String mergedSidecar(
      List<ShardFile> shards, Path target, SweepCsv.MergeSummary summary) throws IOException {
    ObjectNode root = shards.get(0).root().deepCopy();
    root.remove("timing");
    root.remove("files");
    root.put("command", "merge");
    ObjectNode identity = (ObjectNode) root.get(SweepIdentity.MEMBER);
    if (identity.has("shardCount")) {
      identity.put("shardCount", "1"); // the identity of the unsharded run
    }
    ObjectNode shard = root.putObject("shard");
    shard.put("spec", Shard.WHOLE.spec());
    shard.put("index", 1);
    shard.put("count", 1);
    shard.put("firstCell", 0);
    shard.put("endCell", summary.cells());
    shard.put("numbering", shards.get(0).root().path("shard").path("numbering").asString(""));
    long[] counts = new long[3];
    String[] names = {"converged", "undecided", "diverged"};
    for (ShardFile s : shards) {
      for (int k = 0; k < names.length; k++) {
        counts[k] += s.root().path("counts").path(names[k]).asLong(0);
      }
    }
    ObjectNode c = root.putObject("counts");
    for (int k = 0; k < names.length; k++) {
      c.put(names[k], counts[k]);
    }
    root.put(SweepSidecar.CSV_SHA256, Sha256.ofFile(target));
    ArrayNode from = root.putArray("mergedFrom");
    for (ShardFile s : shards) {
      from.addObject().put("shard", s.spec()).put("csv", s.csv().toAbsolutePath().normalize()
          .toString()).put(SweepSidecar.CSV_SHA256, s.csvSha256());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
