package org.rulestead.changerequests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rulestead.audit.AuditEventView;

/** A change request as callers see it, with its decisions and (when asked) its workflow's audit events. */
public record ChangeRequestView(
        long id,
        ChangeRequestStatus status,
        String action,
        String environmentKey,
        String resourceType,
        String resourceKey,
        String submitterId,
        String submitterDisplay,
        String reason,
        Map<String, Object> command,
        String fingerprint,
        int requiredApprovals,
        boolean selfApprovalAllowed,
        long currentApprovals,
        String correlationId,
        Instant submittedAt,
        Instant resolvedAt,
        Instant executedAt,
        long lockVersion,
        List<ApprovalView> approvals,
        List<AuditEventView> auditEvents) {

    public ChangeRequestView {
        approvals = List.copyOf(approvals);
        auditEvents = List.copyOf(auditEvents);
    }

    /** What decides the request's transitions: the same rules the request applies to itself. */
    public ChangeRequestState state() {
        Set<String> reviewers = approvals.stream()
                .filter(ApprovalView::current)
                .map(ApprovalView::reviewerId)
                .collect(Collectors.toSet());
        return new ChangeRequestState(status, submitterId, selfApprovalAllowed, reviewers);
    }

    ChangeRequestView withAuditEvents(List<AuditEventView> events) {
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
                command,
                fingerprint,
                requiredApprovals,
                selfApprovalAllowed,
                currentApprovals,
                correlationId,
                submittedAt,
                resolvedAt,
                executedAt,
                lockVersion,
                approvals,
                events);
    }
}
