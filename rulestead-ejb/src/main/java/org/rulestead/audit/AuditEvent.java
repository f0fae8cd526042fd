package org.rulestead.audit;

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
import org.rulestead.json.JsonTrees;

/** A row of the audit trail. Written once, never updated or deleted. */
@Entity
@Table(name = "audit_events")
@NamedQuery(
        name = "AuditEvent.chainBetween",
        query = "select e from AuditEvent e where e.chainSeq > :after and e.chainSeq <= :last order by e.chainSeq")
@NamedQuery(
        name = "AuditEvent.byCorrelation",
        query = "select e from AuditEvent e where e.correlationId = :correlation order by e.chainSeq")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;

    @Column(name = "resource_type", nullable = false, updatable = false)
    private String resourceType;

    @Column(name = "resource_key", updatable = false)
    private String resourceKey;

    @Column(name = "environment_key", updatable = false)
    private String environmentKey;

    @Column(name = "actor_id", nullable = false, updatable = false)
    private String actorId;

    @Column(name = "actor_type", nullable = false, updatable = false)
    private String actorType;

    @Column(name = "actor_display", updatable = false)
    private String actorDisplay;

    @Column(updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AuditOutcome outcome;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    private String metadata;

    @Column(name = "correlation_id", nullable = false, updatable = false)
    private String correlationId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "chain_seq", updatable = false)
    private Long chainSeq;

    @Column(name = "previous_hash", updatable = false)
    private String previousHash;

    @Column(name = "event_hash", updatable = false)
    private String eventHash;

    protected AuditEvent() {}

    /** The event at position {@code chainSeq} of the chain, after the event whose hash is {@code previousHash}. */
    AuditEvent(AuditRecord record, Instant occurredAt, long chainSeq, String previousHash) {
        this.eventType = record.eventType();
        this.resourceType = record.resourceType();
        this.resourceKey = record.resourceKey();
        this.environmentKey = record.environmentKey();
        this.actorId = record.actor().id();
        this.actorType = record.actor().type().wireName();
        this.actorDisplay = record.actor().display();
        this.reason = record.reason();
        this.outcome = record.outcome();
        this.metadata = JsonTrees.write(record.metadata());
        this.correlationId = record.correlationId();
        this.occurredAt = occurredAt;
        this.chainSeq = chainSeq;
        this.previousHash = previousHash;
        this.eventHash = AuditChain.hash(previousHash, canonicalContent());
    }

    /** Every field the hash covers, in a fixed order, as the database holds them. */
    String canonicalContent() {
        return AuditChain.canonical(
                chainSeq,
                eventType,
                resourceType,
                resourceKey,
                environmentKey,
                actorId,
                actorType,
                actorDisplay,
                reason,
                outcome == null ? null : outcome.name(),
                metadata,
                correlationId,
                occurredAt);
    }

    Long chainSeq() {
        return chainSeq;
    }

    String previousHash() {
        return previousHash;
    }

    String eventHash() {
        return eventHash;
    }

    /** The event as the audit API shows it: metadata parsed, hash chain fields included. */
    public AuditEventView view() {
        return new AuditEventView(
                id,
                eventType,
                resourceType,
                resourceKey,
                environmentKey,
                actorId,
                actorType,
                actorDisplay,
                reason,
                outcome,
                JsonTrees.read(metadata),
                correlationId,
                occurredAt,
                chainSeq,
                eventHash);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
