package org.rulestead.rollout;

import java.util.List;
import java.util.Map;
import org.rulestead.validation.Finding;

/**
 * An auto-advance policy as a command states it (spec §1): when {@code enabled}, the window, the
 * next stage and the next percentage are all required; present fields are checked either way.
 */
record AutoAdvancePlan(boolean enabled, Integer observationWindowSeconds, String nextStage, Integer nextPercentage) {

    /** The plan in {@code fields}, or the findings that keep it from being one. */
    static AutoAdvancePlan read(Map<String, Object> fields, List<Finding> findings) {
        Object enabled = fields.get("enabled");
        if (enabled != null && !(enabled instanceof Boolean)) {
            findings.add(new Finding("enabled", "must be true or false"));
        }
        boolean on = Boolean.TRUE.equals(enabled);
        Integer window = null;
        Object windowValue = fields.get("observation_window_seconds");
        if (windowValue != null) {
            window = windowValue instanceof Number number
                            && number.doubleValue() == Math.rint(number.doubleValue())
                            && number.doubleValue() > 0
                            && number.doubleValue() <= Integer.MAX_VALUE
                    ? number.intValue()
                    : null;
            if (window == null) {
                findings.add(new Finding("observation_window_seconds", "must be a whole number of seconds above 0"));
            }
        } else if (on) {
            findings.add(new Finding("observation_window_seconds", "is required when enabled: seconds above 0"));
        }
        String stage = null;
        Object stageValue = fields.get("next_stage");
        if (stageValue != null) {
            if (stageValue instanceof String text && !text.isBlank() && text.length() <= 255) {
                stage = text.trim();
            } else {
                findings.add(new Finding("next_stage", "must be the next stage's label (at most 255 characters)"));
            }
        } else if (on) {
            findings.add(new Finding("next_stage", "is required when enabled: the next stage's label"));
        }
        Integer percentage = null;
        Object percentageValue = fields.get("next_percentage");
        if (percentageValue != null) {
            percentage = AdvanceRollout.percentage(percentageValue);
            if (percentage == null) {
                findings.add(new Finding("next_percentage", "must be a whole number from 0 to 100"));
            }
        } else if (on) {
            findings.add(new Finding("next_percentage", "is required when enabled: a whole number from 0 to 100"));
        }
        return new AutoAdvancePlan(on, window, stage, percentage);
    }

    /** Whether automation has all it needs: the window, a non-blank next stage and a percentage. */
    boolean complete() {
        return observationWindowSeconds != null
                && observationWindowSeconds > 0
                && nextStage != null
                && !nextStage.isBlank()
                && nextPercentage != null;
    }
}
