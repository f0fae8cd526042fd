package org.rulestead.audit;

import java.util.Map;
import java.util.Objects;
import org.rulestead.governance.Actor;

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
        metadata = Map.copyOf(metadata);
    }
}
