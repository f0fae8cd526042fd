package org.rulestead.web.admin.pages;

import java.time.Instant;
import java.util.Map;
import org.rulestead.rollout.RolloutStatus;

/**
 * What the auto-advance panel of a rollout rule can offer now (spec §5.7), derived from the rule
 * as it stands: no guardrails, unhealthy, a plan with holes, a tick pending, a window being
 * observed, or ready.
 */
public enum AutoAdvanceMode {
    UNAVAILABLE("This rule has no guardrails, so automation never advances it: add guardrails to its rollout first."),
    BLOCKED_HEALTH(
            "The latest guardrail decision is not healthy: automation waits, and a policy can only be switched off."),
    CONFIG_INCOMPLETE("The policy is enabled but incomplete: it needs a window, a next stage and a next percentage."),
    SCHEDULED("A tick is scheduled: it advances only if the guardrails remain healthy after the window."),
    PENDING_OBSERVATION("The stage is being observed until its window closes."),
    READY("Ready: after an advance with a monitoring window, a tick checks the guardrails when the window closes.");

    private final String sentence;

    AutoAdvanceMode(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a policy may be enabled or changed now (switching one off always may). */
    public boolean saving() {
        return this != UNAVAILABLE && this != BLOCKED_HEALTH;
    }

    /**
     * The mode of the rule's panel: a pending tick shows as such even while its stage is observed,
     * and a stage still gathering data inside its window is observed, not unhealthy.
     */
    static AutoAdvanceMode of(RolloutStatus status, Instant now) {
        if (status.guardrails().isEmpty()) {
            return UNAVAILABLE;
        }
        if (status.nextTickAt() != null) {
            return SCHEDULED;
        }
        Map<String, Object> latest = status.latestDecision();
        String state = latest == null ? null : String.valueOf(latest.get("decision_state"));
        Object ends = latest == null ? null : latest.get("monitoring_window_ends_at");
        boolean observing = ends instanceof String text && Instant.parse(text).isAfter(now);
        if ("held".equals(state)
                || "rollback_triggered".equals(state)
                || ("pending_data".equals(state) && !observing)) {
            return BLOCKED_HEALTH;
        }
        Map<String, Object> policy = status.autoAdvance();
        boolean enabled = policy != null && Boolean.TRUE.equals(policy.get("enabled"));
        if (enabled
                && (policy.get("observation_window_seconds") == null
                        || policy.get("next_stage") == null
                        || policy.get("next_percentage") == null)) {
            return CONFIG_INCOMPLETE;
        }
        if (observing) {
            return PENDING_OBSERVATION;
        }
        return READY;
    }
}
