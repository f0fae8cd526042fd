/**
 * Guardrails on a rollout (spec §5.3–§5.4): the reasons a signal fact can carry, and the pure
 * classification of a stage's facts into a decision. No clock, no I/O: the caller says when.
 */
package org.rulestead.guardrail;
