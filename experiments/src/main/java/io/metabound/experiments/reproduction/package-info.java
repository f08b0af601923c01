/**
 * Reproductions of the papers' own figures and tables: each states the paper's claim (with its
 * provenance tag from docs/THEOREMS.md), measures the same thing on problems whose answer is known
 * exactly, fits the numbers the claim speaks of (slopes with confidence intervals, thresholds) and
 * computes whether the measurement agrees.
 *
 * <ul>
 *   <li>{@link io.metabound.experiments.reproduction.TakagiLinearRegression}: Takagi2019's α_c and
 *       β_c on a linear-regression task against the exact thresholds of MAML and FO-MAML;
 *   <li>{@link io.metabound.experiments.reproduction.ImplicitMamlFigure2a}: Rajeswaran2019 Fig.
 *       2(a), meta-gradient error against inner GD steps for MAML and iMAML with 2 and 5 CG steps;
 *   <li>{@link io.metabound.experiments.reproduction.ImplicitMamlTable1}: CG steps against κ (slope
 *       ½) and memory against inner steps;
 *   <li>{@link io.metabound.experiments.reproduction.FallahTable1}: FO-MAML's stationarity floor
 *       linear in α·σ, MAML and HF-MAML without floor;
 *   <li>{@link io.metabound.experiments.reproduction.JiAlphaOverN}: with α ∝ 1/N the
 *       meta-smoothness stays bounded, with a fixed α it blows up; cost linear in N.
 * </ul>
 *
 * Every reproduction returns a {@link io.metabound.experiments.reproduction.ReproductionResult}:
 * data, fits and verdict; rendering (plots, CSV, HTML) is the reports module's job. Results are a
 * deterministic function of the seed.
 */
package io.metabound.experiments.reproduction;
