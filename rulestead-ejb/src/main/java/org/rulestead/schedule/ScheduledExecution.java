package org.rulestead.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rulestead.command.CommandRejected;
import org.rulestead.governance.Action;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.ResourceRef;
import org.rulestead.governance.Route;
import org.rulestead.json.JsonTrees;

/**
 * A governed command the scheduler runs when it falls due (spec §6.7), with every attempt at it
 * counted. It decides its own transitions: it runs only while scheduled, completes once, is
 * quarantined after {@link #MAX_ATTEMPTS} failed attempts, is cancelled only while pending, and
 * is requeued only from quarantine. Each arming of its timer gets a new token, so a timer from an
 * earlier arming finds nothing to run.
 */
@Entity
@Table(name = "scheduled_executions")
@NamedQuery(
        name = "ScheduledExecution.byKey",
        query = "select e from ScheduledExecution e where e.idempotencyKey = :key")
@NamedQuery(
        name = "ScheduledExecution.byTimer",
        query = "select e from ScheduledExecution e where e.timerToken = :token")
@NamedQuery(
        name = "ScheduledExecution.pendingOfRule",
        query = "select e from ScheduledExecution e where e.resourceKey = :flag and e.environmentKey = :environment"
                + " and e.ruleKey = :rule and e.state = org.rulestead.schedule.ExecutionState.SCHEDULED"
                + " and e.source = :source order by e.id")
@NamedQuery(
        name = "ScheduledExecution.pendingOfFlag",
        query = "select e from ScheduledExecution e where e.resourceKey = :flag and e.environmentKey = :environment"
                + " and e.state = org.rulestead.schedule.ExecutionState.SCHEDULED and e.source = :source"
                + " order by e.id")
public class ScheduledExecution {

