package org.rulestead.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.guardrail.ActionType;
import org.rulestead.guardrail.DecisionState;
import org.rulestead.json.JsonTrees;

/**
 * One guardrail decision on a rollout stage (spec §1, §5.2, §5.5), never changed once written:
 * the state and why, the percentage in effect, the observation window, the facts it was made on,
 * and, for an advance or a healthy stage whose window had closed, the rules then in force.
 */
@Entity
@Table(name = "guardrail_decisions")
@NamedQuery(
        name = "GuardrailDecisionRecord.latestAdvanceOfRule",
        query = "select d from GuardrailDecisionRecord d where d.flagKey = :flag and d.environmentKey = :environment"
                + " and d.ruleKey = :rule and d.actionType = org.rulestead.guardrail.ActionType.ADVANCE"
                + " order by d.id desc")
@NamedQuery(
        name = "GuardrailDecisionRecord.healthyWithSnapshot",
        query = "select d from GuardrailDecisionRecord d where d.flagKey = :flag and d.environmentKey = :environment"
                + " and d.ruleKey = :rule and d.decisionState = org.rulestead.guardrail.DecisionState.HEALTHY"
                + " and d.authoredSnapshot is not null and d.correlationId <> :correlation order by d.id desc")
@NamedQuery(
        name = "GuardrailDecisionRecord.latestOfRule",
        query = "select d from GuardrailDecisionRecord d where d.flagKey = :flag and d.environmentKey = :environment"
                + " and d.ruleKey = :rule order by d.id desc")
