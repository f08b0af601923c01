/**
 * One class per paper, each defining that paper's bounds with the statement in javadoc: {@link
 * io.metabound.bounds.papers.Ji2022} (multi-step MAML), {@link io.metabound.bounds.papers.Fallah2020}
 * (MAML, FO-MAML, HF-MAML), {@link io.metabound.bounds.papers.Takagi2019} (stepsize conditions) and
 * {@link io.metabound.bounds.papers.Rajeswaran2019} (iMAML). Formulas are written in the plain
 * expression syntax, with named sub-formulas expanded by substitution.
 */
package io.metabound.bounds.papers;
