package io.metabound.experiments.constant;

/**
 * One constant of a task family (L, ρ, μ, σ, σ_g, σ_H, …) with how it is known.
 *
 * @param symbol the symbol name in the bounds catalogue ({@code L}, {@code rho}, {@code sigma}, …)
 * @param value its value
 * @param exactness exact, or a certified upper bound
 * @param note how it was obtained, and the region where it holds if it only holds on a region
 */
public record FamilyConstant(String symbol, double value, Exactness exactness, String note) {}
