package org.rulestead.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scheduled execution as callers see it (spec §6.7); {@code attempts} is null in a list and
 * holds every attempt, oldest first, in a detail.
 */
public record ScheduledExecutionView(
        long id,
        String action,
        String environmentKey,
        String resourceType,
        String resourceKey,
        Map<String, Object> command,
        String executionMode,
        String state,
        Instant scheduledFor,
        Instant nextAttemptAt,
        String reason,
        Map<String, Object> metadata,
        String source,
        String ruleKey,
        Long changeRequestId,
        String idempotencyKey,
        String correlationId,
        Map<String, Object> scheduledBy,
        List<Map<String, Object>> approvedBy,
        int attemptCount,
        Instant executedAt,
        String failureReason,
        Map<String, Object> executionMetadata,
        Instant createdAt,
        Instant updatedAt,
        List<Map<String, Object>> attempts) {

    /** Attempts before quarantine. */
    public int maxAttempts() {
        return ScheduledExecution.MAX_ATTEMPTS;
    }

    /** Whether an operator may cancel it now. */
    public boolean cancellable() {
        return ExecutionState.of(state).map(ExecutionState::pending).orElse(false);
    }

    /** Whether an operator may requeue it now. */
    public boolean requeueable() {
        return ExecutionState.QUARANTINED.wireName().equals(state);
    }
}
