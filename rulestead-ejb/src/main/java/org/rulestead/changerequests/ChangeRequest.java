package org.rulestead.changerequests;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rulestead.audit.AuditEventView;
import org.rulestead.command.CommandRejected;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.ApprovalRequirement;
import org.rulestead.json.JsonTrees;

/**
 * A proposed governed change (spec §1.10, §6.5): what to do, where, why, by whom, the approvals it
 * needs, and the reviewers' decisions. Changes only through its named transitions, each of which
 * checks the state it starts from.
 */
@Entity
@Table(name = "change_requests")
@NamedQuery(
        name = "ChangeRequest.withApprovals",
        // no distinct: Hibernate returns each request once anyway, and Derby cannot compare the CLOB command
        query = "select c from ChangeRequest c left join fetch c.approvals where c.id in :ids" + " order by c.id desc")
public class ChangeRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChangeRequestStatus status;

    @Column(name = "governed_action", nullable = false, updatable = false)
    private String action;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(name = "resource_type", nullable = false, updatable = false)
    private String resourceType;

    @Column(name = "resource_key", nullable = false, updatable = false)
    private String resourceKey;

    @Column(name = "submitter_id", nullable = false, updatable = false)
    private String submitterId;

    @Column(name = "submitter_type", nullable = false, updatable = false)
    private String submitterType;

    @Column(name = "submitter_display", updatable = false)
    private String submitterDisplay;

    private String reason;

    @Column(nullable = false, length = 1_000_000)
    private String command;

    @Column(nullable = false)
    private String fingerprint;

    @Column(name = "required_approvals", nullable = false, updatable = false)
    private int requiredApprovals;

    @Column(name = "self_approval_allowed", nullable = false, updatable = false)
    private boolean selfApprovalAllowed;

    @Column(name = "correlation_id", nullable = false, updatable = false)
    private String correlationId;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "executed_at")
    private Instant executedAt;

    @OneToMany(mappedBy = "changeRequest", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<Approval> approvals = new ArrayList<>();

    @Version
    private long version;

    protected ChangeRequest() {}

    ChangeRequest(
            Action action,
            String environmentKey,
            String resourceType,
            String resourceKey,
            Actor submitter,
            String reason,
            Map<String, Object> command,
            ApprovalRequirement requirement,
            String correlationId,
            Instant at) {
        this.status = ChangeRequestStatus.SUBMITTED;
        this.action = action.wireName();
        this.environmentKey = environmentKey;
        this.resourceType = resourceType;
        this.resourceKey = resourceKey;
        this.submitterId = submitter.id();
        this.submitterType = submitter.type().wireName();
        this.submitterDisplay = submitter.display();
        this.reason = reason;
        this.command = JsonTrees.write(command);
        this.fingerprint = Fingerprints.of(this.action, environmentKey, resourceType, resourceKey, command);
        this.requiredApprovals = requirement.requiredApprovals();
        this.selfApprovalAllowed = requirement.selfApprovalAllowed();
        this.correlationId = correlationId;
        this.submittedAt = at;
    }

    public long id() {
        return id;
    }

    ChangeRequestStatus status() {
        return status;
    }

    String action() {
        return action;
    }

    String environmentKey() {
        return environmentKey;
    }

    String resourceType() {
        return resourceType;
    }

    String resourceKey() {
        return resourceKey;
    }

    String submitterId() {
        return submitterId;
    }

    String fingerprint() {
        return fingerprint;
    }

    String correlationId() {
        return correlationId;
    }

    boolean selfApprovalAllowed() {
        return selfApprovalAllowed;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> command() {
        return (Map<String, Object>) JsonTrees.read(command);
    }

    /** What decides the request's transitions, as it stands now. */
    ChangeRequestState state() {
        Set<String> reviewers = new HashSet<>();
        for (Approval approval : approvals) {
            if (approval.fingerprint().equals(fingerprint)) {
                reviewers.add(approval.reviewerId());
            }
        }
        return new ChangeRequestState(status, submitterId, selfApprovalAllowed, reviewers);
    }

    /**
     * Why the request refuses {@code actor} taking {@code transition} now, if it does; the
     * service asks first so it can audit a refusal of the caller, and every transition asks again.
     */
    Optional<TransitionRefusal> refusal(Transition transition, Actor actor) {
        return state().refusal(transition, actor.id());
    }

    private void require(Transition transition, Actor actor) {
        Optional<TransitionRefusal> refusal = refusal(transition, actor);
        if (refusal.isPresent()) {
            if (refusal.get().refusesCaller()) {
                throw new CommandRejected.Forbidden(
                        "caller is not authorized to perform this action",
                        Map.of("reason", refusal.get().denialReason()));
            }
            throw refusal.get().conflict(id, status);
        }
    }

    /** Approvals of the proposal as it stands; decisions on earlier versions do not count. */
    long currentApprovals() {
        return approvals.stream()
                .filter(approval -> approval.decision() == Decision.APPROVED
                        && approval.fingerprint().equals(fingerprint))
                .count();
    }

    /** Records an approval; the request is approved once it has the approvals it needs. */
    Approval approve(Actor reviewer, String why, Instant at) {
        require(Transition.APPROVE, reviewer);
        Approval approval = new Approval(this, Decision.APPROVED, reviewer, why, fingerprint, at);
        approvals.add(approval);
        if (currentApprovals() >= Math.max(1, requiredApprovals)) {
            status = ChangeRequestStatus.APPROVED;
            resolvedAt = at;
        }
        return approval;
    }

    /** One reviewer's rejection is final. */
    Approval reject(Actor reviewer, String why, Instant at) {
        require(Transition.REJECT, reviewer);
        Approval rejection = new Approval(this, Decision.REJECTED, reviewer, why, fingerprint, at);
        approvals.add(rejection);
        status = ChangeRequestStatus.REJECTED;
        resolvedAt = at;
        return rejection;
    }

    void cancel(Actor by, Instant at) {
        require(Transition.CANCEL, by);
        status = ChangeRequestStatus.CANCELLED;
        resolvedAt = at;
    }

    /** Marks the approved change as applied; the caller applies it in the same transaction. */
    void executed(Actor executor, Instant at) {
        require(Transition.EXECUTE, executor);
        status = ChangeRequestStatus.EXECUTED;
        resolvedAt = at;
        executedAt = at;
    }

    /**
     * Replaces the proposal: a new fingerprint, so every earlier decision stops counting and the
     * request needs its approvals again.
     */
    String revise(Actor submitter, Map<String, Object> newCommand, String why) {
        require(Transition.REVISE, submitter);
        String previous = fingerprint;
        command = JsonTrees.write(newCommand);
        fingerprint = Fingerprints.of(action, environmentKey, resourceType, resourceKey, newCommand);
        if (why != null) {
            reason = why;
        }
        status = ChangeRequestStatus.SUBMITTED;
        resolvedAt = null;
        return previous;
    }

    ChangeRequestView view() {
        return new ChangeRequestView(
                id,
                status,
                action,
                environmentKey,
                resourceType,
                resourceKey,
                submitterId,
                submitterDisplay,
                reason,
                command(),
                fingerprint,
                requiredApprovals,
                selfApprovalAllowed,
                currentApprovals(),
                correlationId,
                submittedAt,
                resolvedAt,
                executedAt,
                version,
                approvals.stream().map(approval -> approval.view(fingerprint)).toList(),
                List.<AuditEventView>of());
    }
}
