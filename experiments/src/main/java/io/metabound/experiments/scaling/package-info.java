/**
 * Scaling checks: for registry bounds whose constant is far from attainable (the ratio check holds
 * at ratios that cannot approach 1), the log-log slope of the measured quantity in the variable the
 * bound scales with, with a Student-t interval, against the slope of the registry formula at the
 * same instances; verdict CONSISTENT, STEEPER (the bound's rate is loose) or VIOLATED, the constant
 * gap, and a negative control per check. {@link io.metabound.experiments.scaling.ScalingChecks}
 * lists the checks with a ceiling on each bound's ratio.
 */
package io.metabound.experiments.scaling;
