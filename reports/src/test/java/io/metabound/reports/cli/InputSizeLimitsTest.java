package io.metabound.reports.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every user-given size is checked against the memory before anything is allocated, and task
 * files are read with a size limit: exit 2 with one line giving the size asked and the limit,
 * never exit 3, an integer overflow in a matrix library or an {@link OutOfMemoryError}.
 */
class InputSizeLimitsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
    "quadratic:dim=100000,tasks=2,spectrum=1:2,seed=1; a 100000x100000 Hessian has 10000000000 entries, more than an array holds",
    "quadratic:dim=2,tasks=2000000000,spectrum=1:2,seed=1; 2000000000 tasks of dimension 2 needs",
    "quadratic:dim=30000,tasks=1000,spectrum=1:2,seed=1; more than the limit of"
  })
  void hugeFamiliesAreRefusedBeforeGenerating(String family, String message) {
    CliRun run = CliRun.of("heatmap", "--family", family, "--alpha", "0.1:0.5:2", "--beta", "0.1:1:2",
        "--format", "csv", "--out", dir.resolve("out").toString());
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains(message), run.toString());
  }

  @Test
  void hugeGridsAreRefused() throws Exception {
    Path tasks = dir.resolve("one.json");
    Files.writeString(tasks, "{\"tasks\":[{\"H\":[[1]],\"c\":[1]}]}");
    CliRun run = CliRun.of("heatmap", "--tasks", tasks.toString(), "--alpha", "0.1:0.5:2000000000",
        "--beta", "0.1:1:2000000000", "--format", "csv", "--out", dir.resolve("out").toString());
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("too large"), run.toString());
  }

  @ParameterizedTest
  @CsvSource({"/dev/zero, NUL byte", "/dev/urandom, cannot read"})
  void endlessDevicesAreRefusedAtOnce(String device, String message) {
    if (!Files.isReadable(Path.of(device))) {
      return;
    }
    for (String command : new String[] {"oracle", "heatmap"}) {
      CliRun run = command.equals("oracle")
          ? CliRun.of("oracle", "--tasks", device, "--estimator", "maml", "--alpha", "0.1", "--steps", "1",
              "--quantity", "meta-objective")
          : CliRun.of("heatmap", "--tasks", device, "--alpha", "0.1:0.5:2", "--beta", "0.1:1:2",
              "--format", "csv", "--out", dir.resolve("out").toString());
      assertTrue(run.isOneLineError(), run.toString());
      assertTrue(run.err().contains(device) && run.err().contains(message), run.toString());
    }
  }

  @Test
  void anEndlessTextStreamIsRefusedAfterTheLimit() throws Exception {
    Path fifo = dir.resolve("endless.fifo");
    try {
      if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() != 0) {
        return;
      }
    } catch (IOException noMkfifo) {
      return;
    }
    Thread writer = new Thread(() -> {
      byte[] spaces = " ".repeat(1 << 16).getBytes();
      try (OutputStream out = Files.newOutputStream(fifo)) {
        while (true) {
          out.write(spaces);
        }
      } catch (IOException closedByTheReader) {
        // the reader stopped at the limit
      }
    });
    writer.setDaemon(true);
    writer.start();
    CliRun run = CliRun.of("oracle", "--tasks", fifo.toString(), "--estimator", "maml", "--alpha", "0.1",
        "--steps", "1", "--quantity", "meta-objective");
    assertTrue(run.isOneLineError(), run.toString());
    assertTrue(run.err().contains("the task file is larger than the limit of 256.0 MB"), run.toString());
  }
}
