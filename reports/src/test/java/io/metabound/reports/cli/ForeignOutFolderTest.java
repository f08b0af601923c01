package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: {@code --out .} in a paper's folder must not delete {@code paper.tex}. Every command
 * with a folder {@code --out} refuses a non-empty folder without MetaBound's marker: exit 2, one
 * line, and the user's files as they were (no staging folder beside them either).
 */
class ForeignOutFolderTest {

  @TempDir Path dir;

  /** A paper's folder: what the user keeps there. */
  private Path paperFolder() throws IOException {
    Path paper = Files.createDirectories(dir.resolve("paper"));
    Files.writeString(paper.resolve("paper.tex"), "\\documentclass{article}\n");
    Files.writeString(paper.resolve("notes.txt"), "check Lemma 4.8 again\n");
    Files.createDirectories(paper.resolve("figures"));
    Files.writeString(paper.resolve("figures/plot.pdf"), "%PDF-1.4\n");
    return paper;
  }

  /** The arguments of each command writing into {@code out}; inputs are written into {@link #dir}. */
  private String[] arguments(String command, Path out) throws IOException {
    List<String> a = new ArrayList<>();
    switch (command) {
      case "report" -> a.addAll(List.of("report", "--quick"));
      case "reproduce" -> a.addAll(List.of("reproduce", "ji-alpha-over-n", "--quick"));
      case "heatmap" -> {
        Path tasks = Files.writeString(dir.resolve("one.json"), "{\"tasks\":[{\"H\":[[4]],\"c\":[1]}]}");
        a.addAll(List.of("heatmap", "--tasks", tasks.toString(), "--estimator", "fomaml",
            "--alpha", "0:0.3:3", "--beta", "0:4:4", "--iters", "50"));
      }
      case "check" -> a.addAll(List.of("check", "--bound", "ji2022.prop1.meta-smoothness"));
      case "findings" -> a.add("findings");
      case "claims" -> {
        Path claims =
            Files.writeString(
                dir.resolve("claims.yaml"),
                """
                claims:
                  - id: four-l
                    statement: "one-step MAML is 4L-smooth for alpha <= 1/L"
                    quantity: meta-smoothness
                    estimator: maml
                    relation: "<="
                    bound: "4*L"
                    family: {type: quadratic, dim: [1, 2], tasks: [1, 2], spectrum: [-1, 1]}
                    params: {N: 1, alpha: [0, "1/L"]}
                """);
        a.addAll(List.of("claims", claims.toString()));
      }
      case "notebook" -> {
        Path notebooks = Files.createDirectories(dir.resolve("notebooks-in"));
        Files.writeString(notebooks.resolve("01-tiny.jsh"), "// %% Sum\nSystem.out.println(2 + 3);\n");
        a.addAll(List.of("notebook", "--all", "--dir", notebooks.toString()));
      }
      default -> throw new IllegalArgumentException(command);
    }
    a.addAll(List.of("--out", out.toString()));
    return a.toArray(String[]::new);
  }

  @ParameterizedTest
  @ValueSource(strings = {"report", "reproduce", "heatmap", "check", "findings", "claims", "notebook"})
  void aNonEmptyFolderMetaBoundDidNotWriteIsRefusedAndKeptAsItWas(String command) throws IOException {
    Path paper = paperFolder();
    Map<String, String> before = contents(paper);
    CliRun run = CliRun.of(arguments(command, paper));
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(
        run.err().contains("--out: " + paper + " is not empty and was not written by metabound;"
            + " choose an empty or new folder"),
        run.err());
    assertEquals(before, contents(paper), "the user's files are untouched");
    try (Stream<Path> beside = Files.list(dir)) {
      assertTrue(
          beside.noneMatch(p -> p.getFileName().toString().startsWith(".paper.")),
          "no staging folder is created beside a refused folder");
    }
  }

  @Test
  void anEmptyFolderIsWrittenWithTheMarkerAndAMarkedFolderIsReplaced() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    CliRun first = CliRun.of(arguments("findings", out));
    assertEquals(MetaBoundCommand.OK, first.code(), first.toString());
    assertTrue(Files.readString(out.resolve(OutputFolder.MARKER)).contains("command: findings"));
    Files.writeString(out.resolve("findings.json"), "edited");
    CliRun second = CliRun.of(arguments("findings", out));
    assertEquals(MetaBoundCommand.OK, second.code(), second.toString());
    assertTrue(Files.readString(out.resolve("findings.json")).startsWith("["), "MetaBound's own file is replaced");
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.toList()) {
        all.put(folder.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
      }
    }
    return all;
  }
}
