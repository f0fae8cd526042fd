package org.rulestead.schedule;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.changerequests.ApprovalView;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestStatus;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.changerequests.Decision;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagStore;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.EnvironmentScope;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedAction;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.ResourceRef;
import org.rulestead.governance.Route;
import org.rulestead.guardrail.SignalFacts;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

/**
 * Scheduled executions for operators (spec §6.7): schedule an approved change request, or a
 * governed action directly with {@code policy_bypass} or {@code emergency_bypass}; list and read
 * them with their attempts; cancel one that has not run; requeue one in quarantine. Each step is
 * authorized before the request is checked, and audited.
 */
@Stateless
public class ScheduledExecutionService {

    static final String SCHEDULED = "scheduled_execution.scheduled";

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private ChangeRequestService changeRequests;

    @Inject
    private GovernanceGate gate;

    @Inject
    private FlagStore flags;

    @Inject
    private ExecutionScheduler scheduler;

    @Inject
    private Now now;

    /**
     * Schedules the approved change request {@code id} to execute at {@code scheduled_for} (spec
     * §6.7 path 1): whoever may execute it may schedule it. Its command, approvals and correlation
     * id are copied; scheduling it again returns the same execution.
     */
    public ScheduledExecutionView scheduleChangeRequest(long id, Map<String, Object> fields, CommandContext context) {
        ChangeRequestView request = changeRequests.view(id);
        ResourceRef resource = new ResourceRef(request.resourceType(), request.resourceKey());
        Actor actor = authorization.require(
                Action.EXECUTE_CHANGE_REQUEST, resource, request.environmentKey(), new Attempt(SCHEDULED, context));
        List<Finding> findings = new ArrayList<>();
        Instant scheduledFor = futureInstant(fields.get("scheduled_for"), findings);
        if (!findings.isEmpty()) {
            throw CommandRejected.invalid("the schedule is invalid", findings);
        }
        context.requireReason();
        String idempotencyKey = "scheduled_execution:change_request:" + id;
        Optional<ScheduledExecutionView> replayed = scheduler.replay(idempotencyKey);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        if (request.status() != ChangeRequestStatus.APPROVED) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("change_request_id", id);
            details.put("status", request.status().name().toLowerCase(java.util.Locale.ROOT));
            throw CommandRejected.conflict("only an approved change request can be scheduled", details);
        }
        GovernedCommand command = new GovernedCommand(
                Action.valueOf(request.action().toUpperCase(java.util.Locale.ROOT)),
                resource,
                request.environmentKey(),
                request.command());
        return scheduler.schedule(
                new NewExecution(
                        command,
                        Route.ExecutionMode.CHANGE_REQUEST,
                        scheduledFor,
                        context.reason(),
                        context.metadata(),
                        null,
                        null,
                        id,
                        idempotencyKey,
                        request.correlationId(),
                        actor,
                        approvers(request)),
                context);
    }

    /**
     * Schedules a governed action directly (spec §6.7 path 2): {@code action}, {@code
     * environment_key}, {@code resource_type} ({@code flag}), {@code resource_key}, {@code command},
     * {@code scheduled_for}, {@code execution_mode} and an optional {@code idempotency_key}.
     * {@code policy_bypass} needs what applying it now would (no change request required here);
     * {@code emergency_bypass} needs the action's capability, a reason and {@code
     * metadata.emergency_reason}. The action is authorized before the body is checked.
     */
    public ScheduledExecutionView scheduleAction(Map<String, Object> fields, CommandContext context) {
        String environmentKey = text(fields.get("environment_key"));
        String flagKey = text(fields.get("resource_key"));
        ResourceRef resource = ResourceRef.flag(flagKey == null ? "*" : flagKey);
        Attempt attempt = new Attempt(SCHEDULED, context);
        Actor actor = authorization.require(Action.CREATE_SCHEDULE, resource, environmentKey, attempt);
        List<Finding> findings = new ArrayList<>();
        GovernedAction<?> action = governedAction(fields.get("action"), findings);
        Route.ExecutionMode mode = directMode(fields.get("execution_mode"), findings);
        if (action != null && environmentKey != null) {
            // the action itself is authorized before the rest of the body is looked at (decisions 18)
            authorizeAction(actor, action, mode, resource, environmentKey, attempt);
        }
        if (environmentKey == null) {
            findings.add(new Finding("environment_key", "is required"));
        }
        if (!"flag".equals(fields.get("resource_type"))) {
            findings.add(new Finding("resource_type", "must be flag"));
        }
        if (flagKey == null) {
            findings.add(new Finding("resource_key", "is required: the flag's key"));
        }
        if (!(fields.get("command") instanceof Map<?, ?>)) {
            findings.add(new Finding("command", "is required: the action's fields, an object (e.g. {\"version\": 3})"));
        }
        Instant scheduledFor = futureInstant(fields.get("scheduled_for"), findings);
        Object key = fields.get("idempotency_key");
        if (key != null && (!(key instanceof String text) || text.isBlank() || text.length() > 512)) {
            findings.add(new Finding("idempotency_key", "must be a non-blank string of at most 512 characters"));
        }
        if (!findings.isEmpty()) {
            throw CommandRejected.invalid("the scheduled execution is invalid", findings);
        }
        if (mode == Route.ExecutionMode.EMERGENCY_BYPASS) {
            requireEmergencyReasons(context);
        }
        context.requireReason();
        String idempotencyKey = key == null ? "scheduled_execution:" + context.correlationId() : (String) key;
        // a retried request answers what it made, even once the command could no longer apply
        Optional<ScheduledExecutionView> replayed = scheduler.replay(idempotencyKey);
        if (replayed.isPresent()) {
            return replayed.get();
        }
        flags.in(flags.changeableFlag(flagKey), environmentKey);
        @SuppressWarnings("unchecked")
        GovernedCommand command = new GovernedCommand(
                action.action(), resource, environmentKey, (Map<String, Object>) fields.get("command"));
        gate.check(command, "command.");
        return scheduler.schedule(
                new NewExecution(
                        command,
                        mode,
                        scheduledFor,
                        context.reason(),
                        context.metadata(),
                        null,
                        null,
                        null,
                        idempotencyKey,
                        context.correlationId(),
                        actor,
                        List.of()),
                context);
    }

    /**
     * May {@code actor} schedule {@code action} by {@code mode} here? {@code policy_bypass} asks
     * what applying it now would, change request requirement included, for every action (the
     * scheduler asks the same again when it runs: a kill switch in a protected environment is
     * scheduled with {@code emergency_bypass}); {@code emergency_bypass}, or a mode that is none,
     * the action's capability.
     */
    private void authorizeAction(
            Actor actor,
            GovernedAction<?> action,
            Route.ExecutionMode mode,
            ResourceRef resource,
            String environmentKey,
            Attempt attempt) {
        if (mode == Route.ExecutionMode.POLICY_BYPASS) {
            authorization.requireDirect(actor, action.action(), resource, environmentKey, attempt);
        } else {
            authorization.require(actor, action.action(), resource, environmentKey, attempt);
        }
    }

    /** One page of executions, newest first, filtered and paged by the database. */
    public ScheduledExecutionList list(ScheduleQuery query) {
        StringBuilder jpql = new StringBuilder("select e from ScheduledExecution e where e.id is not null");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.environmentKey() != null) {
            authorization.require(Action.READ_SCHEDULES, ResourceRef.flag("*"), query.environmentKey());
            jpql.append(" and e.environmentKey = :environment");
            parameters.put("environment", query.environmentKey());
        } else {
            List<String> readable = readableEnvironments();
            if (readable != null) {
                // outside the caller's environments: nothing to show
                jpql.append(readable.isEmpty() ? " and 1 = 0" : " and e.environmentKey in :readable");
                if (!readable.isEmpty()) {
                    parameters.put("readable", readable);
                }
            }
        }
        if (query.state() != null) {
            jpql.append(" and e.state = :state");
            parameters.put("state", query.state());
        }
        if (query.before() != null) {
            jpql.append(" and e.id < :before");
            parameters.put("before", query.before());
        }
        TypedQuery<ScheduledExecution> typed =
                entityManager.createQuery(jpql + " order by e.id desc", ScheduledExecution.class);
        parameters.forEach(typed::setParameter);
        List<ScheduledExecution> page = typed.setMaxResults(query.limit() + 1).getResultList();
        boolean more = page.size() > query.limit();
        List<ScheduledExecutionView> items = page.subList(0, Math.min(page.size(), query.limit())).stream()
                .map(execution -> execution.view(null))
                .toList();
        return new ScheduledExecutionList(
                items, more ? items.get(items.size() - 1).id() : null);
    }

    /** The execution with every attempt at it, oldest first. */
    public ScheduledExecutionView get(long id) {
        ScheduledExecution execution = find(id);
        authorization.require(Action.READ_SCHEDULES, execution.resource(), execution.environmentKey());
        return execution.view(entityManager
                .createNamedQuery("ExecutionAttempt.ofExecution", ExecutionAttempt.class)
                .setParameter("execution", id)
                .getResultList());
    }

    /** Cancels an execution that has not run yet; anything else is a 409. A reason is required. */
    public ScheduledExecutionView cancel(long id, CommandContext context) {
        ScheduledExecution execution = find(id);
        Actor actor = authorization.require(
                Action.CANCEL_SCHEDULE,
                execution.resource(),
                execution.environmentKey(),
                new Attempt("scheduled_execution.cancelled", context));
        context.requireReason();
        scheduler.cancel(execution, actor, context, true);
        return get(id);
    }

    /** Requeues a quarantined execution for one more attempt, now; anything else is a 409. */
    public ScheduledExecutionView requeue(long id, CommandContext context) {
        ScheduledExecution execution = find(id);
        Actor actor = authorization.require(
                Action.REQUEUE_SCHEDULE,
                execution.resource(),
                execution.environmentKey(),
                new Attempt("scheduled_execution.requeued", context));
        context.requireReason();
        scheduler.requeue(execution, actor, context);
        return get(id);
    }

    private ScheduledExecution find(long id) {
        ScheduledExecution execution = entityManager.find(ScheduledExecution.class, id);
        if (execution == null) {
            throw CommandRejected.notFound("scheduled execution was not found", Map.of("scheduled_execution_id", id));
        }
        return execution;
    }

    /** The environments the caller may read executions in, or null when that is every one. */
    private List<String> readableEnvironments() {
        EnvironmentScope scope = authorization.requireAcross(Action.READ_SCHEDULES, ResourceRef.flag("*"));
        List<String> environments = entityManager
                .createQuery("select e.key from Environment e", String.class)
                .getResultList();
        return scope.narrowing(environments);
    }

    private GovernedAction<?> governedAction(Object name, List<Finding> findings) {
        GovernedAction<?> action = name instanceof String text ? gate.find(text).orElse(null) : null;
        if (action == null) {
            List<String> names =
                    gate.governedActions().stream().map(Action::wireName).toList();
            findings.add(new Finding(
                    "action",
                    "scheduled direct actions are limited to publish, rollout, and kill-switch operations ("
                            + String.join(", ", names) + ")"));
        }
        return action;
    }

    private static Route.ExecutionMode directMode(Object value, List<Finding> findings) {
        if (Route.ExecutionMode.POLICY_BYPASS.wireName().equals(value)) {
            return Route.ExecutionMode.POLICY_BYPASS;
        }
        if (Route.ExecutionMode.EMERGENCY_BYPASS.wireName().equals(value)) {
            return Route.ExecutionMode.EMERGENCY_BYPASS;
        }
        findings.add(
                new Finding("execution_mode", "direct scheduled actions must use policy_bypass or emergency_bypass"));
        return null;
    }

    private static void requireEmergencyReasons(CommandContext context) {
        List<Finding> missing = new ArrayList<>();
        if (context.reason() == null) {
            missing.add(new Finding("reason", "emergency_bypass requires an explicit operator reason"));
        }
        if (text(context.metadata().get("emergency_reason")) == null) {
            missing.add(new Finding(
                    "metadata.emergency_reason", "emergency_bypass requires metadata[\"emergency_reason\"]"));
        }
        if (!missing.isEmpty()) {
            throw CommandRejected.invalid("the emergency is not explained", missing);
        }
    }

    /** An ISO-8601 instant after now, or a finding at {@code scheduled_for}. */
    private Instant futureInstant(Object value, List<Finding> findings) {
        Instant at = value == null ? null : SignalFacts.instant(value);
        if (at == null) {
            findings.add(new Finding("scheduled_for", "is required: an ISO-8601 instant, e.g. 2026-12-04T12:00:00Z"));
            return null;
        }
        if (!at.isAfter(now.instant())) {
            findings.add(new Finding("scheduled_for", "must be in the future (got " + at + ")"));
            return null;
        }
        return at;
    }

    /** The request's approvers, by review time, as the execution keeps them. */
    private static List<Map<String, Object>> approvers(ChangeRequestView request) {
        return request.approvals().stream()
                .filter(approval -> approval.current() && approval.decision() == Decision.APPROVED)
                .sorted(Comparator.comparing(ApprovalView::reviewedAt))
                .map(approval -> {
                    Map<String, Object> approver = new LinkedHashMap<>();
                    approver.put("id", approval.reviewerId());
                    approver.put("display", approval.reviewerDisplay());
                    approver.put("reviewed_at", approval.reviewedAt().toString());
                    return approver;
                })
                .toList();
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.trim() : null;
    }
}
