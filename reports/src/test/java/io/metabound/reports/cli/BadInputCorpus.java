package io.metabound.reports.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The bad-input corpus kept in {@code src/test/resources/bad-input/}: the cases of
 * {@code cases.tsv}, the ids of {@code pending.txt} (cases known to fail until a fix lands), and
 * how one case is run — its files copied into a fresh workspace, its placeholders expanded, the
 * command run in-process, and every rule checked.
 *
 * <p>Placeholders: {@code {case}} the case's file {@code files/<id>.*} or folder
 * {@code files/<id>/} (a copy); {@code {valid}} a copy of {@code valid/} (well-formed inputs);
 * {@code {shards}} a copy of the shard CSVs and sidecars made by {@link ShardSets}; {@code {out}}
 * a fresh output path that does not exist; {@code {tmp}} the (existing) workspace folder;
 * {@code {missing}} a file that does not exist. A case that reads {@code /dev/...} or whose id says
 * {@code huge} runs in a child JVM ({@link ForkedRun}).
 */
final class BadInputCorpus {

  /** The corpus folder on the test class path. */
  static final String ROOT = "/bad-input/";

  private BadInputCorpus() {}

  /** Every case of {@code cases.tsv}, in file order. */
  static List<BadInputCase> cases() {
    List<BadInputCase> cases = new ArrayList<>();
    List<String> lines = lines("cases.tsv");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
        continue;
      }
      cases.add(BadInputCase.parse(line, i + 1));
    }
    return cases;
  }

  /** The pending ids with their reasons, from {@code pending.txt} ({@code id reason...}). */
  static Map<String, String> pending() {
    Map<String, String> pending = new LinkedHashMap<>();
    for (String line : lines("pending.txt")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.strip().split("\\s+", 2);
      pending.put(parts[0], parts.length > 1 ? parts[1] : "");
    }
    return pending;
  }

  /** Looks one case up by id. */
  static BadInputCase byId(String id) {
    return cases().stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("pending.txt: no case '" + id + "' in cases.tsv"));
  }

  /**
   * Runs one case in a fresh folder under {@code scratch} and returns every rule it breaks
   * (empty: the case passes), each followed by the run for the failure message.
   */
  static List<String> run(BadInputCase c, Path scratch, Path shards) throws IOException {
    Path workspace = Files.createTempDirectory(scratch, c.id() + "-");
    List<String> args = new ArrayList<>();
    for (String arg : c.args()) {
      args.add(expand(arg, c, workspace, shards));
    }
    FolderSnapshot before = FolderSnapshot.of(workspace);
    Set<String> cwdBefore = listing(Path.of("").toAbsolutePath());
    CliRun run = mayExhaustMemory(c, args) ? ForkedRun.of(args) : CliRun.of(args.toArray(String[]::new));
    List<String> problems = new ArrayList<>(OutputContract.violations(run, c.errorShape()));
    if (!c.exits().contains(run.code())) {
      problems.add("exit " + run.code() + ", expected " + c.exits());
    }
    String searched = run.code() == MetaBoundCommand.BAD_INPUT && c.errorShape() == OutputContract.ErrorShape.ONE_LINE
        ? run.err() : run.out() + run.err();
    for (String fragment : c.fragments()) {
      String expanded = expand(fragment, c, workspace, shards);
      if (!searched.contains(expanded)) {
        problems.add("message lacks '" + expanded + "'");
      }
    }
    for (String text : c.absent()) {
      if (run.out().contains(text) || run.err().contains(text)) {
        problems.add("output shows '" + text + "'");
      }
    }
    problems.addAll(before.leftovers(FolderSnapshot.of(workspace), c.allowedOutputs()));
    Set<String> cwdAfter = listing(Path.of("").toAbsolutePath());
    cwdAfter.removeAll(cwdBefore);
    if (!cwdAfter.isEmpty()) {
      problems.add("left behind in the working directory: " + cwdAfter);
    }
    if (!problems.isEmpty()) {
      problems.add("command: metabound " + String.join(" ", args) + "\n" + abbreviated(run.toString()));
    }
    return problems;
  }

  /**
   * An endless stream ({@code /dev/zero}) or a huge size (a case whose id says {@code huge}) runs
   * in a child JVM with a small heap, so an allocation that is not checked first cannot take the
   * test JVM down with it.
   */
  static boolean mayExhaustMemory(BadInputCase c, List<String> args) {
    return c.id().contains("huge") || args.stream().anyMatch(a -> a.startsWith("/dev/"));
  }

  /** At most 3000 characters of a run's output, for failure messages. */
  static String abbreviated(String text) {
    return text.length() <= 3000 ? text : text.substring(0, 3000) + "… (" + text.length() + " characters)";
  }

  /** Expands the placeholders of one argument, copying what they name into the workspace. */
  private static String expand(String arg, BadInputCase c, Path workspace, Path shards) throws IOException {
    String out = arg;
    if (out.contains("{case}")) {
      out = out.replace("{case}", copyCaseFiles(c.id(), workspace).toString());
    }
    if (out.contains("{valid}")) {
      Path valid = workspace.resolve("valid");
      if (!Files.exists(valid)) {
        copyTree(resource("valid"), valid);
      }
      out = out.replace("{valid}", valid.toString());
    }
    if (out.contains("{shards}")) {
      Path copy = workspace.resolve("shards");
      if (!Files.exists(copy)) {
        copyTree(shards, copy);
      }
      out = out.replace("{shards}", copy.toString());
    }
    return out.replace("{out}", workspace.resolve("out").toString())
        .replace("{tmp}", workspace.toString())
        .replace("{missing}", workspace.resolve("missing.json").toString());
  }

  private static Path copyCaseFiles(String id, Path workspace) throws IOException {
    Path files = resource("files");
    Path folder = files.resolve(id);
    if (Files.isDirectory(folder)) {
      Path target = workspace.resolve(id);
      if (!Files.exists(target)) {
        copyTree(folder, target);
      }
      return target;
    }
    List<Path> matches;
    try (Stream<Path> list = Files.list(files)) {
      matches = list.filter(p -> {
        String name = p.getFileName().toString();
        return name.startsWith(id + ".") && name.indexOf('.', id.length() + 1) < 0;
      }).toList();
    }
    if (matches.size() != 1) {
      throw new IllegalStateException("case " + id + ": expected one file files/" + id + ".* or a folder, found " + matches);
    }
    Path target = workspace.resolve(matches.get(0).getFileName().toString());
    if (!Files.exists(target)) {
      Files.copy(matches.get(0), target);
    }
    return target;
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** A folder or file of the corpus on the test class path. */
  static Path resource(String name) {
    try {
      return Path.of(BadInputCorpus.class.getResource(ROOT + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("bad-input/" + name + " is not on the test class path", e);
    }
  }

  private static List<String> lines(String name) {
    try (InputStream in = BadInputCorpus.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("bad-input/" + name + " is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> listing(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
