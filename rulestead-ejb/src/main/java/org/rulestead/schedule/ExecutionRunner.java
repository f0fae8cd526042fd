package org.rulestead.schedule;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.governance.Actor;
import org.rulestead.governance.GateOutcome;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.Route;
import org.rulestead.time.Now;

/**
 * Runs a due scheduled execution (spec §6.7) as the scheduler, each run in a transaction of its
 * own under a row lock on the execution: the governed change, the attempt, the execution's new
 * state and the audit event commit together, so a second firing of the same timer (a duplicate,
 * a catch-up after a restart) finds it completed and does nothing. A failed run rolls back whole;
 * {@link #recordFailure} then counts the attempt in another transaction and retries or quarantines.
 */
@Stateless
public class ExecutionRunner {

    static final String REASON = "scheduled execution due";

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private GovernanceGate gate;

    @Inject
    private ChangeRequestService changeRequests;

    @Inject
    @Any
    private Instance<ScheduledAutomation> automations;

    @Inject
    private ExecutionTimers timers;

    @Inject
    private ScheduleAudit audit;

    @Inject
    private Now now;

    /** How long a failed attempt waits before the next one (server variable rulestead.schedule.retry.seconds). */
    @Resource(lookup = "rulestead/schedule/retrySeconds")
    private Object retrySeconds;

    /** Runs the execution whose timer holds {@code token}, if it is still due to run. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void run(String token, Instant startedAt) {
        Optional<ScheduledExecution> due = locked(token);
        if (due.isEmpty() || !due.get().runnable()) {
            return;
        }
        ScheduledExecution execution = due.get();
        CommandContext context = contextOf(execution);
        Map<String, Object> outcome = dispatch(execution, context);
        entityManager.persist(execution.complete(outcome, startedAt, now.instant()));
        entityManager.flush();
        ScheduledExecutionView view = execution.view(null);
        Object explained = outcome.get("explanation");
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("outcome", outcome.get("outcome"));
        if (outcome.get("change_request_id") != null) {
            extra.put("change_request_id", outcome.get("change_request_id"));
        }
        audit.record(
                "succeeded",
                view,
                Actor.SCHEDULER,
                context,
                "execute",
                explained instanceof String sentence
                        ? sentence
                        : "Ran the scheduled " + ScheduleAudit.what(view) + " (attempt " + view.attemptCount() + ").",
                extra);
    }

    /**
     * Counts a failed attempt at the execution whose timer holds {@code token}: another attempt
     * after the retry delay while attempts remain, quarantine after the last. Audited as
     * {@code scheduled_execution.failed} or {@code .quarantined}, each with why.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String token, String failure, Instant startedAt) {
        Optional<ScheduledExecution> due = locked(token);
        if (due.isEmpty() || !due.get().runnable()) {
            return;
        }
        ScheduledExecution execution = due.get();
        CommandContext context = contextOf(execution);
        Instant at = now.instant();
        ExecutionAttempt attempt = execution.fail(failure, startedAt, at);
        entityManager.persist(attempt);
        Instant retryAt = null;
        if (attempt.state() == ExecutionState.FAILED) {
            retryAt = at.plus(retryDelay());
            String next = execution.arm(retryAt);
            timers.arm(next, retryAt);
        }
        entityManager.flush();
        ScheduledExecutionView view = execution.view(null);
        String what = ScheduleAudit.what(view);
        if (retryAt == null) {
            audit.record(
                    "quarantined",
                    view,
                    Actor.SCHEDULER,
                    context,
                    "execute",
                    "The scheduled " + what + " failed " + view.attemptCount() + " times (" + failure
                            + ") and is quarantined: requeue it to try again.",
                    Map.of());
        } else {
            audit.record(
                    "failed",
                    view,
                    Actor.SCHEDULER,
                    context,
                    "execute",
                    "The scheduled " + what + " failed (" + failure + "): attempt " + view.attemptCount() + " of "
                            + ScheduledExecution.MAX_ATTEMPTS + ", the next at " + retryAt + ".",
                    Map.of("next_attempt_at", retryAt.toString()));
        }
    }

    /** What the execution does: its change request, its automation, or its governed command. */
    private Map<String, Object> dispatch(ScheduledExecution execution, CommandContext context) {
        String id = String.valueOf(execution.id());
        Map<String, Object> outcome = new LinkedHashMap<>();
        if (execution.changeRequestId() != null) {
            changeRequests.executeScheduled(
                    execution.changeRequestId(),
                    new Route.Scheduled(
                            id,
                            Route.ExecutionMode.CHANGE_REQUEST,
                            execution.changeRequestId(),
                            execution.correlationId()),
                    context);
            outcome.put("outcome", "executed");
            outcome.put("change_request_id", execution.changeRequestId());
            return outcome;
        }
        if (execution.source() != null) {
            ScheduledAutomation automation = automations.stream()
                    .filter(candidate -> candidate.source().equals(execution.source()))
                    .findFirst()
                    .orElseThrow(() -> CommandRejected.conflict(
                            "no automation runs executions of source " + execution.source(),
                            Map.of("scheduled_execution_id", execution.id())));
            return automation.run(new DueExecution(
                    execution.id(), execution.command(), execution.metadata(), execution.nextAttempt(), context));
        }
        GateOutcome<?> applied = gate.pass(
                Actor.SCHEDULER,
                execution.command(),
                new Route.Scheduled(id, execution.mode(), null, execution.correlationId()),
                context);
        if (applied instanceof GateOutcome.ChangeRequestRequired<?>) {
            // policy_bypass: governance now wants a change request here (the environment became protected)
            throw CommandRejected.conflict("change_request_required", Map.of("scheduled_execution_id", execution.id()));
        }
        outcome.put("outcome", "applied");
        return outcome;
    }

    private Optional<ScheduledExecution> locked(String token) {
        return entityManager
                .createNamedQuery("ScheduledExecution.byTimer", ScheduledExecution.class)
                .setParameter("token", token)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .findFirst();
    }

    private static CommandContext contextOf(ScheduledExecution execution) {
        return new CommandContext(REASON, execution.correlationId(), "scheduler");
    }

    private Duration retryDelay() {
        long seconds = retrySeconds == null
                ? 60
                : Long.parseLong(String.valueOf(retrySeconds).trim());
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
