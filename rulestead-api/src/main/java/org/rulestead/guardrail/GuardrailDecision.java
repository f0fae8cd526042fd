package org.rulestead.guardrail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The decision on one rollout stage from its signal facts (spec §5.4): a state and the bounded
 * reason for it ({@code healthy}, {@code breached}, {@code monitoring_window_active}, {@code
 * monitoring_window_expired}, or the reason of the fact that decided).
 */
public record GuardrailDecision(DecisionState state, String reason) {

    public static final String WINDOW_ACTIVE = "monitoring_window_active";
    public static final String WINDOW_EXPIRED = "monitoring_window_expired";

    public GuardrailDecision {
        Objects.requireNonNull(state, "decision state is required");
        Objects.requireNonNull(reason, "decision reason is required");
    }

    /**
     * Classifies the reasons of a stage's facts at {@code evaluatedAt}. The window is closed once
     * {@code evaluatedAt} reaches {@code windowEndsAt} (never, without one). Host faults hold; a
     * breach triggers a rollback; stale or thin evidence waits while the window is open and holds
     * after; all healthy is healthy even while it is open; no facts wait, then expire.
     */
    public static GuardrailDecision classify(List<FactReason> facts, Instant evaluatedAt, Instant windowEndsAt) {
        Objects.requireNonNull(evaluatedAt, "the time of evaluation is required");
        boolean closed = windowEndsAt != null && !evaluatedAt.isBefore(windowEndsAt);
        if (facts.isEmpty()) {
            return closed
                    ? new GuardrailDecision(DecisionState.HELD, WINDOW_EXPIRED)
                    : new GuardrailDecision(DecisionState.PENDING_DATA, WINDOW_ACTIVE);
        }
        for (FactReason fact : facts) {
            if (fact.isTerminalFault()) {
                return new GuardrailDecision(DecisionState.HELD, fact.wireName());
            }
        }
        if (facts.contains(FactReason.BREACHED)) {
            return new GuardrailDecision(DecisionState.ROLLBACK_TRIGGERED, FactReason.BREACHED.wireName());
        }
        for (FactReason fact : facts) {
            if (fact.isInconclusive()) {
                return new GuardrailDecision(closed ? DecisionState.HELD : DecisionState.PENDING_DATA, fact.wireName());
            }
        }
        // every fact is healthy: the only reason left
        return new GuardrailDecision(DecisionState.HEALTHY, FactReason.HEALTHY.wireName());
    }
}
