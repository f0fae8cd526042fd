package org.rulestead.web.admin.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditEventView;
import org.rulestead.audit.AuditVerification;
import org.rulestead.changerequests.ApprovalView;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.flags.FlagEnvironmentView;
import org.rulestead.flags.RulesetView;
import org.rulestead.json.JsonTrees;
import org.rulestead.schedule.ScheduledExecutionView;

/** The admin API's JSON documents: snake_case, as the spec names the fields. */
final class AdminJson {

    private AdminJson() {}

    static JsonObject state(FlagEnvironmentView view) {
        return JsonTrees.toJson(FlagJson.environment(view)).asJsonObject();
    }

    static JsonObject ruleset(RulesetView ruleset) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("flag_key", ruleset.flagKey());
        json.put("environment_key", ruleset.environmentKey());
        json.put("version", ruleset.version());
        json.put("status", ruleset.status());
        json.put("salt", ruleset.salt());
        json.put("rules", ruleset.rules());
        json.put("created_by", ruleset.createdBy());
        json.put("created_at", ruleset.createdAt());
        json.put("published_by", ruleset.publishedBy());
        json.put("published_at", ruleset.publishedAt());
        return JsonTrees.toJson(json).asJsonObject();
    }

    static JsonArray rulesets(List<RulesetView> rulesets) {
        return JsonTrees.toJson(rulesets.stream().map(AdminJson::ruleset).toList())
                .asJsonArray();
    }

    static JsonObject changeRequest(ChangeRequestView request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", request.id());
        json.put("status", request.status());
        json.put("action", request.action());
        json.put("environment_key", request.environmentKey());
        json.put("resource_type", request.resourceType());
        json.put("resource_key", request.resourceKey());
        json.put(
                "submitted_by",
                Map.of("id", request.submitterId(), "display", String.valueOf(request.submitterDisplay())));
        json.put("reason", request.reason());
        json.put("command", request.command());
        json.put("fingerprint", request.fingerprint());
        Map<String, Object> requirement = new LinkedHashMap<>();
        requirement.put("required_approvals", request.requiredApprovals());
        requirement.put("self_approval_allowed", request.selfApprovalAllowed());
        json.put("approval_requirement", requirement);
        json.put("approvals_count", request.currentApprovals());
        json.put("correlation_id", request.correlationId());
        json.put("submitted_at", request.submittedAt());
        json.put("resolved_at", request.resolvedAt());
        json.put("executed_at", request.executedAt());
        json.put("version", request.lockVersion());
        json.put(
                "approvals",
                request.approvals().stream().map(AdminJson::approval).toList());
        if (!request.auditEvents().isEmpty()) {
            json.put(
                    "audit_events",
                    request.auditEvents().stream().map(AdminJson::auditEvent).toList());
        }
        return JsonTrees.toJson(json).asJsonObject();
    }

    private static Map<String, Object> approval(ApprovalView approval) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", approval.id());
        json.put("decision", approval.decision());
        json.put(
                "reviewed_by",
                Map.of("id", approval.reviewerId(), "display", String.valueOf(approval.reviewerDisplay())));
        json.put("reason", approval.reason());
        json.put("reviewed_at", approval.reviewedAt());
        json.put("current", approval.current());
        return json;
    }

    static Map<String, Object> auditEvent(AuditEventView event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("event_type", event.eventType());
        json.put("resource_type", event.resourceType());
        json.put("resource_key", event.resourceKey());
        json.put("environment_key", event.environmentKey());
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("id", event.actorId());
        actor.put("type", event.actorType());
        actor.put("display", event.actorDisplay());
        json.put("actor", actor);
        json.put("reason", event.reason());
        json.put("result", event.outcome());
        json.put("metadata", event.metadata());
        json.put("correlation_id", event.correlationId());
        json.put("occurred_at", event.occurredAt());
        json.put("chain_seq", event.chainSeq());
        json.put("hash", event.eventHash());
        return json;
    }

    static JsonObject verification(AuditVerification verification) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("valid", verification.valid());
        json.put("checked", verification.checked());
        json.put("first_broken_id", verification.firstBrokenId());
        json.put("problem", verification.problem());
        json.put("scope", verification.scope() == AuditVerification.Scope.FULL ? "full" : "new_events");
        json.put("verified_through", verification.verifiedThrough());
        json.put("chain_length", verification.chainLength());
        json.put(
                "last_full_check_at",
                verification.lastFullCheck() == null
                        ? null
                        : verification.lastFullCheck().toString());
        return JsonTrees.toJson(json).asJsonObject();
    }

    /** A scheduled execution (spec §6.7); {@code attempts} only in a detail. */
    static JsonObject scheduledExecution(ScheduledExecutionView execution) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", execution.id());
        json.put("action", execution.action());
        json.put("environment_key", execution.environmentKey());
        json.put("resource_type", execution.resourceType());
        json.put("resource_key", execution.resourceKey());
        json.put("command", execution.command());
        json.put("execution_mode", execution.executionMode());
        json.put("state", execution.state());
        json.put("scheduled_for", instant(execution.scheduledFor()));
        json.put("next_attempt_at", instant(execution.nextAttemptAt()));
        json.put("reason", execution.reason());
        json.put("metadata", execution.metadata());
        json.put("source", execution.source());
        json.put("rule_key", execution.ruleKey());
        json.put("change_request_id", execution.changeRequestId());
        json.put("idempotency_key", execution.idempotencyKey());
        json.put("correlation_id", execution.correlationId());
        json.put("scheduled_by", execution.scheduledBy());
        json.put("approved_by", execution.approvedBy());
        json.put("attempt_count", execution.attemptCount());
        json.put("max_attempts", execution.maxAttempts());
        json.put("executed_at", instant(execution.executedAt()));
        json.put("failure_reason", execution.failureReason());
        json.put("execution_metadata", execution.executionMetadata());
        json.put("created_at", instant(execution.createdAt()));
        json.put("updated_at", instant(execution.updatedAt()));
        if (execution.attempts() != null) {
            json.put("attempts", execution.attempts());
        }
        return JsonTrees.toJson(json).asJsonObject();
    }

    private static String instant(java.time.Instant at) {
        return at == null ? null : at.toString();
    }
}
