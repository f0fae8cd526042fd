package org.rulestead.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * How far the hash chain is known to be intact: every event from the first through {@code
 * verifiedSeq} was checked, the last of them hashing to {@code verifiedHash}. The incremental check
 * starts here, so it reads only newer events; the full check ignores it and walks from the first.
 * Changed only by bulk updates ({@link AuditCheckpoints}), so two checks never overwrite each other
 * by accident.
 */
@Entity
@Table(name = "audit_chain_checkpoint")
@NamedQuery(
        name = "AuditChainCheckpoint.advance",
        query = "update AuditChainCheckpoint c set c.verifiedSeq = :seq, c.verifiedHash = :hash, c.verifiedAt = :at"
                + " where c.id = 1 and c.verifiedSeq = :from")
@NamedQuery(
        name = "AuditChainCheckpoint.afterFullCheck",
        query = "update AuditChainCheckpoint c set c.verifiedSeq = :seq, c.verifiedHash = :hash, c.verifiedAt = :at,"
                + " c.fullCheckAt = :at, c.fullCheckValid = :valid where c.id = 1")
public class AuditChainCheckpoint {

    static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "verified_seq", nullable = false)
    private long verifiedSeq;

    @Column(name = "verified_hash", nullable = false)
    private String verifiedHash;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "full_check_at")
    private Instant fullCheckAt;

    @Column(name = "full_check_valid")
    private Boolean fullCheckValid;

    protected AuditChainCheckpoint() {}

    long verifiedSeq() {
        return verifiedSeq;
    }

    String verifiedHash() {
        return verifiedHash;
    }

    Instant fullCheckAt() {
        return fullCheckAt;
    }

    Boolean fullCheckValid() {
        return fullCheckValid;
    }
}
