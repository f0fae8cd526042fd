package org.rulestead.governance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a governed command reaches the gate (spec §6.4, §6.6, §6.7). */
public sealed interface Route {

    /** Applied at once by whoever asks, if governance requires no change request of them. */
    record Direct() implements Route {}

    /** Executing an approved change request: its approvals are the governance. */
    record ChangeRequest(long changeRequestId, String correlationId) implements Route {
        public ChangeRequest {
            Objects.requireNonNull(correlationId, "correlation id is required");
        }
    }

    /**
     * Run by the scheduler when it falls due: an approved change request, or a direct action
     * scheduled with {@code policy_bypass} (governance asked again now) or {@code emergency_bypass}
     * (authorized, with reasons, when it was scheduled). {@code provenance} is what the applied
     * change's audit row carries about the automation behind it ({@code source}, {@code eligibility}).
     */
    record Scheduled(
            String scheduledExecutionId,
            ExecutionMode mode,
            Long changeRequestId,
            String correlationId,
            Map<String, Object> provenance)
            implements Route {
        public Scheduled {
            Objects.requireNonNull(scheduledExecutionId, "scheduled execution id is required");
            Objects.requireNonNull(mode, "execution mode is required");
            Objects.requireNonNull(correlationId, "correlation id is required");
            if ((mode == ExecutionMode.CHANGE_REQUEST) != (changeRequestId != null)) {
                throw new IllegalArgumentException(
                        "a change_request execution, and only one, names its change request");
            }
            // JSON values, which may hold nulls
            provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        }

        public Scheduled(String scheduledExecutionId, ExecutionMode mode, Long changeRequestId, String correlationId) {
            this(scheduledExecutionId, mode, changeRequestId, correlationId, Map.of());
        }
    }

    /** How a scheduled execution was authorized (spec §6.7). */
    enum ExecutionMode {
        CHANGE_REQUEST,
        POLICY_BYPASS,
        EMERGENCY_BYPASS;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    Route DIRECT = new Direct();
}
