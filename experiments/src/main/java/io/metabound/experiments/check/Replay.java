package io.metabound.experiments.check;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Re-runs a check on a counterexample file ({@code metabound check --replay FILE}): the same
 * instance, seed, sample count, level and tolerance, so the result is identical to the one
 * recorded.
 */
public final class Replay {

  private Replay() {}

  /**
   * @param counterexample what the file contained
   * @param result the check re-run on its instance
   */
  public record Outcome(CounterexampleFile.Counterexample counterexample, CheckResult result) {

    /** True when the re-run gives the recorded verdict. */
    public boolean reproduced() {
      return counterexample.recordedVerdict() == result.verdict();
    }
  }

  /**
   * Reads the file and re-runs the named bound's check on its instance.
   *
   * @param file the counterexample file
   * @param checks finds the check of a bound id (e.g. from the registry); empty when unknown
   * @throws CheckInputException when the file is invalid, was edited after it was written (its
   *     checksum does not match), names an unknown bound or a family the bound's check does not
   *     draw from
   */
  public static Outcome replay(Path file, Function<String, Optional<BoundCheck>> checks) {
    CounterexampleFile.Counterexample c = CounterexampleFile.read(file);
    BoundCheck check =
        checks
            .apply(c.boundId())
            .orElseThrow(
                () ->
                    new CheckInputException(
                        file, "bound", "no check is registered for bound '" + c.boundId() + "'"));
    if (!check.quantityId().equals(c.quantityId())) {
      throw new CheckInputException(file, "quantity", "'" + c.quantityId() + "' is not the quantity"
          + " of bound " + c.boundId() + " ('" + check.quantityId() + "'): the file was edited or"
          + " belongs to another bound");
    }
    Set<String> families = check.domain() == null ? Set.of() : check.domain().families();
    if (!families.isEmpty() && !families.contains(c.instance().family())) {
      throw new CheckInputException(file, "family", "unknown family '" + c.instance().family()
          + "' for bound " + c.boundId() + " (its check draws from: "
          + String.join(", ", new TreeSet<>(families)) + ")");
    }
    CheckResult result = check.evaluate(c.instance(), c.settings());
    return new Outcome(c, result);
  }
}
