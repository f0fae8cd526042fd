package org.rulestead.rollout;

import java.util.List;
import java.util.Map;

/**
 * One rollout rule of the ruleset in force, as the rollouts screen and API show it: its
 * percentage, the stage it was last advanced to (null before the first advance), its guardrails,
 * its latest guardrail decision (null before the first), its auto-advance policy (null
 * before one is saved) and when its pending auto-advance tick runs (null without one).
 */
public record RolloutStatus(
        String ruleKey,
        String stage,
        Number percentage,
        List<Map<String, Object>> guardrails,
        Map<String, Object> latestDecision,
        Map<String, Object> autoAdvance,
        java.time.Instant nextTickAt) {

    public RolloutStatus {
        guardrails = List.copyOf(guardrails);
    }
}
