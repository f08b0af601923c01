/**
 * Dense linear algebra for the oracles and the measure language: small allocation-free double
 * helpers ({@link io.metabound.experiments.linalg.Vectors}), and the same kernels over a Hipparchus
 * field so that one closed form runs in double ({@code Binary64}) and in extended precision ({@code
 * Dfp}): matrix and vector arithmetic ({@link io.metabound.experiments.linalg.FieldMatrices}), LU
 * solves with partial pivoting ({@link io.metabound.experiments.linalg.FieldLinearSolver}),
 * symmetric eigenvalues by cyclic Jacobi to the field's working precision ({@link
 * io.metabound.experiments.linalg.SymmetricEigenvalues}), and eigenvalues of non-symmetric matrices
 * in double only ({@link io.metabound.experiments.linalg.NonSymmetricEigenvalues}).
 *
 * <p>May import: Hipparchus core, the JDK. Must not import any other MetaBound package (every other
 * package may import this one).
 */
package io.metabound.experiments.linalg;
