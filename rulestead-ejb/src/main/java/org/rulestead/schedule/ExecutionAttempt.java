package org.rulestead.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One run of a scheduled execution and how it ended: completed, failed (to be retried) or quarantined. */
@Entity
@Table(name = "scheduled_execution_attempts")
@NamedQuery(
        name = "ExecutionAttempt.ofExecution",
        query = "select a from ExecutionAttempt a where a.execution.id = :execution order by a.attempt")
public class ExecutionAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "execution_id", nullable = false, updatable = false)
    private ScheduledExecution execution;

    @Column(nullable = false, updatable = false)
    private int attempt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ExecutionState state;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false, updatable = false)
    private Instant finishedAt;

    @Column(name = "failure_reason", updatable = false)
    private String failureReason;

    protected ExecutionAttempt() {}

    ExecutionAttempt(
            ScheduledExecution execution,
            int attempt,
            ExecutionState state,
            Instant startedAt,
            Instant finishedAt,
            String failureReason) {
        this.execution = execution;
        this.attempt = attempt;
        this.state = state;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.failureReason = failureReason;
    }

    ExecutionState state() {
        return state;
    }

    Map<String, Object> toMap() {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("attempt", this.attempt);
        attempt.put("state", state.wireName());
        attempt.put("started_at", startedAt.toString());
        attempt.put("finished_at", finishedAt.toString());
        attempt.put("failure_reason", failureReason);
        return attempt;
    }
}
