package org.rulestead.rollout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an advance answers (spec §5.2): the flag, environment and rule, the stage, the ruleset
 * version now in force, and the guardrail decision recorded for the stage.
 */
public record RolloutAdvanced(
        String flagKey,
        String environmentKey,
        String ruleKey,
        String stage,
        int activeRulesetVersion,
        Map<String, Object> decision) {

    public RolloutAdvanced {
        // JSON values: nulls allowed, so no Map.copyOf
        decision = Collections.unmodifiableMap(new LinkedHashMap<>(decision));
    }
}