    /** Attempts before an execution is quarantined and waits for an operator's requeue. */
    public static final int MAX_ATTEMPTS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "governed_action", nullable = false, updatable = false)
    private String action;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(name = "resource_type", nullable = false, updatable = false)
    private String resourceType;

    @Column(name = "resource_key", nullable = false, updatable = false)
    private String resourceKey;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    private String command;

    @Column(name = "execution_mode", nullable = false, updatable = false)
    private String executionMode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExecutionState state;

    @Column(name = "scheduled_for", nullable = false, updatable = false)
    private Instant scheduledFor;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    private String metadata;

    @Column(updatable = false)
    private String source;

    @Column(name = "rule_key", updatable = false)
    private String ruleKey;

    @Column(name = "change_request_id", updatable = false)
    private Long changeRequestId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(name = "correlation_id", nullable = false, updatable = false)
    private String correlationId;

    @Column(name = "scheduled_by_id", nullable = false, updatable = false)
    private String scheduledById;

    @Column(name = "scheduled_by_type", nullable = false, updatable = false)
    private String scheduledByType;

    @Column(name = "scheduled_by_display", updatable = false)
    private String scheduledByDisplay;

    @Column(name = "approved_by", nullable = false, updatable = false, length = 1_000_000)
    private String approvedBy;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Column(name = "executed_at")
    private Instant executedAt;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "execution_metadata", nullable = false, length = 1_000_000)
    private String executionMetadata;

    @Column(name = "timer_token")
    private String timerToken;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ScheduledExecution() {}

    ScheduledExecution(NewExecution execution, Instant at) {
        GovernedCommand governed = execution.command();
        this.action = governed.action().wireName();
        this.environmentKey = governed.environmentKey();
        this.resourceType = governed.resource().type();
        this.resourceKey = governed.resource().key();
        this.command = JsonTrees.write(governed.fields());
        this.executionMode = execution.mode().wireName();
        this.state = ExecutionState.SCHEDULED;
        this.scheduledFor = execution.scheduledFor();
        this.nextAttemptAt = execution.scheduledFor();
        this.reason = execution.reason();
        this.metadata = JsonTrees.write(execution.metadata());
        this.source = execution.source();
        this.ruleKey = execution.ruleKey();
        this.changeRequestId = execution.changeRequestId();
        this.idempotencyKey = execution.idempotencyKey();
        this.correlationId = execution.correlationId();
        this.scheduledById = execution.scheduledBy().id();
        this.scheduledByType = execution.scheduledBy().type().wireName();
        this.scheduledByDisplay = execution.scheduledBy().display();
        this.approvedBy = JsonTrees.write(execution.approvedBy());
        this.executionMetadata = JsonTrees.write(Map.of());
        this.createdAt = at;
        this.updatedAt = at;
    }

    public long id() {
        return id;
    }

    public ExecutionState state() {
        return state;
    }

    public String source() {
        return source;
    }

    public String ruleKey() {
        return ruleKey;
    }

    public Long changeRequestId() {
        return changeRequestId;
    }

    public String correlationId() {
        return correlationId;
    }

    public String environmentKey() {
        return environmentKey;
    }

    public ResourceRef resource() {
        return new ResourceRef(resourceType, resourceKey);
    }

    public int attemptCount() {
        return attemptCount;
    }

    public Route.ExecutionMode mode() {
        return Route.ExecutionMode.valueOf(executionMode.toUpperCase(java.util.Locale.ROOT));
    }

    /** The governed command it runs (for a tick, the stage it observes: spec §5.6's snapshot). */
    @SuppressWarnings("unchecked")
    public GovernedCommand command() {
        return new GovernedCommand(
                Action.valueOf(action.toUpperCase(java.util.Locale.ROOT)), resource(), environmentKey, (Map<
                                String, Object>)
                        JsonTrees.read(command));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        return (Map<String, Object>) JsonTrees.read(metadata);
    }

    String timerToken() {
        return timerToken;
    }

    /** A new token for the timer about to drive it; a timer holding an older token finds nothing. */
    String arm(Instant at) {
        nextAttemptAt = at;
        timerToken = UUID.randomUUID().toString();
        return timerToken;
    }

    /** Whether a firing of its timer should run it now; completed or stopped ones stay as they are. */
    boolean runnable() {
        return state == ExecutionState.SCHEDULED;
    }

    /** The attempt starting now: the next one. */
    int nextAttempt() {
        return attemptCount + 1;
    }

    /** It ran: completed for good, with what it did. */
    ExecutionAttempt complete(Map<String, Object> outcome, Instant startedAt, Instant at) {
        requireRunnable();
        attemptCount++;
        state = ExecutionState.COMPLETED;
        executedAt = at;
        failureReason = null;
        nextAttemptAt = null;
        timerToken = null;
        Map<String, Object> recorded = new LinkedHashMap<>(executionMetadata());
        recorded.putAll(outcome);
        recorded.put("transition", "completed");
        executionMetadata = JsonTrees.write(recorded);
        updatedAt = at;
        return new ExecutionAttempt(this, attemptCount, ExecutionState.COMPLETED, startedAt, at, null);
    }

    /**
     * An attempt failed with {@code failure} (a bounded code or a sentence): retried while
     * attempts remain, quarantined at the last.
     */
    ExecutionAttempt fail(String failure, Instant startedAt, Instant at) {
        requireRunnable();
        attemptCount++;
        failureReason = failure;
        updatedAt = at;
        timerToken = null;
        nextAttemptAt = null;
        if (attemptCount >= MAX_ATTEMPTS) {
            state = ExecutionState.QUARANTINED;
            return new ExecutionAttempt(this, attemptCount, ExecutionState.QUARANTINED, startedAt, at, failure);
        }
        return new ExecutionAttempt(this, attemptCount, ExecutionState.FAILED, startedAt, at, failure);
    }

    /** Stopped before it ran: only while pending. */
    void cancel(String why, Instant at) {
        if (!state.pending()) {
            throw stateConflict("only a scheduled execution can be cancelled");
        }
        state = ExecutionState.CANCELLED;
        failureReason = why;
        timerToken = null;
        nextAttemptAt = null;
        updatedAt = at;
    }

    /** Back from quarantine to run again, now. */
    void requeue(Instant at) {
        if (state != ExecutionState.QUARANTINED) {
            throw stateConflict("only a quarantined execution can be requeued");
        }
        state = ExecutionState.SCHEDULED;
        failureReason = null;
        updatedAt = at;
    }

    private void requireRunnable() {
        if (!runnable()) {
            throw stateConflict("the execution is " + state.wireName() + ", not scheduled");
        }
    }

    private CommandRejected stateConflict(String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scheduled_execution_id", id);
        details.put("state", state.wireName());
        return CommandRejected.conflict(message, details);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> executionMetadata() {
        return (Map<String, Object>) JsonTrees.read(executionMetadata);
    }

    /** It as callers see it, with {@code attempts} when they were read. */
    @SuppressWarnings("unchecked")
    ScheduledExecutionView view(List<ExecutionAttempt> attempts) {
        Map<String, Object> scheduledBy = new LinkedHashMap<>();
        scheduledBy.put("id", scheduledById);
        scheduledBy.put("type", scheduledByType);
        scheduledBy.put("display", scheduledByDisplay);
        return new ScheduledExecutionView(
                id,
                action,
                environmentKey,
                resourceType,
                resourceKey,
                (Map<String, Object>) JsonTrees.read(command),
                executionMode,
                state.wireName(),
                scheduledFor,
                nextAttemptAt,
                reason,
                metadata(),
                source,
                ruleKey,
                changeRequestId,
                idempotencyKey,
                correlationId,
                scheduledBy,
                (List<Map<String, Object>>) JsonTrees.read(approvedBy),
                attemptCount,
                executedAt,
                failureReason,
                executionMetadata(),
                createdAt,
                updatedAt,
                attempts == null
                        ? null
                        : attempts.stream().map(ExecutionAttempt::toMap).toList());
    }
}
