package org.rulestead.web.admin.pages;

import java.util.Map;
import org.rulestead.schedule.ScheduledExecutionView;

/** What a scheduled execution does, in the words the schedule pages use. */
final class ScheduleWords {

    private ScheduleWords() {}

    /** "advance rollout everyone: canary-25 (25%), then auto-advance", "publish ruleset v3", ... */
    static String describe(ScheduledExecutionView execution) {
        String action = execution.action().replace('_', ' ');
        Map<String, Object> command = execution.command();
        if ("guardrail_automation".equals(execution.source()) && command.get("rollout") instanceof Map<?, ?> rollout) {
            return "auto-advance tick of rule " + rollout.get("rule_key") + " at " + rollout.get("stage") + " ("
                    + rollout.get("percentage") + "%)";
        }
        if (command.get("version") != null) {
            return action + " v" + command.get("version");
        }
        if (command.get("stage") != null) {
            return action + " to " + command.get("stage") + " (" + command.get("percentage") + "%)";
        }
        return action;
    }

    /** The sentence the last attempt's audit row carries, if the execution recorded one. */
    static String outcome(ScheduledExecutionView execution) {
        Object explanation = execution.executionMetadata().get("explanation");
        return explanation instanceof String sentence ? sentence : null;
    }
}
