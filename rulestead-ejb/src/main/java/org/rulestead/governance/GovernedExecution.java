package org.rulestead.governance;

import java.util.Map;
import org.rulestead.command.CommandContext;

/**
 * A governed command being applied: by whom, with which reason and correlation, and the governance
 * metadata its audit event carries (which change request or scheduled execution applies it).
 */
public record GovernedExecution(
        Actor actor, GovernedCommand command, CommandContext context, Map<String, Object> governance) {

    public GovernedExecution {
        // JSON values, which may hold nulls
        governance = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(governance));
    }

    public String flagKey() {
        return command.resource().key();
    }

    public String environmentKey() {
        return command.environmentKey();
    }
}
