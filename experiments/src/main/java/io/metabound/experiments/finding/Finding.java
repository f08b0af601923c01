package io.metabound.experiments.finding;

import io.metabound.bounds.registry.BoundRegistry;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A place where exact computation disagrees with, or sharpens, a paper's statement.
 *
 * @param id a file-name-safe id, e.g. {@code takagi2019-alpha-not-necessary}
 * @param paper the paper's registry key in lower case: {@code ji2022}, {@code fallah2020}, {@code
 *     takagi2019} or {@code rajeswaran2019}
 * @param bounds the registry ids of the bounds the finding concerns
 * @param statement the statement, as the registry or docs/THEOREMS.md give it
 * @param shown what exact computation shows, in one sentence
 * @param kind whether it disagrees with the statement or sharpens it
 * @param instance the tasks and parameters
 * @param values the measured values beside the stated ones, with their ratios
 * @param reproduce command lines that reproduce the numbers from the finding's task file ({@link
 *     #taskFile()})
 */
public record Finding(
    String id,
    String paper,
    List<String> bounds,
    String statement,
    String shown,
    Kind kind,
    FindingInstance instance,
    List<FindingValue> values,
    List<String> reproduce) {

  /** The papers a finding may concern, as registry keys in lower case. */
  public static final List<String> PAPERS =
      List.of("ji2022", "fallah2020", "takagi2019", "rajeswaran2019");

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Whether exact computation contradicts the statement or makes it sharper. */
  public enum Kind {
    /** The statement fails on the instance, or a condition called necessary is not. */
    DISAGREES,
    /** The statement holds, and exact computation gives the sharper value. */
    SHARPENS;

    /** {@code disagrees} or {@code sharpens}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Finding {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("finding id '" + id + "' is not lower-case words joined by '-'");
    }
    if (!PAPERS.contains(paper)) {
      throw new IllegalArgumentException("finding " + id + ": unknown paper '" + paper + "'");
    }
    for (String bound : bounds) {
      if (BoundRegistry.find(bound).isEmpty()) {
        throw new IllegalArgumentException("finding " + id + ": unknown bound '" + bound + "'");
      }
    }
    if (bounds.isEmpty() || values.isEmpty() || reproduce.isEmpty()) {
      throw new IllegalArgumentException("finding " + id + " needs bounds, values and reproduce commands");
    }
    bounds = List.copyOf(bounds);
    values = List.copyOf(values);
    reproduce = List.copyOf(reproduce);
  }

  /** The name of the finding's task file: {@code finding-<id>.json}. */
  public String taskFile() {
    return taskFile(id);
  }

  /** The task file name of a finding id. */
  static String taskFile(String id) {
    return "finding-" + id + ".json";
  }
}
