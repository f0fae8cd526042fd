package org.rulestead.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.validation.Finding;

/** Spec §1: an enabled auto-advance policy has its whole plan; present fields are checked either way. */
class AutoAdvancePlanTest {

    private static List<String> findingsOf(Map<String, Object> fields) {
        List<Finding> findings = new ArrayList<>();
        AutoAdvancePlan.read(fields, findings);
        return findings.stream().map(Finding::field).toList();
    }

    @Test
    void anEnabledPlanIsReadWhole() {
        List<Finding> findings = new ArrayList<>();

        AutoAdvancePlan plan = AutoAdvancePlan.read(
                Map.of(
                        "enabled",
                        true,
                        "observation_window_seconds",
                        600,
                        "next_stage",
                        " canary-50 ",
                        "next_percentage",
                        50L),
                findings);

        assertThat(findings).isEmpty();
        assertThat(plan).isEqualTo(new AutoAdvancePlan(true, 600, "canary-50", 50));
    }

    @Test
    void enabledWithoutItsPlanNamesEveryMissingField() {
        assertThat(findingsOf(Map.of("enabled", true)))
                .containsExactly("observation_window_seconds", "next_stage", "next_percentage");
    }

    @Test
    void disabledNeedsNothingButWhatIsGivenIsChecked() {
        assertThat(findingsOf(Map.of())).isEmpty();
        assertThat(findingsOf(Map.of("enabled", false))).isEmpty();
        Map<String, Object> bad = new HashMap<>();
        bad.put("enabled", "yes");
        bad.put("observation_window_seconds", 0);
        bad.put("next_stage", "");
        bad.put("next_percentage", 101);
        assertThat(findingsOf(bad))
                .containsExactly("enabled", "observation_window_seconds", "next_stage", "next_percentage");
        assertThat(findingsOf(Map.of("observation_window_seconds", 1.5))).containsExactly("observation_window_seconds");
    }

    @Test
    void aTicksKeyNamesItsStageAndWindowAndIsHashedWhenItWouldNotFit() {
        assertThat(AutoAdvanceTicks.tickKey("checkout:staging:everyone:canary-25:2026-12-04T12:00:00Z"))
                .isEqualTo("scheduled_execution:auto_advance:checkout:staging:everyone:canary-25:2026-12-04T12:00:00Z");
        String long1 = AutoAdvanceTicks.tickKey(
                "f".repeat(128) + ":staging:" + "r".repeat(128) + ":" + "s".repeat(255) + ":2026-12-04T12:00:00Z");
        String long2 = AutoAdvanceTicks.tickKey(
                "f".repeat(128) + ":staging:" + "r".repeat(128) + ":" + "s".repeat(255) + ":2026-12-04T12:05:00Z");
        assertThat(long1)
                .hasSizeLessThanOrEqualTo(AutoAdvanceTicks.MAX_KEY)
                .startsWith("scheduled_execution:auto_advance:sha256:");
        assertThat(long1).isNotEqualTo(long2);
    }
}
