package org.rulestead.rollout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What evaluating a guarded rollout answers (spec §5.5): the decision (state, reason, action),
 * the ruleset version in force afterwards, one plain sentence saying why, whether it was a dry run
 * that changed nothing, and for a dry run what an auto-advance tick would decide now (null
 * otherwise, and before the rule's first advance).
 */
public record RolloutEvaluated(
        Map<String, Object> decision,
        int activeRulesetVersion,
        String explanation,
        boolean dryRun,
        Map<String, Object> autoAdvance) {

    public RolloutEvaluated {
        decision = Collections.unmodifiableMap(new LinkedHashMap<>(decision));
    }

    public RolloutEvaluated(
            Map<String, Object> decision, int activeRulesetVersion, String explanation, boolean dryRun) {
        this(decision, activeRulesetVersion, explanation, dryRun, null);
    }

    /** The same, with what an auto-advance tick would decide now. */
    RolloutEvaluated withAutoAdvance(Map<String, Object> wouldDecide) {
        return new RolloutEvaluated(decision, activeRulesetVersion, explanation, dryRun, wouldDecide);
    }
}
