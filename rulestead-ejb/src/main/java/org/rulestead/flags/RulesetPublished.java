package org.rulestead.flags;

/**
 * An authored ruleset was published in an environment, in the transaction now running: what was
 * waiting on the rules that were in force before (auto-advance ticks) is superseded.
 */
public record RulesetPublished(String flagKey, String environmentKey, int version, String correlationId) {}
