package org.rulestead.runtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One row of evaluation evidence: a flag's variant in one environment, its count and last time. */
@Entity
@Table(name = "evaluation_evidence")
@IdClass(EvidenceRow.Id.class)
public class EvidenceRow {

    /** The row's identity: flag, environment, variant. */
    public record Id(String flagKey, String environmentKey, String variant) implements Serializable {
        public Id() {
            this(null, null, null);
        }
    }

    @jakarta.persistence.Id
    @Column(name = "flag_key")
    private String flagKey;

    @jakarta.persistence.Id
    @Column(name = "environment_key")
    private String environmentKey;

    @jakarta.persistence.Id
    private String variant;

    @Column(nullable = false)
    private long served;

    @Column(name = "last_evaluated_at", nullable = false)
    private Instant lastEvaluatedAt;

    protected EvidenceRow() {}

    EvidenceRow(String flagKey, String environmentKey, String variant, long served, Instant lastEvaluatedAt) {
        this.flagKey = flagKey;
        this.environmentKey = environmentKey;
        this.variant = variant;
        this.served = served;
        this.lastEvaluatedAt = lastEvaluatedAt;
    }

    String variant() {
        return variant;
    }

    long served() {
        return served;
    }

    Instant lastEvaluatedAt() {
        return lastEvaluatedAt;
    }
}
