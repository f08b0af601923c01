/**
 * Checks: a bound paired with the probe of its quantity over an instance domain, with a verdict, a
 * tightness ratio, an adversarial search, shrunk replayable counterexamples, negative controls and
 * multiplicity-corrected confidence.
 *
 * <h2>Pieces</h2>
 *
 * <ul>
 *   <li>{@link io.metabound.experiments.check.Instance}: tasks + parameters + seed, replayable;
 *       {@link io.metabound.experiments.check.InstanceDomain} / {@link
 *       io.metabound.experiments.check.SearchSpace}: where instances come from, as boxes in {@code
 *       R^k} mapped to instances ({@link io.metabound.experiments.check.QuadraticDomain}, {@link
 *       io.metabound.experiments.check.ParameterDomain}).
 *   <li>{@link io.metabound.experiments.check.TheoreticalBound}: the bound's value and hypotheses
 *       on an instance; {@link io.metabound.experiments.probe.Probe}: the measured side.
 *   <li>{@link io.metabound.experiments.check.VerdictRule}: HOLDS / VIOLATED / INCONCLUSIVE /
 *       OUT_OF_SCOPE from a measurement interval and the bound; {@link
 *       io.metabound.experiments.check.Comparison}: orientation and the ratio (≤ 1 holds).
 *   <li>{@link io.metabound.experiments.check.BoundCheck}: evaluate one instance, or run the whole
 *       pipeline: {@link io.metabound.experiments.check.Falsifier} (random sampling + CMA-ES
 *       restarts) → confirmation with fresh random numbers → {@link
 *       io.metabound.experiments.check.Shrinker} → {@link
 *       io.metabound.experiments.check.CounterexampleFile} → {@link
 *       io.metabound.experiments.check.NegativeControl} → (when the check names one) the {@link
 *       io.metabound.experiments.check.Ablation} control, which searches for an instance where the
 *       bound with one symbol's terms removed (e.g. {@code rho = 0}) fails and reports whether
 *       those terms were exercised ({@link io.metabound.experiments.check.AblationResult}).
 *   <li>{@link io.metabound.experiments.check.CheckRemarks}: what a check says about itself
 *       besides its hypotheses (notes on constants; the label of a consistency check of the
 *       encoding, whose measured side equals the formula by derivation); {@link
 *       io.metabound.experiments.check.ExpectedFinding}: a documented violation with its cause
 *       (reconstruction, encoding or paper).
 *   <li>{@link io.metabound.experiments.check.CheckSuite} → {@link
 *       io.metabound.experiments.check.SuiteSummary} (JSON, Markdown, console table) with {@link
 *       io.metabound.experiments.check.HolmBonferroni} across Monte Carlo checks; {@link
 *       io.metabound.experiments.check.Replay} re-runs a counterexample file.
 * </ul>
 *
 * <h2>Statistics</h2>
 *
 * Monte Carlo measurements are sample means with Student-t intervals. A single check uses level
 * {@code 1 − α} (α = family-wise level, default 0.01), and its final interval is computed from
 * fresh samples on the selected instance, so it is not biased by the search having picked the
 * largest of many noisy estimates. Across a suite, Holm's step-down is applied to the two-sided
 * p-values of "mean = bound": the check of rank k gets level {@code 1 − α/(m − k + 1)}, and the
 * procedure stops at the first check whose interval still contains the bound. The family-wise level
 * is printed with every summary.
 *
 * <h2>Determinism</h2>
 *
 * Every random choice derives from one master seed ({@link io.metabound.experiments.check.Seeds});
 * the search budget is a number of evaluations; a wall-clock cap only stops early and is reported.
 * Summaries contain no timings, so the same seed gives byte-identical files.
 */
package io.metabound.experiments.check;
