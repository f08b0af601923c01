package io.metabound.experiments.check;

/**
 * A registered bound that the suite cannot check yet, with the reason (a missing probe, an order
 * statement without constants, …). Listed in every summary so that nothing is silently skipped.
 *
 * @param boundId the bound's id
 * @param reason why it is not checked
 */
public record NotCheckable(String boundId, String reason) {}
