package io.metabound.experiments.check;

import java.nio.file.Path;
import java.util.Optional;
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

    /** True when the re-run gives the recorded verdict (or nothing was recorded). */
    public boolean reproduced() {
      return counterexample.recordedVerdict() == null
          || counterexample.recordedVerdict() == result.verdict();
    }
  }

  /**
   * Reads the file and re-runs the named bound's check on its instance.
   *
   * @param file the counterexample file
   * @param checks finds the check of a bound id (e.g. from the registry); empty when unknown
   * @throws CheckInputException when the file is invalid or names an unknown bound
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
    CheckResult result = check.evaluate(c.instance(), c.settings());
    return new Outcome(c, result);
  }
}
