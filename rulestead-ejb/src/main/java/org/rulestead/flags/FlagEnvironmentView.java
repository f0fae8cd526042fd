package org.rulestead.flags;

import java.time.Instant;

/**
 * A flag's state in one environment, as callers see it: status, the published ruleset in force,
 * whether the kill switch is engaged.
 */
public record FlagEnvironmentView(
        String environmentKey,
        FlagStatus status,
        Integer activeRulesetVersion,
        int latestRulesetVersion,
        boolean killSwitchEngaged,
        Instant lastPublishedAt,
        long version) {}
