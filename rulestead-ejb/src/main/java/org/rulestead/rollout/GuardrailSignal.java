package org.rulestead.rollout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.rulestead.json.JsonTrees;

/**
 * One signal fact a host pushed for a guardrail of a rollout rule (spec §5.3), kept as reported:
 * it is normalized again whenever it is used, since whether it is stale depends on when.
 */
@Entity
@Table(name = "guardrail_signals")
@NamedQuery(
        name = "GuardrailSignal.newestOfSignal",
        query = "select s from GuardrailSignal s where s.flagKey = :flag and s.environmentKey = :environment"
                + " and s.ruleKey = :rule and s.signalKey = :signal order by s.id desc")
public class GuardrailSignal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "flag_key", nullable = false, updatable = false)
    private String flagKey;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(name = "rule_key", nullable = false, updatable = false)
    private String ruleKey;

    @Column(name = "signal_key", nullable = false, updatable = false)
    private String signalKey;

    @Column(name = "tenant_key", updatable = false)
    private String tenantKey;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    private String reported;

    @Column(name = "captured_at", nullable = false, updatable = false)
    private Instant capturedAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Column(name = "reported_by", nullable = false, updatable = false)
    private String reportedBy;

    protected GuardrailSignal() {}

    GuardrailSignal(
            String flagKey,
            String environmentKey,
            String ruleKey,
            Map<String, Object> reported,
            Instant capturedAt,
            Instant receivedAt,
            String reportedBy) {
        this.flagKey = flagKey;
        this.environmentKey = environmentKey;
        this.ruleKey = ruleKey;
        this.signalKey = (String) reported.get("signal_key");
        this.tenantKey = reported.get("tenant_key") instanceof String tenant ? tenant : null;
        this.reported = JsonTrees.write(reported);
        this.capturedAt = capturedAt;
        this.receivedAt = receivedAt;
        this.reportedBy = reportedBy;
    }

    long id() {
        return id;
    }

    String tenantKey() {
        return tenantKey;
    }

    /** The host's fields as pushed, with {@code captured_at} filled in where it left it out. */
    @SuppressWarnings("unchecked")
    Map<String, Object> reported() {
        return (Map<String, Object>) JsonTrees.read(reported);
    }
}
