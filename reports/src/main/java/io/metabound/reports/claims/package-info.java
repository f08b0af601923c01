/**
 * Claims of a paper draft, written as data and validated by exact computation ({@code metabound
 * claims}).
 *
 * <p>A claim names a measured quantity (a probe id such as {@code meta-smoothness}), the
 * estimator it speaks of, a relation ({@code <=}, {@code >=}), a bound (an expression in the
 * bounds module's plain syntax, or a registry id), an instance family and a parameter domain.
 * Symbols in the bound and in parameter ranges are the instance's own exact constants ({@code L},
 * {@code mu}, {@code rho}, {@code kappa}, {@code d}, {@code m}) and the claim's parameters, so a
 * range {@code alpha: [0.01, "1/L"]} is drawn per instance.
 *
 * <ul>
 *   <li>{@link io.metabound.reports.claims.ClaimsParser}: YAML ({@code claims: [...]}) and LaTeX
 *       drafts ({@code %! metabound} comment blocks tied to the nearest {@code \label}) to {@link
 *       io.metabound.reports.claims.Claim}s, with errors naming file, claim and field;
 *   <li>{@link io.metabound.reports.claims.ClaimCheck}: a claim as a {@link
 *       io.metabound.experiments.check.BoundCheck} (falsifier, shrinker, negative control);
 *   <li>{@link io.metabound.reports.claims.ClaimsValidation}: runs every claim and renders the
 *       verdicts (text, JSON, Markdown) with the draft's SHA-256.
 * </ul>
 */
package io.metabound.reports.claims;
