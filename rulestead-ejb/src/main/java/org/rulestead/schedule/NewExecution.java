package org.rulestead.schedule;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rulestead.governance.Actor;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.Route;

/**
 * A scheduled execution to create: the governed command, when, how it was authorized, why, by
 * whom, and the key that makes scheduling it twice return the first one.
 *
 * @param source what created it when it is automation ({@code guardrail_automation}), else null
 * @param ruleKey the rollout rule an automation tick is for, else null
 * @param approvedBy the approvers of a scheduled change request, by review time
 */
public record NewExecution(
        GovernedCommand command,
        Route.ExecutionMode mode,
        Instant scheduledFor,
        String reason,
        Map<String, Object> metadata,
        String source,
        String ruleKey,
        Long changeRequestId,
        String idempotencyKey,
        String correlationId,
        Actor scheduledBy,
        List<Map<String, Object>> approvedBy) {

    public NewExecution {
        Objects.requireNonNull(command, "command is required");
        Objects.requireNonNull(mode, "execution mode is required");
        Objects.requireNonNull(scheduledFor, "scheduled_for is required");
        Objects.requireNonNull(idempotencyKey, "idempotency key is required");
        Objects.requireNonNull(correlationId, "correlation id is required");
        Objects.requireNonNull(scheduledBy, "who schedules it is required");
        // JSON values, which may hold nulls
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
    }
}
