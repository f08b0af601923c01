/**
 * The bound registry: every constant, error bound and stepsize condition of the four papers,
 * encoded once as a {@link io.metabound.bounds.registry.Bound} with its {@link
 * io.metabound.bounds.registry.Reference}, {@link io.metabound.bounds.registry.Provenance}
 * (verbatim or reconstructed, with the docs/THEOREMS.md tag), checkable and descriptive {@link
 * io.metabound.bounds.registry.Assumption}s, the {@link io.metabound.bounds.registry.Relation} to
 * the quantity it bounds and the {@link io.metabound.bounds.registry.Quantity} id probes report
 * under. {@link io.metabound.bounds.registry.BoundRegistry} lists them all.
 */
package io.metabound.bounds.registry;
