package org.rulestead.audit;

import java.util.Map;
import java.util.Objects;
import org.rulestead.command.CommandContext;
import org.rulestead.governance.Actor;
import org.rulestead.governance.ResourceRef;

/**
 * One audit event to write: what happened ({@code flag.create}), to which resource, in which
 * environment, by whom, why, with structured metadata (before, after, diff, context).
 */
public record AuditRecord(
        String eventType,
        String resourceType,
        String resourceKey,
        String environmentKey,
        Actor actor,
        String reason,
        AuditOutcome outcome,
        Map<String, Object> metadata,
        String correlationId) {

    public AuditRecord {
        Objects.requireNonNull(eventType, "event type is required");
        Objects.requireNonNull(resourceType, "resource type is required");
        Objects.requireNonNull(actor, "actor is required");
        Objects.requireNonNull(outcome, "outcome is required");
        Objects.requireNonNull(correlationId, "correlation id is required");
        // JSON values, which may hold nulls (a failure reason not yet known)
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /**
     * A change that was made (outcome ok) to {@code resource} by {@code actor}, for the command of
     * {@code context}: its reason, and its correlation id tying the workflow's rows together.
     */
    public static AuditRecord ofChange(
            String eventType,
            ResourceRef resource,
            String environmentKey,
            Actor actor,
            CommandContext context,
            Map<String, Object> metadata) {
        return new AuditRecord(
                eventType,
                resource.type(),
                resource.key(),
                environmentKey,
                actor,
                context.reason(),
                AuditOutcome.OK,
                metadata,
                context.correlationId());
    }
}
