package io.metabound.experiments.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writesTextBytesAndStreamsIntoNewFolders() throws IOException {
    Path text = dir.resolve("a/b/text.md");
    AtomicFiles.writeString(text, "α ≤ 1/L\n");
    assertArrayEquals("α ≤ 1/L\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(text));

    Path bytes = dir.resolve("c/data.bin");
    byte[] content = {0, 1, -1, 127, -128};
    AtomicFiles.write(bytes, content);
    assertArrayEquals(content, Files.readAllBytes(bytes));

    Path streamed = dir.resolve("d/sweep.csv");
    AtomicFiles.write(
        streamed,
        out -> {
          for (int i = 0; i < 3; i++) {
            out.write(i + ",x\n");
          }
        });
    assertEquals("0,x\n1,x\n2,x\n", Files.readString(streamed));
    assertEquals(List.of(), temporaries(), "no temporary file is left behind");
  }

  @Test
  void replacesAnExistingFile() throws IOException {
    Path file = dir.resolve("summary.json");
    AtomicFiles.writeString(file, "a much longer first version\n");
    AtomicFiles.writeString(file, "short\n");
    assertEquals("short\n", Files.readString(file));
  }

  @Test
  void aFailingBodyLeavesTheTargetAndNoTemporary() throws IOException {
    Path file = dir.resolve("merged.csv");
    AtomicFiles.writeString(file, "previous\n");
    UncheckedIOException thrown =
        assertThrows(
            UncheckedIOException.class,
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write("half a line");
                      throw new UncheckedIOException(new IOException("input vanished"));
                    }));
    assertEquals("input vanished", thrown.getCause().getMessage());
    assertEquals("previous\n", Files.readString(file));
    assertEquals(List.of(), temporaries());
  }

  @Test
  void writtenFilesAreReadableByAll() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path text = dir.resolve("text.md");
    Path streamed = dir.resolve("sweep.csv");
    AtomicFiles.writeString(text, "x");
    AtomicFiles.write(streamed, out -> out.write("y"));
    // temporary files are created rw-------; the result must not be
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(text)));
    assertEquals(
        "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(streamed)));

    Path folder = Files.createTempDirectory(dir, "staging");
    AtomicFiles.readableByAll(folder);
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
  }

  @Test
  void strayTemporariesOfDeadWritersAreRemovedAndOthersKept() throws IOException {
    long me = ProcessHandle.current().pid();
    long dead = Long.MAX_VALUE / 2; // no such process
    Path stray = Files.writeString(dir.resolve(".heatmap.csv." + dead + "-123456789.tmp"), "half");
    Path live = Files.writeString(dir.resolve(".heatmap.json." + me + "-42.tmp"), "being written");
    Path foreign = Files.writeString(dir.resolve("notes.tmp"), "the user's");
    Path legacy = Files.writeString(dir.resolve(".heatmap.csv123.tmp"), "no pid: not ours to judge");
    List<Path> removed = AtomicFiles.removeStrayTemporaries(dir, pid -> pid == me);
    assertEquals(List.of(stray), removed);
    assertEquals(false, Files.exists(stray));
    assertEquals(true, Files.exists(live) && Files.exists(foreign) && Files.exists(legacy));
  }

  @Test
  void aTemporaryFileIsNamedWithTheWritersPid() throws IOException {
    Path target = dir.resolve("big.csv");
    AtomicFiles.write(
        target,
        out -> {
          List<Path> tmp = temporaries();
          assertEquals(1, tmp.size());
          String name = tmp.get(0).getFileName().toString();
          assertEquals(true, name.startsWith(".big.csv." + ProcessHandle.current().pid() + "-"), name);
          // while its writer runs, a stray-file sweep leaves it alone
          assertEquals(List.of(), AtomicFiles.removeStrayTemporaries(dir, pid -> true));
          out.write("x");
        });
    assertEquals(List.of(), temporaries());
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
