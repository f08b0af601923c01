package io.metabound.reports.cli;

import io.metabound.reports.io.OutputFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files under a folder with a digest of each, taken before and after a run on bad input, so
 * the "no file left behind" rule can be checked: no new file (in particular no {@code .tmp} or
 * {@code .partial-*} staging file), no changed or removed file.
 *
 * @param root the folder
 * @param digests relative path → SHA-256 of the content ("dir" for a folder)
 */
record FolderSnapshot(Path root, Map<String, String> digests) {

  /** Takes the snapshot of {@code root} (empty when it does not exist). */
  static FolderSnapshot of(Path root) {
    Map<String, String> digests = new TreeMap<>();
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : (Iterable<Path>) walk::iterator) {
          if (p.equals(root)) {
            continue;
          }
          String rel = root.relativize(p).toString().replace('\\', '/');
          digests.put(rel, Files.isDirectory(p) ? "dir" : digest(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new FolderSnapshot(root, digests);
  }

  /**
   * What differs in {@code after}, except new files whose name is in {@code allowedNew} (and the
   * folders holding them); empty when nothing was left behind.
   */
  List<String> leftovers(FolderSnapshot after, Set<String> allowedNew) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : after.digests.entrySet()) {
      String before = digests.get(e.getKey());
      String name = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
      if (before == null) {
        String folder = e.getKey().contains("/") ? e.getKey().substring(0, e.getKey().lastIndexOf('/') + 1) : "";
        boolean allowed = allowedNew.contains(name)
            // the marker of a committed --out folder goes with the output it marks
            || name.equals(OutputFolder.MARKER) && after.digests.keySet().stream()
                .anyMatch(k -> !k.equals(e.getKey()) && k.startsWith(folder)
                    && allowedNew.contains(k.substring(k.lastIndexOf('/') + 1)))
            || e.getValue().equals("dir") && after.digests.keySet().stream()
                .anyMatch(k -> k.startsWith(e.getKey() + "/")
                    && allowedNew.contains(k.substring(k.lastIndexOf('/') + 1)));
        if (!allowed) {
          problems.add("left behind " + e.getKey());
        }
      } else if (!before.equals(e.getValue())) {
        problems.add("changed " + e.getKey());
      }
    }
    for (String key : digests.keySet()) {
      if (!after.digests.containsKey(key)) {
        problems.add("removed " + key);
      }
    }
    return problems;
  }

  private static String digest(Path file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      return "unreadable";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
