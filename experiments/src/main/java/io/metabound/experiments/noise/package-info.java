/**
 * Stochastic oracles of single tasks: mini-batch gradients and Hessians with exactly known
 * per-sample variances (Ji2022 Ass. 3, Fallah2020 Ass. 4.6; Frobenius convention for the Hessian,
 * docs/THEOREMS.md §1.3): additive Gaussian noise on any loss, Gaussian linear regression sampled
 * one example at a time (with its finite-sum version).
 */
package io.metabound.experiments.noise;
