package org.rulestead.web.admin.pages;

import java.util.Map;
import java.util.stream.Collectors;
import org.rulestead.command.CommandRejected;

/** Says in a sentence why a service refused a command, for the message on the page. */
final class Refusals {

    private static final Map<String, String> REASONS = Map.of(
            "change_request_required", "This environment is protected: submit a change request instead.",
            "self_approval_forbidden", "You submitted this change request, so another admin must approve it.",
            "no_role", "You hold no role in any environment yet: ask an admin to grant you one.");

    private Refusals() {}

    static String describe(CommandRejected rejected) {
        if (rejected instanceof CommandRejected.Forbidden) {
            Object reason = rejected.metadata().get("reason");
            String known = reason == null ? null : REASONS.get(reason.toString());
            if (known != null) {
                return known;
            }
            Object action = rejected.metadata().get("action");
            return "Your role may not "
                    + (action == null ? "do this" : action.toString().replace('_', ' '))
                    + (rejected.metadata().get("environment_key") == null
                            ? ""
                            : " in " + rejected.metadata().get("environment_key"))
                    + ".";
        }
        String message = sentence(rejected.getMessage());
        if (rejected.details().isEmpty()) {
            return message;
        }
        return message + " "
                + rejected.details().stream()
                        .map(finding -> finding.field() + " " + finding.message())
                        .collect(Collectors.joining("; "))
                + ".";
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "The change was refused.";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
