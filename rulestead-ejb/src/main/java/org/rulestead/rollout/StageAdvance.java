package org.rulestead.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One advance of a rollout rule to a stage, resolved against the ruleset in force: which rule,
 * the stage's label and percentage, its observation window, the facts it came with, and the
 * rule's salt and variants (what a later rollback must find unchanged).
 */
record StageAdvance(
        String flagKey,
        String environmentKey,
        String ruleKey,
        String stage,
        int percentage,
        Instant windowStartedAt,
        Instant windowEndsAt,
        List<Map<String, Object>> signalFacts,
        String tenantKey,
        String rolloutSalt,
        String variantFingerprint,
        String correlationId) {

    StageAdvance {
        signalFacts = List.copyOf(signalFacts);
    }
}
