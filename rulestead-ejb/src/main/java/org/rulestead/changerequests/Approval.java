package org.rulestead.changerequests;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.rulestead.governance.Actor;

/** One reviewer's decision on one version (fingerprint) of a change request. Never changed. */
@Entity
@Table(name = "approvals")
public class Approval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "change_request_id", nullable = false, updatable = false)
    private ChangeRequest changeRequest;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Decision decision;

    @Column(name = "reviewer_id", nullable = false, updatable = false)
    private String reviewerId;

    @Column(name = "reviewer_type", nullable = false, updatable = false)
    private String reviewerType;

    @Column(name = "reviewer_display", updatable = false)
    private String reviewerDisplay;

    @Column(updatable = false)
    private String reason;

    @Column(nullable = false, updatable = false)
    private String fingerprint;

    @Column(name = "reviewed_at", nullable = false, updatable = false)
    private Instant reviewedAt;

    protected Approval() {}

    Approval(
            ChangeRequest changeRequest,
            Decision decision,
            Actor reviewer,
            String reason,
            String fingerprint,
            Instant at) {
        this.changeRequest = changeRequest;
        this.decision = decision;
        this.reviewerId = reviewer.id();
        this.reviewerType = reviewer.type().wireName();
        this.reviewerDisplay = reviewer.display();
        this.reason = reason;
        this.fingerprint = fingerprint;
        this.reviewedAt = at;
    }

    Long id() {
        return id;
    }

    Decision decision() {
        return decision;
    }

    String reviewerId() {
        return reviewerId;
    }

    String fingerprint() {
        return fingerprint;
    }

    ApprovalView view(String currentFingerprint) {
        return new ApprovalView(
                id, decision, reviewerId, reviewerDisplay, reason, reviewedAt, fingerprint.equals(currentFingerprint));
    }
}
