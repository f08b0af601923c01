package io.metabound.experiments.reproduction;

/**
 * One named number of a reproduction (a threshold, a fitted slope, a count).
 *
 * @param name a short machine-readable name ({@code alpha_c_fomaml})
 * @param value the value
 * @param meaning what it is, in words, with how it was obtained
 */
public record Measured(String name, double value, String meaning) {}
