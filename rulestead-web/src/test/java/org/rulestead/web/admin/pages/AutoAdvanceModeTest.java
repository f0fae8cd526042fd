package org.rulestead.web.admin.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.rollout.RolloutStatus;

/** The auto-advance panel's mode (spec §5.7) from the rule as it stands, and the ladder's risky jumps. */
class AutoAdvanceModeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final List<Map<String, Object>> GUARDED = List.of(Map.of("signal_key", "error_rate"));
    private static final Map<String, Object> POLICY = Map.of(
            "enabled", true, "observation_window_seconds", 600, "next_stage", "canary-50", "next_percentage", 50);

    private static Map<String, Object> decision(String state, String windowEnds) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("decision_state", state);
        decision.put("monitoring_window_ends_at", windowEnds);
        return decision;
    }

    private static AutoAdvanceMode mode(
            List<Map<String, Object>> guardrails,
            Map<String, Object> latest,
            Map<String, Object> policy,
            Instant tick) {
        return AutoAdvanceMode.of(
                new RolloutStatus("everyone", "canary-25", 25, guardrails, latest, policy, tick), NOW);
    }

    @Test
    void eachModeFollowsFromTheRule() {
        String later = NOW.plusSeconds(60).toString();
        String earlier = NOW.minusSeconds(60).toString();
        assertThat(mode(List.of(), null, POLICY, NOW)).isEqualTo(AutoAdvanceMode.UNAVAILABLE);
        assertThat(mode(GUARDED, decision("pending_data", later), POLICY, NOW.plusSeconds(60)))
                .isEqualTo(AutoAdvanceMode.SCHEDULED);
        assertThat(mode(GUARDED, decision("held", earlier), POLICY, null)).isEqualTo(AutoAdvanceMode.BLOCKED_HEALTH);
        assertThat(mode(GUARDED, decision("rollback_triggered", later), POLICY, null))
                .isEqualTo(AutoAdvanceMode.BLOCKED_HEALTH);
        assertThat(mode(GUARDED, decision("pending_data", earlier), POLICY, null))
                .isEqualTo(AutoAdvanceMode.BLOCKED_HEALTH);
        assertThat(mode(GUARDED, decision("pending_data", later), POLICY, null))
                .isEqualTo(AutoAdvanceMode.PENDING_OBSERVATION);
        assertThat(mode(GUARDED, decision("healthy", earlier), Map.of("enabled", true), null))
                .isEqualTo(AutoAdvanceMode.CONFIG_INCOMPLETE);
        assertThat(mode(GUARDED, decision("healthy", earlier), POLICY, null)).isEqualTo(AutoAdvanceMode.READY);
        assertThat(mode(GUARDED, null, null, null)).isEqualTo(AutoAdvanceMode.READY);
        assertThat(AutoAdvanceMode.BLOCKED_HEALTH.saving()).isFalse();
        assertThat(AutoAdvanceMode.READY.saving()).isTrue();
    }

    @Test
    void aJumpOfMoreThanAQuarterOrToEveryoneFromBelowHalfIsRisky() {
        assertThat(RolloutsPage.isRisky(5, 25)).isFalse();
        assertThat(RolloutsPage.isRisky(5, 50)).isTrue();
        assertThat(RolloutsPage.isRisky(50, 100)).isTrue();
        assertThat(RolloutsPage.isRisky(75, 100)).isFalse();
        assertThat(RolloutsPage.isRisky(25, 100)).isTrue();
        assertThat(RolloutsPage.isRisky(50, 25)).isFalse();
    }
}
