package org.rulestead.governance;

import java.util.Map;

/**
 * A refused attempt at a mutation (spec §6.12), as governance hands it to the audit trail: the
 * event it would have been, what it was about, who tried, and why they were refused.
 */
public record DeniedAttempt(
        String eventType,
        ResourceRef resource,
        String environmentKey,
        Actor actor,
        String reason,
        Map<String, Object> metadata,
        String correlationId) {

    public DeniedAttempt {
        metadata = Map.copyOf(metadata);
    }
}
