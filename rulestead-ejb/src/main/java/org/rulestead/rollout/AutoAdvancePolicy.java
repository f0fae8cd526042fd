package org.rulestead.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rollout rule's auto-advance policy (spec §1, §5.6): whether automation may move the rule on,
 * to which stage and percentage, after how long an observation window. Enabled, it has all three;
 * saving replaces it whole.
 */
@Entity
@Table(name = "rollout_auto_advance_policies")
@NamedQuery(
        name = "AutoAdvancePolicy.ofRule",
        query = "select p from AutoAdvancePolicy p where p.flagKey = :flag and p.environmentKey = :environment"
                + " and p.ruleKey = :rule")
public class AutoAdvancePolicy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "flag_key", nullable = false, updatable = false)
    private String flagKey;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(name = "rule_key", nullable = false, updatable = false)
    private String ruleKey;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "observation_window_seconds")
    private Integer observationWindowSeconds;

    @Column(name = "next_stage")
    private String nextStage;

    @Column(name = "next_percentage")
    private Integer nextPercentage;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AutoAdvancePolicy() {}

    AutoAdvancePolicy(String flagKey, String environmentKey, String ruleKey) {
        this.flagKey = flagKey;
        this.environmentKey = environmentKey;
        this.ruleKey = ruleKey;
    }

    /** Replaces the whole policy (upsert semantics): fields left out are cleared. */
    void replace(AutoAdvancePlan plan, String by, Instant at) {
        this.enabled = plan.enabled();
        this.observationWindowSeconds = plan.observationWindowSeconds();
        this.nextStage = plan.nextStage();
        this.nextPercentage = plan.nextPercentage();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** What the policy says automation may do. */
    AutoAdvancePlan plan() {
        return new AutoAdvancePlan(enabled, observationWindowSeconds, nextStage, nextPercentage);
    }

    /** The policy in the spec's JSON shape. */
    Map<String, Object> toMap() {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("rule_key", ruleKey);
        policy.put("enabled", enabled);
        policy.put("observation_window_seconds", observationWindowSeconds);
        policy.put("next_stage", nextStage);
        policy.put("next_percentage", nextPercentage);
        policy.put("updated_by", updatedBy);
        policy.put("updated_at", updatedAt == null ? null : updatedAt.toString());
        return policy;
    }
}
