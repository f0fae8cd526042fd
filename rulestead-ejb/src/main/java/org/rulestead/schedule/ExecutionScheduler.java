package org.rulestead.schedule;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.governance.Actor;
import org.rulestead.time.Now;

/**
 * Creates and stops scheduled executions in the caller's transaction, for the operator's service
 * and for automation (auto-advance ticks): the row, its timer and its audit event commit or roll
 * back together. Nothing here authorizes: callers have.
 */
@Dependent
public class ExecutionScheduler {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    private final ExecutionTimers timers;
    private final ScheduleAudit audit;
    private final Now now;

    @Inject
    public ExecutionScheduler(ExecutionTimers timers, ScheduleAudit audit, Now now) {
        this.timers = timers;
        this.audit = audit;
        this.now = now;
    }

    /**
     * Schedules {@code execution}, or answers the one its idempotency key already has ({@link
     * #replay}). Audited as {@code scheduled_execution.scheduled}.
     */
    public ScheduledExecutionView schedule(NewExecution execution, CommandContext context) {
        Optional<ScheduledExecutionView> replayed = replay(execution.idempotencyKey());
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Instant at = now.instant();
        ScheduledExecution created = new ScheduledExecution(execution, at);
        String token = created.arm(execution.scheduledFor());
        entityManager.persist(created);
        try {
            entityManager.flush();
        } catch (PersistenceException raced) {
            // another transaction scheduled the same key between our read and our insert
            throw CommandRejected.conflict(
                    "scheduled execution already exists for this idempotency key",
                    Map.of("idempotency_key", execution.idempotencyKey()));
        }
        timers.arm(token, execution.scheduledFor());
        ScheduledExecutionView view = created.view(null);
        audit.record(
                "scheduled",
                view,
                execution.scheduledBy(),
                context,
                "scheduled",
                "Scheduled " + ScheduleAudit.what(view) + " for " + view.scheduledFor() + " (" + view.executionMode()
                        + ").",
                Map.of());
        return view;
    }

    /**
     * Cancels every pending execution of {@code source} for the rollout rule {@code ruleKey} of a
     * flag in an environment (every rule, when null), but {@code except} (the one running now),
     * as the scheduler, with {@code why}: a newer stage or a publish has superseded them.
     */
    public List<Long> cancelPending(
            String flagKey,
            String environmentKey,
            String ruleKey,
            String source,
            Long except,
            String why,
            CommandContext context) {
        List<ScheduledExecution> pending = (ruleKey == null
                        ? entityManager.createNamedQuery("ScheduledExecution.pendingOfFlag", ScheduledExecution.class)
                        : entityManager
                                .createNamedQuery("ScheduledExecution.pendingOfRule", ScheduledExecution.class)
                                .setParameter("rule", ruleKey))
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .setParameter("source", source)
                .getResultList();
        List<Long> cancelled = new java.util.ArrayList<>();
        CommandContext cancelling = context.withReason(why);
        for (ScheduledExecution execution : pending) {
            if (except != null && execution.id() == except) {
                continue;
            }
            cancel(execution, Actor.SCHEDULER, cancelling, false);
            cancelled.add(execution.id());
        }
        return cancelled;
    }

    /**
     * Cancels {@code execution} as {@code actor}: it will not run. An operator's cancel also stops
     * its timer; automation leaves the timer to fire on a token nobody holds (it may be firing).
     */
    void cancel(ScheduledExecution execution, Actor actor, CommandContext context, boolean disarm) {
        String token = execution.timerToken();
        execution.cancel(context.reason(), now.instant());
        entityManager.flush();
        if (disarm && token != null) {
            timers.disarm(token);
        }
        ScheduledExecutionView view = execution.view(null);
        audit.record(
                "cancelled",
                view,
                actor,
                context,
                "cancelled",
                "Cancelled the scheduled " + ScheduleAudit.what(view) + ": " + context.reason() + ".",
                Map.of());
    }

    /** Requeues a quarantined execution to run now, as {@code actor}. */
    void requeue(ScheduledExecution execution, Actor actor, CommandContext context) {
        Instant at = now.instant();
        execution.requeue(at);
        String token = execution.arm(at);
        entityManager.flush();
        timers.arm(token, at);
        ScheduledExecutionView view = execution.view(null);
        audit.record(
                "requeued",
                view,
                actor,
                context,
                "requeued",
                "Requeued the scheduled " + ScheduleAudit.what(view) + " after quarantine: it runs again now.",
                Map.of());
    }

    /** When the next pending execution of {@code source} for the rollout rule runs, if one is pending. */
    public Optional<Instant> nextRun(String flagKey, String environmentKey, String ruleKey, String source) {
        return entityManager
                .createNamedQuery("ScheduledExecution.pendingOfRule", ScheduledExecution.class)
                .setParameter("flag", flagKey)
                .setParameter("environment", environmentKey)
                .setParameter("rule", ruleKey)
                .setParameter("source", source)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(execution -> execution.view(null).nextAttemptAt());
    }

    /**
     * The execution already scheduled, running or completed under {@code key}, which a retried
     * request answers unchanged; one cancelled or quarantined under it is a 409 (requeue it, or
     * schedule under another key); empty when the key is new.
     */
    public Optional<ScheduledExecutionView> replay(String key) {
        Optional<ScheduledExecution> existing = byKey(key);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        ScheduledExecution found = existing.get();
        if (found.state().pending() || found.state() == ExecutionState.COMPLETED) {
            return Optional.of(found.view(null));
        }
        throw CommandRejected.conflict(
                "scheduled execution already exists for this idempotency key",
                Map.of(
                        "scheduled_execution_id", found.id(),
                        "state", found.state().wireName(),
                        "idempotency_key", key));
    }

    private Optional<ScheduledExecution> byKey(String key) {
        return entityManager
                .createNamedQuery("ScheduledExecution.byKey", ScheduledExecution.class)
                .setParameter("key", key)
                .getResultList()
                .stream()
                .findFirst();
    }
}
