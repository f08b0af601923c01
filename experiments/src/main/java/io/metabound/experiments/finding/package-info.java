/**
 * Findings: places where exact computation on quadratic tasks disagrees with, or sharpens, a
 * statement of one of the four papers (Ji–Yang–Liang 2022, Fallah–Mokhtari–Ozdaglar 2020, Takagi
 * et al. 2019, Rajeswaran et al. 2019).
 *
 * <p>{@link io.metabound.experiments.finding.Findings} computes every {@link
 * io.metabound.experiments.finding.Finding} from the exact oracles of {@code
 * io.metabound.experiments.oracle} (the same calls {@code metabound oracle} makes) and evaluates the
 * stated side from the registry's formula; no result is typed in. Each finding carries its task
 * set, so that {@code metabound findings --out DIR} can write the task file its {@code metabound
 * oracle} command lines read.
 */
package io.metabound.experiments.finding;
