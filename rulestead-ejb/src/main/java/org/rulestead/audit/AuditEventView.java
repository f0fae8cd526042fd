package org.rulestead.audit;

import java.time.Instant;

/** An audit event as readers see it: metadata as JSON-shaped values, with its place in the chain. */
public record AuditEventView(
        long id,
        String eventType,
        String resourceType,
        String resourceKey,
        String environmentKey,
        String actorId,
        String actorType,
        String actorDisplay,
        String reason,
        AuditOutcome outcome,
        Object metadata,
        String correlationId,
        Instant occurredAt,
        Long chainSeq,
        String eventHash) {}
