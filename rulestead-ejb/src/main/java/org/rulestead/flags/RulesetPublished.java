package org.rulestead.flags;

/**
 * A new ruleset was put in force in an environment (published, or rolled back to a stable stage),
 * in the transaction now running: what was waiting on the rules in force before (auto-advance
 * ticks) is superseded.
 */
public record RulesetPublished(String flagKey, String environmentKey, int version, String correlationId) {}