public class GuardrailDecisionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "flag_key", nullable = false, updatable = false)
    private String flagKey;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(name = "rule_key", nullable = false, updatable = false)
    private String ruleKey;

    @Column(nullable = false, updatable = false)
    private String stage;

    @Column(name = "tenant_key", updatable = false)
    private String tenantKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_state", nullable = false, updatable = false)
    private DecisionState decisionState;

    @Enumerated(EnumType.STRING)
    @Column(name = "action_type", nullable = false, updatable = false)
    private ActionType actionType;

    @Column(name = "decision_reason", nullable = false, updatable = false)
    private String decisionReason;

    @Column(name = "effective_percentage", nullable = false, updatable = false)
    private int effectivePercentage;

    @Column(name = "rollout_salt", updatable = false)
    private String rolloutSalt;

    @Column(name = "variant_fingerprint", updatable = false, length = 1_000_000)
    private String variantFingerprint;

    @Column(name = "monitoring_window_started_at", updatable = false)
    private Instant monitoringWindowStartedAt;

    @Column(name = "monitoring_window_ends_at", updatable = false)
    private Instant monitoringWindowEndsAt;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "signal_facts", nullable = false, updatable = false, length = 1_000_000)
    private String signalFacts;

    @Column(name = "guardrail_evidence", updatable = false, length = 1_000_000)
    private String guardrailEvidence;

    @Column(name = "authored_snapshot", updatable = false, length = 1_000_000)
    private String authoredSnapshot;

    @Column(name = "rollback_target_snapshot", updatable = false, length = 1_000_000)
    private String rollbackTargetSnapshot;

    @Column(name = "correlation_id", nullable = false, updatable = false)
    private String correlationId;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    private String metadata;

    protected GuardrailDecisionRecord() {}

    /** The decision an advance records: pending data until the window's facts come in (§5.2 step 8). */
    static GuardrailDecisionRecord advance(StageAdvance advance, Map<String, Object> authored, Instant at) {
        GuardrailDecisionRecord decision = new GuardrailDecisionRecord();
        decision.flagKey = advance.flagKey();
        decision.environmentKey = advance.environmentKey();
        decision.ruleKey = advance.ruleKey();
        decision.stage = advance.stage();
        decision.tenantKey = advance.tenantKey();
        decision.decisionState = DecisionState.PENDING_DATA;
        decision.actionType = ActionType.ADVANCE;
        decision.decisionReason = "monitoring_window_active";
        decision.effectivePercentage = advance.percentage();
        decision.rolloutSalt = advance.rolloutSalt();
        decision.variantFingerprint = advance.variantFingerprint();
        decision.monitoringWindowStartedAt = advance.windowStartedAt() == null ? at : advance.windowStartedAt();
        decision.monitoringWindowEndsAt = advance.windowEndsAt();
        decision.occurredAt = at;
        decision.signalFacts = JsonTrees.write(advance.signalFacts());
        decision.guardrailEvidence = advance.signalFacts().isEmpty()
                ? null
                : JsonTrees.write(advance.signalFacts().get(0));
        decision.authoredSnapshot = JsonTrees.write(authored);
        decision.correlationId = advance.correlationId();
        decision.metadata = JsonTrees.write(Map.of());
        return decision;
    }

    /**
     * A later decision on the stage this one advanced to: same rule, stage, percentage, salt,
     * variants and window, with its own state, action, reason, facts and snapshots.
     */
    GuardrailDecisionRecord next(
            DecisionState state,
            ActionType action,
            String reason,
            List<Map<String, Object>> facts,
            Map<String, Object> authored,
            Map<String, Object> rollbackTarget,
            String correlation,
            Instant at) {
        GuardrailDecisionRecord decision = new GuardrailDecisionRecord();
        decision.flagKey = flagKey;
        decision.environmentKey = environmentKey;
        decision.ruleKey = ruleKey;
        decision.stage = stage;
        decision.tenantKey = tenantKey;
        decision.decisionState = state;
        decision.actionType = action;
        decision.decisionReason = reason;
        decision.effectivePercentage = effectivePercentage;
        decision.rolloutSalt = rolloutSalt;
        decision.variantFingerprint = variantFingerprint;
        decision.monitoringWindowStartedAt = monitoringWindowStartedAt;
        decision.monitoringWindowEndsAt = monitoringWindowEndsAt;
        decision.occurredAt = at;
        decision.signalFacts = JsonTrees.write(facts);
        decision.guardrailEvidence = facts.isEmpty() ? null : JsonTrees.write(facts.get(0));
        decision.authoredSnapshot = authored == null ? null : JsonTrees.write(authored);
        decision.rollbackTargetSnapshot = rollbackTarget == null ? null : JsonTrees.write(rollbackTarget);
        decision.correlationId = correlation;
        decision.metadata = JsonTrees.write(Map.of());
        return decision;
    }

    /** Whether this decision was taken on the same salt and variants (null-safe, PD-7). */
    boolean sameBucketsAs(GuardrailDecisionRecord other) {
        return java.util.Objects.equals(rolloutSalt, other.rolloutSalt)
                && java.util.Objects.equals(variantFingerprint, other.variantFingerprint);
    }

    Instant windowEndsAt() {
        return monitoringWindowEndsAt;
    }

    ActionType actionType() {
        return actionType;
    }

    int effectivePercentage() {
        return effectivePercentage;
    }

    String correlationId() {
        return correlationId;
    }

    String tenantKey() {
        return tenantKey;
    }

    /** The ruleset this decision saw in force ({@code {"version", "rules"}}), null when it kept none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> authoredSnapshot() {
        return authoredSnapshot == null ? null : (Map<String, Object>) JsonTrees.read(authoredSnapshot);
    }

    public Long id() {
        return id;
    }

    String stage() {
        return stage;
    }

    String flagKey() {
        return flagKey;
    }

    String environmentKey() {
        return environmentKey;
    }

    String ruleKey() {
        return ruleKey;
    }

    /** The decision in the spec's JSON shape (the REST body's {@code decision}). */
    public Map<String, Object> toMap() {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("id", id);
        decision.putAll(fields());
        return decision;
    }

    /** As {@link #toMap()}, without the id (a dry run's decision has none). */
    Map<String, Object> fields() {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("rule_key", ruleKey);
        decision.put("stage", stage);
        decision.put("tenant_key", tenantKey);
        decision.put("decision_state", decisionState.wireName());
        decision.put("action_type", actionType.wireName());
        decision.put("decision_reason", decisionReason);
        decision.put("effective_percentage", effectivePercentage);
        decision.put("rollout_salt", rolloutSalt);
        decision.put(
                "monitoring_window_started_at",
                monitoringWindowStartedAt == null ? null : monitoringWindowStartedAt.toString());
        decision.put(
                "monitoring_window_ends_at", monitoringWindowEndsAt == null ? null : monitoringWindowEndsAt.toString());
        decision.put("occurred_at", occurredAt.toString());
        decision.put("signal_facts", (List<?>) JsonTrees.read(signalFacts));
        decision.put("correlation_id", correlationId);
        return decision;
    }
}
