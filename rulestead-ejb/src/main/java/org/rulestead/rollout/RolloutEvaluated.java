package org.rulestead.rollout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What evaluating a guarded rollout answers (spec §5.5): the decision (state, reason, action),
 * the ruleset version in force afterwards, one plain sentence saying why, and whether it was a
 * dry run that changed nothing.
 */
public record RolloutEvaluated(
        Map<String, Object> decision, int activeRulesetVersion, String explanation, boolean dryRun) {

    public RolloutEvaluated {
        decision = Collections.unmodifiableMap(new LinkedHashMap<>(decision));
    }
}
