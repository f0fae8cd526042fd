package org.rulestead.audit;

import java.time.Instant;

/**
 * Which audit events to list: each filter is optional; {@code before} is the paging cursor (the
 * chain position of the previous page's last event).
 */
public record AuditQuery(
        String environmentKey,
        String flagKey,
        String actorId,
        String eventType,
        Instant from,
        Instant to,
        Long before,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }
}
