/**
 * The MAML-family algorithms exactly as the papers define them, generic over {@link
 * io.metabound.experiments.task.SmoothLoss}: exact N-step MAML ({@link
 * io.metabound.experiments.algorithm.MamlMetaGradient}, Ji2022 eq. (3)/(10)), FO-MAML, HF-MAML
 * (Fallah2020 (8), (10)–(11)), iMAML (Rajeswaran2019 Alg. 2) and the MAML that differentiates
 * through the proximal inner steps (their Fig. 2(a)), the stochastic estimators of Ji2022 Alg. 1
 * and 2 and Fallah2020 (5), and the {@link io.metabound.experiments.algorithm.OuterLoop} with fixed
 * or adaptive (Fallah Lemma 4.9, Ji (14)/(22)) meta step sizes.
 *
 * <p>Estimators hold workspace arrays allocated once per instance; their per-call methods do not
 * allocate (one instance per thread). Every random draw comes from a generator seeded by the
 * caller, so a run is a function of its seed.
 */
package io.metabound.experiments.algorithm;
