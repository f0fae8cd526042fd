package org.rulestead.governance;

import java.util.Objects;
import org.rulestead.command.CommandContext;

/** A mutation being attempted, named by the audit event type it is recorded as when refused. */
public record Attempt(String eventType, CommandContext context) {

    public Attempt {
        Objects.requireNonNull(eventType, "event type is required");
        Objects.requireNonNull(context, "command context is required");
    }
}
