package org.rulestead.schedule;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditOutcome;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.governance.Actor;

/**
 * The audit events of a scheduled execution's life (spec §6.7: {@code scheduled_execution.scheduled},
 * {@code succeeded}, {@code failed}, {@code quarantined}, {@code cancelled}, {@code requeued}), on the
 * resource it changes so they show on its timeline, each with one plain sentence (decisions 19).
 */
@Dependent
class ScheduleAudit {

    private final AuditLog auditLog;

    @Inject
    ScheduleAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void record(
            String transition,
            ScheduledExecutionView execution,
            Actor actor,
            CommandContext context,
            String stage,
            String explanation,
            Map<String, Object> extra) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("scheduled_execution_id", execution.id());
        metadata.put("attempt_count", execution.attemptCount());
        metadata.put("scheduled_for", execution.scheduledFor().toString());
        metadata.put(
                "executed_at",
                execution.executedAt() == null ? null : execution.executedAt().toString());
        metadata.put("failure_reason", execution.failureReason());
        metadata.put("execution_mode", execution.executionMode());
        metadata.put("executed_by", "scheduler");
        metadata.put("scheduled_by", execution.scheduledBy());
        metadata.put("approved_by", execution.approvedBy());
        metadata.put("governance_action", execution.action());
        metadata.put("execution_stage", stage);
        metadata.put("source", execution.source());
        if (execution.changeRequestId() != null) {
            metadata.put("change_request_id", execution.changeRequestId());
        }
        if (execution.ruleKey() != null) {
            metadata.put("rule_key", execution.ruleKey());
        }
        metadata.putAll(extra);
        metadata.put("explanation", explanation);
        metadata.put("context", context.auditContext());
        boolean failed = transition.equals("failed") || transition.equals("quarantined");
        auditLog.record(new AuditRecord(
                "scheduled_execution." + transition,
                execution.resourceType(),
                execution.resourceKey(),
                execution.environmentKey(),
                actor,
                context.reason(),
                failed ? AuditOutcome.ERROR : AuditOutcome.OK,
                metadata,
                execution.correlationId()));
    }

    /** "advance_rollout of flag checkout in staging": what the execution does, in words. */
    static String what(ScheduledExecutionView execution) {
        return execution.action() + " of " + execution.resourceType() + " " + execution.resourceKey() + " in "
                + execution.environmentKey();
    }
}
