package io.metabound.reports.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Failures of the mutation property test that wait for a fix on another branch, read from a file
 * of {@code bad-input/}: one line per failure, a regular expression matched against the broken
 * rules and the run's output, a tab, and the reason. The list must shrink: the test fails when a
 * pattern no longer matches any mutation.
 */
final class KnownFailures {

  private final Map<String, Pattern> patterns;

  private KnownFailures(Map<String, Pattern> patterns) {
    this.patterns = patterns;
  }

  static KnownFailures load(String name) {
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    try (InputStream in = KnownFailures.class.getResourceAsStream(BadInputCorpus.ROOT + name)) {
      if (in != null) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String regex = line.split("\t", 2)[0];
          patterns.put(regex, Pattern.compile(regex));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnownFailures(patterns);
  }

  /** The first pattern found in {@code text}, or null. */
  String match(String text) {
    for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
      if (e.getValue().matcher(text).find()) {
        return e.getKey();
      }
    }
    return null;
  }

  Set<String> patterns() {
    return patterns.keySet();
  }
}
