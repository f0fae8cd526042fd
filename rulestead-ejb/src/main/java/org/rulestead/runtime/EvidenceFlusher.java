package org.rulestead.runtime;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes the evaluation evidence collected on this node every five seconds (spec §8.3), adding
 * counts in the database itself so nodes never overwrite each other. What cannot be written is
 * kept for the next flush.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class EvidenceFlusher {

    private static final Logger LOG = Logger.getLogger(EvidenceFlusher.class.getName());

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Resource
    private UserTransaction transaction;

    @Inject
    private EvaluationEvidence evidence;

    // one flush at a time: ticks that come while a flush waits on a hanging database are skipped,
    // instead of each holding a thread until the database answers
    private final AtomicBoolean flushing = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void flush() {
        if (!flushing.compareAndSet(false, true)) {
            return;
        }
        try {
            flushBatch();
        } finally {
            flushing.set(false);
        }
    }

    private void flushBatch() {
        Map<EvaluationEvidence.Key, EvaluationEvidence.Tally> batch = evidence.drain();
        if (batch.isEmpty()) {
            return;
        }
        try {
            transaction.begin();
            batch.forEach(this::write);
            transaction.commit();
        } catch (Exception failed) {
            rollbackQuietly();
            evidence.restore(batch);
            LOG.log(Level.WARNING, "could not write evaluation evidence; keeping it for the next flush", failed);
        }
    }

    private void write(EvaluationEvidence.Key key, EvaluationEvidence.Tally tally) {
        java.time.Instant last = EvaluationEvidence.instant(tally).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        long served = tally.served.sum();
        int updated = entityManager
                .createQuery("update EvidenceRow e set e.served = e.served + :served, e.lastEvaluatedAt ="
                        + " case when e.lastEvaluatedAt < :last then :last else e.lastEvaluatedAt end"
                        + " where e.flagKey = :flag and e.environmentKey = :environment and e.variant = :variant")
                .setParameter("served", served)
                .setParameter("last", last)
                .setParameter("flag", key.flagKey())
                .setParameter("environment", key.environmentKey())
                .setParameter("variant", key.variant())
                .executeUpdate();
        if (updated == 0) {
            entityManager.persist(new EvidenceRow(key.flagKey(), key.environmentKey(), key.variant(), served, last));
        }
    }

    private void rollbackQuietly() {
        try {
            transaction.rollback();
        } catch (Exception alreadyEnded) {
            LOG.log(Level.FINEST, "nothing to roll back", alreadyEnded);
        }
    }
}
