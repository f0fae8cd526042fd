package org.rulestead.audit;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Moves the chain's checkpoint, each time in a short transaction of its own: the verifier walks
 * the chain outside any transaction (a full walk of millions of events would outlast a transaction
 * timeout) and only records here what it found.
 */
@Stateless
public class AuditCheckpoints {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    /**
     * Moves the checkpoint from {@code from} forward to {@code seq}; does nothing when another
     * check moved it meanwhile (its own result stands, and a full check that found a break is
     * never undone by an incremental one that started before it).
     */
    public void advance(long from, long seq, String hash, Instant at) {
        entityManager
                .createNamedQuery("AuditChainCheckpoint.advance")
                .setParameter("from", from)
                .setParameter("seq", seq)
                .setParameter("hash", hash)
                .setParameter("at", at)
                .executeUpdate();
    }

    /**
     * Records a full check: the checkpoint becomes the prefix it found intact, backwards too when
     * it found a break before the checkpoint, so the incremental check meets the break again on
     * every view until the chain is repaired.
     */
    public void afterFullCheck(long seq, String hash, boolean valid, Instant at) {
        entityManager
                .createNamedQuery("AuditChainCheckpoint.afterFullCheck")
                .setParameter("seq", seq)
                .setParameter("hash", hash)
                .setParameter("valid", valid)
                .setParameter("at", at)
                .executeUpdate();
    }
}
