package org.rulestead.changerequests;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditOutcome;
import org.rulestead.audit.AuditRecord;
import org.rulestead.audit.AuditTrail;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;
import org.rulestead.command.StoreFailure;
import org.rulestead.flags.Flag;
import org.rulestead.flags.FlagStore;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.ActorType;
import org.rulestead.governance.ApprovalRequirement;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.EnvironmentScope;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedAction;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.GovernedPreview;
import org.rulestead.governance.ResourceRef;
import org.rulestead.governance.Route;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

/**
 * The change request workflow (spec §6.5): submit, revise, approve, reject, cancel, execute. Every
 * step is authorized, checks the state it starts from, and writes its audit event, all under the
 * request's one correlation id. Executing applies the governed action in the same transaction.
 */
@Stateless
public class ChangeRequestService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private FlagStore flags;

    @Inject
    private AuditLog auditLog;

    @Inject
    private AuditTrail auditTrail;

    @Inject
    private GovernanceGate gate;

    @Inject
    private Now now;

    /**
     * Proposes {@code command} for {@code action} on a flag in an environment. The caller is
     * authorized first; then the proposal must be complete and its targets must exist (the flag
     * there, the draft to publish: 422 naming the field), so nothing is approved that could never
     * execute.
     */
    public ChangeRequestView submit(Proposal proposal, CommandContext context) {
        ResourceRef resource = new ResourceRef(
                proposal.resourceType() == null ? "flag" : proposal.resourceType(),
                proposal.resourceKey() == null ? "*" : proposal.resourceKey());
        Actor actor = authorization.require(
                Action.SUBMIT_CHANGE_REQUEST,
                resource,
                proposal.environmentKey(),
                new Attempt("change_request.submitted", context));
        return submitted(actor, resource, proposal, context);
    }

    /**
     * Proposes {@code command} as a system actor (an auto-advance tick in a protected environment,
     * spec §5.6): not asked for capabilities, since the person who set the automation up was, but
     * checked and audited like any proposal, and approved by people like any other.
     */
    public ChangeRequestView submitAsSystem(Actor system, Proposal proposal, CommandContext context) {
        if (system.type() != ActorType.SYSTEM) {
            throw new IllegalArgumentException("only a system actor submits without a capability check");
        }
        ResourceRef resource = new ResourceRef(
                proposal.resourceType() == null ? "flag" : proposal.resourceType(),
                proposal.resourceKey() == null ? "*" : proposal.resourceKey());
        return submitted(system, resource, proposal, context);
    }

    private ChangeRequestView submitted(Actor actor, ResourceRef resource, Proposal proposal, CommandContext context) {
        requireComplete(proposal);
        context.requireReason();
        Action action = executable(proposal.action());
        requireTarget(proposal.resourceKey(), proposal.environmentKey());
        gate.check(new GovernedCommand(action, resource, proposal.environmentKey(), proposal.command()), "command.");
        ApprovalRequirement requirement = authorization.requirement(actor, action, resource, proposal.environmentKey());
        ChangeRequest request = new ChangeRequest(
                action,
                proposal.environmentKey(),
                proposal.resourceType(),
                proposal.resourceKey(),
                actor,
                context.reason(),
                proposal.command(),
                requirement,
                context.correlationId(),
                now.instant());
        entityManager.persist(request);
        flushUnlessCorrelationTaken(context.correlationId());
        Map<String, Object> metadata = metadata(request, "submitted");
        metadata.put("approval_requirement", requirement.toMap());
        metadata.put("fingerprint", request.fingerprint());
        audit(request, "change_request.submitted", actor, context.reason(), metadata);
        return request.view();
    }

    /**
     * Replaces the proposal's command; every earlier approval stops counting. Only its submitter
     * may; {@code read} is the request's {@code version} as they read it (required; stale is 409).
     */
    public ChangeRequestView revise(long id, Map<String, Object> command, ReadVersion read, CommandContext context) {
        ChangeRequest request = find(id);
        Actor actor = authorize(request, Transition.REVISE, context);
        context.requireReason();
        read.check(request.view().lockVersion(), "change request", Map.of("change_request_id", request.id()));
        requireAllowed(request, Transition.REVISE, actor);
        requireTarget(request.resourceKey(), request.environmentKey());
        gate.check(commandOf(request, command), "command.");
        long clearedApprovals = request.currentApprovals();
        String previous = request.revise(actor, command, context.reason());
        entityManager.flush();
        Map<String, Object> metadata = metadata(request, "revised");
        metadata.put("previous_fingerprint", previous);
        metadata.put("fingerprint", request.fingerprint());
        metadata.put("approvals_cleared", clearedApprovals);
        audit(request, "change_request.revised", actor, context.reason(), metadata);
        return request.view();
    }

    /**
     * Approves as the current operator: refused to the submitter where self-approval is not
     * allowed (four-eyes), and to a reviewer who already decided on this version.
     */
    public ChangeRequestView approve(long id, CommandContext context) {
        ChangeRequest request = find(id);
        Actor actor = authorize(request, Transition.APPROVE, context);
        context.requireReason();
        requireAllowed(request, Transition.APPROVE, actor);
        Approval approval = request.approve(actor, context.reason(), now.instant());
        entityManager.flush();
        Map<String, Object> metadata = metadata(request, "approved");
        metadata.put("approval_id", approval.id());
        metadata.put("fingerprint", request.fingerprint());
        audit(request, "change_request.approved", actor, context.reason(), metadata);
        return request.view();
    }

    public ChangeRequestView reject(long id, CommandContext context) {
        ChangeRequest request = find(id);
        Actor actor = authorize(request, Transition.REJECT, context);
        context.requireReason();
        requireAllowed(request, Transition.REJECT, actor);
        Approval rejection = request.reject(actor, context.reason(), now.instant());
        entityManager.flush();
        Map<String, Object> metadata = metadata(request, "rejected");
        metadata.put("approval_id", rejection.id());
        audit(request, "change_request.rejected", actor, context.reason(), metadata);
        return request.view();
    }

    /** Withdraws the request: its submitter may, and so may whoever may reject it. */
    public ChangeRequestView cancel(long id, CommandContext context) {
        ChangeRequest request = find(id);
        Actor actor = authorize(request, Transition.CANCEL, context);
        context.requireReason();
        requireAllowed(request, Transition.CANCEL, actor);
        request.cancel(actor, now.instant());
        entityManager.flush();
        audit(request, "change_request.cancelled", actor, context.reason(), metadata(request, "cancelled"));
        return request.view();
    }

    /**
     * Applies the approved change as the executor, with its audit, in this transaction; if the
     * change cannot be applied nothing is, and the request stays approved.
     */
    public ChangeRequestView execute(long id, CommandContext context) {
        ChangeRequest request = find(id);
        Actor actor = authorize(request, Transition.EXECUTE, context);
        context.requireReason();
        requireAllowed(request, Transition.EXECUTE, actor);
        gate.pass(
                actor,
                commandOf(request, request.command()),
                new Route.ChangeRequest(request.id(), request.correlationId()),
                context);
        Instant at = now.instant();
        request.executed(actor, at);
        entityManager.flush();
        audit(request, "change_request.merged", actor, context.reason(), metadata(request, "merged"));
        return request.view();
    }

    /**
     * Executes the approved request as the scheduler (spec §6.7), by the route of its scheduled
     * execution: whoever scheduled it was authorized to execute it then. Marks it executed with
     * its {@code change_request.merged} event (PD-4); a request no longer approved is a 409, and
     * nothing is applied.
     */
    public ChangeRequestView executeScheduled(long id, Route.Scheduled route, CommandContext context) {
        if (route.changeRequestId() == null || route.changeRequestId() != id) {
            throw new IllegalArgumentException("the route executes another change request");
        }
        ChangeRequest request = find(id);
        requireAllowed(request, Transition.EXECUTE, Actor.SCHEDULER);
        gate.pass(Actor.SCHEDULER, commandOf(request, request.command()), route, context);
        request.executed(Actor.SCHEDULER, now.instant());
        entityManager.flush();
        Map<String, Object> metadata = metadata(request, "merged");
        metadata.put("scheduled_execution_id", route.scheduledExecutionId());
        metadata.put("executed_by", "scheduler");
        audit(request, "change_request.merged", Actor.SCHEDULER, context.reason(), metadata);
        return request.view();
    }

    /** The request as it stands, for a service that authorizes its own use of it (scheduling it). */
    public ChangeRequestView view(long id) {
        return find(id).view();
    }

    /**
     * The requests the query asks for, newest first, one page: filtered and paged by the database
     * (one index range per filter, read newest first to the page's end), with their decisions read
     * in one more query.
     */
    public ChangeRequestList list(ChangeRequestQuery query) {
        Query ids = where(query, readable(query), "select c.id", " order by c.id desc");
        List<Long> page = ((List<?>) ids.setMaxResults(query.limit() + 1).getResultList())
                .stream().map(id -> ((Number) id).longValue()).toList();
        boolean more = page.size() > query.limit();
        List<Long> shown = page.subList(0, Math.min(page.size(), query.limit()));
        if (shown.isEmpty()) {
            return new ChangeRequestList(List.of(), null);
        }
        List<ChangeRequestView> items = entityManager
                .createNamedQuery("ChangeRequest.withApprovals", ChangeRequest.class)
                .setParameter("ids", shown)
                .getResultList()
                .stream()
                .map(ChangeRequest::view)
                .toList();
        return new ChangeRequestList(items, more ? shown.get(shown.size() - 1) : null);
    }

    /** How many requests the query matches (the overview's count of those awaiting review). */
    public long count(ChangeRequestQuery query) {
        return ((Number) where(query, readable(query), "select count(*)", "").getSingleResult()).longValue();
    }

    /**
     * The environments the caller may read the query's requests in: the one it names (or a
     * refusal), or across environments those the caller holds a role in; null when that is all.
     */
    private List<String> readable(ChangeRequestQuery query) {
        if (query.environmentKey() != null) {
            authorization.require(Action.READ_CHANGE_REQUESTS, ResourceRef.flag("*"), query.environmentKey());
            return null;
        }
        EnvironmentScope scope = authorization.requireAcross(Action.READ_CHANGE_REQUESTS, ResourceRef.flag("*"));
        List<String> environments = entityManager
                .createQuery("select e.key from Environment e", String.class)
                .getResultList();
        return scope.narrowing(environments);
    }

    /**
     * The query's rows, in SQL that names the index reading them newest first (Derby's optimizer
     * misjudges these; PostgreSQL reads the {@code --DERBY-PROPERTIES} line as a comment).
     */
    private Query where(ChangeRequestQuery query, List<String> environments, String select, String order) {
        StringBuilder sql = new StringBuilder(select)
                .append(" from {h-schema}change_requests c --DERBY-PROPERTIES index=")
                .append(index(query))
                .append("\n where c.id is not null");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(sql, parameters, "c.environment_key = :environment", "environment", query.environmentKey());
        if (environments != null) {
            // outside the caller's environments: nothing to show (an empty list matches no row)
            sql.append(environments.isEmpty() ? " and 1 = 0" : " and c.environment_key in (:readable)");
            if (!environments.isEmpty()) {
                parameters.put("readable", environments);
            }
        }
        condition(
                sql,
                parameters,
                "c.status = :status",
                "status",
                query.status() == null ? null : query.status().name());
        condition(sql, parameters, "c.governed_action = :action", "action", query.action());
        if (query.flagKey() != null && query.flagKeyPrefix()) {
            condition(sql, parameters, "c.resource_key like :flag escape '!'", "flag", likePrefix(query.flagKey()));
        } else {
            condition(sql, parameters, "c.resource_key = :flag", "flag", query.flagKey());
        }
        condition(sql, parameters, "c.id < :before", "before", query.before());
        Query typed = entityManager.createNativeQuery(sql + order);
        parameters.forEach(typed::setParameter);
        return typed;
    }

    /** The index for the most selective filter of the query. */
    private static String index(ChangeRequestQuery query) {
        if (query.flagKey() != null) {
            return "IX_CHANGE_REQUESTS_FLAG_NEWEST";
        }
        if (query.environmentKey() != null) {
            return query.status() == null ? "IX_CHANGE_REQUESTS_ENV_NEWEST" : "IX_CHANGE_REQUESTS_ENV_STATUS_NEWEST";
        }
        return query.status() == null ? "IX_CHANGE_REQUESTS_NEWEST" : "IX_CHANGE_REQUESTS_STATUS_NEWEST";
    }

    private static void condition(
            StringBuilder sql, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    /** {@code prefix%}, with the pattern characters of the prefix itself escaped. */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The request with its decisions and every audit event of its workflow. */
    public ChangeRequestView get(long id) {
        ChangeRequest request = find(id);
        authorization.require(Action.READ_CHANGE_REQUESTS, resourceOf(request), request.environmentKey());
        return request.view().withAuditEvents(auditTrail.workflow(request.correlationId()));
    }

    /** What the request's command would change now, as the feature that governs it describes it. */
    public GovernedPreview preview(long id) {
        ChangeRequest request = find(id);
        authorization.require(Action.READ_CHANGE_REQUESTS, resourceOf(request), request.environmentKey());
        return gate.preview(commandOf(request, request.command()));
    }

    private ChangeRequest find(long id) {
        ChangeRequest request = entityManager.find(ChangeRequest.class, id);
        if (request == null) {
            throw CommandRejected.notFound("change request was not found", Map.of("change_request_id", id));
        }
        return request;
    }

    /**
     * The caller, if they may take {@code transition} on the request: a refusal of the caller by
     * the request itself (four-eyes, only the submitter revises) comes first, then the capability
     * the step needs; either refusal is audited. The request's state is checked after the command's
     * own checks, by {@link #requireAllowed}.
     */
    private Actor authorize(ChangeRequest request, Transition transition, CommandContext context) {
        Attempt attempt = new Attempt(transition.eventType(), context);
        Actor caller = authorization.currentActor();
        Action capability = transition.capability(request.state().submittedBy(caller.id()));
        Optional<TransitionRefusal> refusal = request.refusal(transition, caller);
        if (refusal.isPresent() && refusal.get().refusesCaller()) {
            throw authorization.denied(
                    caller,
                    capability,
                    resourceOf(request),
                    request.environmentKey(),
                    attempt,
                    refusal.get().denialReason(),
                    null);
        }
        return authorization.require(caller, capability, resourceOf(request), request.environmentKey(), attempt);
    }

    /** 409 unless the request, as it stands, allows {@code actor} to take {@code transition}. */
    private static void requireAllowed(ChangeRequest request, Transition transition, Actor actor) {
        request.refusal(transition, actor).ifPresent(refusal -> {
            throw refusal.conflict(request.id(), request.status());
        });
    }

    private Action executable(String name) {
        return gate.find(name).map(GovernedAction::action).orElseThrow(() -> gate.unsupported(name));
    }

    private static GovernedCommand commandOf(ChangeRequest request, Map<String, Object> command) {
        return new GovernedCommand(
                Action.valueOf(request.action().toUpperCase(java.util.Locale.ROOT)),
                resourceOf(request),
                request.environmentKey(),
                command);
    }

    /**
     * The flag in the environment a proposal is about: a flag or environment that does not exist
     * is a 422 at the proposal's field (it names them in its body), an archived flag a 409.
     */
    private void requireTarget(String flagKey, String environmentKey) {
        Flag flag;
        try {
            flag = flags.changeableFlag(flagKey);
        } catch (CommandRejected.NotFound missing) {
            throw new CommandRejected.Invalid(
                    missing.domain(),
                    missing.type(),
                    missing.getMessage(),
                    List.of(new Finding("resource_key", "is no flag (got " + flagKey + ")")));
        }
        try {
            flags.in(flag, environmentKey);
        } catch (CommandRejected.NotFound missing) {
            throw new CommandRejected.Invalid(
                    missing.domain(),
                    missing.type(),
                    missing.getMessage(),
                    List.of(new Finding(
                            "environment_key",
                            "is no environment of flag " + flagKey + " (got " + environmentKey + ")")));
        }
    }

    private static void requireComplete(Proposal proposal) {
        List<Finding> missing = new java.util.ArrayList<>();
        if (proposal.action() == null) {
            missing.add(new Finding("action", "is required"));
        }
        if (proposal.environmentKey() == null) {
            missing.add(new Finding("environment_key", "is required"));
        }
        if (!"flag".equals(proposal.resourceType())) {
            missing.add(new Finding("resource_type", "must be flag"));
        }
        if (proposal.resourceKey() == null) {
            missing.add(new Finding("resource_key", "is required: the flag's key"));
        }
        if (!missing.isEmpty()) {
            throw CommandRejected.invalid("the change request is incomplete", missing);
        }
    }

    private static ResourceRef resourceOf(ChangeRequest request) {
        return new ResourceRef(request.resourceType(), request.resourceKey());
    }

    private static Map<String, Object> metadata(ChangeRequest request, String stage) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("request_id", request.correlationId());
        metadata.put("change_request_id", request.id());
        metadata.put("governance_action", request.action());
        metadata.put("execution_stage", stage);
        metadata.put("resource_key", request.resourceKey());
        return metadata;
    }

    private void audit(
            ChangeRequest request, String eventType, Actor actor, String reason, Map<String, Object> metadata) {
        auditLog.record(new AuditRecord(
                eventType,
                request.resourceType(),
                request.resourceKey(),
                request.environmentKey(),
                actor,
                reason,
                AuditOutcome.OK,
                metadata,
                request.correlationId()));
    }

    private void flushUnlessCorrelationTaken(String correlationId) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (StoreFailure.DUPLICATE_KEY.causes(e)) {
                throw CommandRejected.conflict(
                        "a change request with this request id already exists",
                        Map.of("correlation_id", correlationId));
            }
            throw e;
        }
    }
}
