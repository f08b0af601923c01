/**
 * Sweeps: convergence maps over grids of step sizes, computed fast and reproducibly.
 *
 * <p>A {@link io.metabound.experiments.sweep.SweepGrid} ((α, β) with N fixed, or (N, α) with β
 * fixed; points {@code LO + (HI − LO)(k + 1)/COUNT}) is evaluated cell by cell by a {@link
 * io.metabound.experiments.sweep.CellModel}; for deterministic estimators on quadratic tasks the
 * model iterates the estimator's exact affine update map {@code w ← w − β(Aw − b)} ({@link
 * io.metabound.experiments.sweep.AffineIteration}, allocation-free, O(T d²) per cell, the map built
 * once per α row). {@link io.metabound.experiments.sweep.HeatmapSweep} runs the cells on all cores
 * with one seed per cell, so the output is independent of threads and of the {@link
 * io.metabound.experiments.sweep.Shard} split; {@link io.metabound.experiments.sweep.SweepCsv}
 * writes the data ({@code alpha,beta,status,rate}) and merges shards byte for byte.
 *
 * <p>Overlays put theory on the map: the exact spectral boundary ({@link
 * io.metabound.experiments.sweep.SpectralOverlay}), Takagi2019's conditions ({@link
 * io.metabound.experiments.sweep.TakagiOverlay}) and Ji2022's {@code α = c/(NL)} ({@link
 * io.metabound.experiments.sweep.Ji2022StepsOverlay}); {@link
 * io.metabound.experiments.sweep.OverlayGap} measures how far each sits from the empirical boundary
 * ({@link io.metabound.experiments.sweep.EmpiricalBoundary}).
 */
package io.metabound.experiments.sweep;
