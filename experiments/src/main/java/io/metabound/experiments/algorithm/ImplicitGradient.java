package io.metabound.experiments.algorithm;

/**
 * One task's iMAML meta-gradient with the diagnostics of Rajeswaran2019 Defs. 1–2.
 *
 * @param gradient {@code g_i}
 * @param adapted {@code φ_i = Alg_i(θ)}, the approximate inner solution
 * @param innerResidual {@code ‖∇_φ G_i(φ_i, θ)‖ = ‖∇l_S(φ_i) + λ(φ_i − θ)‖} (0 at the exact
 *     solution; with μ-strong convexity, {@code ‖φ_i − Alg*_i(θ)‖ ≤ innerResidual/μ})
 * @param linearResidual {@code ‖∇l_T(φ_i) − (I + ∇²l_S(φ_i)/λ) g_i‖} (0 for the dense solve up to
 *     rounding; the CG recurrence residual otherwise)
 * @param cgIterations CG steps taken (0 for the dense solve)
 */
public record ImplicitGradient(
    double[] gradient,
    double[] adapted,
    double innerResidual,
    double linearResidual,
    int cgIterations) {}
