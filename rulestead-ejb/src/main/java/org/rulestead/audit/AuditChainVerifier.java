package org.rulestead.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.rulestead.governance.Action;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;
import org.rulestead.time.Now;

/**
 * Verifies the audit hash chain: positions without gaps, each event's previous hash its
 * predecessor's hash, each hash its content's, the chain's head at the last event. The full check
 * walks every event (what auditors run); the incremental check walks only the events after the
 * checkpoint, at most {@value #INCREMENTAL_LIMIT} of them, so a view of the audit page costs the same
 * however long the history. Both read the head first and walk up to it, so events committed
 * meanwhile are left for the next check instead of looking like a broken end.
 *
 * <p>Walks outside any transaction (a full walk must not outlast a transaction timeout); what was
 * found goes to the checkpoint in a short transaction of its own ({@link AuditCheckpoints}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditChainVerifier {

    /** The most events one incremental check walks; the rest wait for the next view. */
    public static final int INCREMENTAL_LIMIT = 2_000;

    private static final int BATCH = 500;

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private AuditCheckpoints checkpoints;

    @Inject
    private Now now;

    /** Walks the whole chain from its first event and records the intact prefix as the checkpoint. */
    public AuditVerification verifyAll() {
        authorize();
        AuditChainHead head = head();
        Walk walk = walk(0, AuditChain.GENESIS, head.lastSeq());
        Instant at = now.instant();
        AuditVerification result = walk.outcome(AuditVerification.Scope.FULL, head, at);
        checkpoints.afterFullCheck(walk.seq(), walk.hash(), result.valid(), at);
        return result;
    }

    /**
     * Walks the events after the checkpoint (at most {@value #INCREMENTAL_LIMIT}) and moves the
     * checkpoint to the last intact one; a break stays reported on every check until repaired,
     * since the checkpoint never passes it.
     */
    public AuditVerification verifyNew() {
        authorize();
        AuditChainHead head = head();
        AuditChainCheckpoint checkpoint = entityManager.find(AuditChainCheckpoint.class, AuditChainCheckpoint.ID);
        if (checkpoint.verifiedSeq() > head.lastSeq()) {
            return new AuditVerification(
                    false,
                    0,
                    null,
                    "the chain ends at position " + head.lastSeq() + ", before events already verified (through "
                            + checkpoint.verifiedSeq() + ")",
                    AuditVerification.Scope.NEW_EVENTS,
                    head.lastSeq(),
                    head.lastSeq(),
                    checkpoint.fullCheckAt());
        }
        long until = Math.min(head.lastSeq(), checkpoint.verifiedSeq() + INCREMENTAL_LIMIT);
        Walk walk = walk(checkpoint.verifiedSeq(), checkpoint.verifiedHash(), until);
        AuditVerification result = walk.outcome(AuditVerification.Scope.NEW_EVENTS, head, checkpoint.fullCheckAt());
        if (walk.seq() > checkpoint.verifiedSeq()) {
            checkpoints.advance(checkpoint.verifiedSeq(), walk.seq(), walk.hash(), now.instant());
        }
        return result;
    }

    private void authorize() {
        authorization.require(Action.LIST_AUDIT_EVENTS, ResourceRef.flag("*"), null);
    }

    private AuditChainHead head() {
        return entityManager.find(AuditChainHead.class, AuditChainHead.ID);
    }

    /** Checks the events after position {@code seq} (whose hash is {@code hash}) through {@code last}. */
    private Walk walk(long seq, String hash, long last) {
        long checked = 0;
        while (seq < last) {
            List<AuditEvent> batch = entityManager
                    .createNamedQuery("AuditEvent.chainBetween", AuditEvent.class)
                    .setParameter("after", seq)
                    .setParameter("last", last)
                    .setMaxResults(BATCH)
                    .getResultList();
            if (batch.isEmpty()) {
                return new Walk(checked, seq, hash, null, "the events after chain position " + seq + " are missing");
            }
            for (AuditEvent event : batch) {
                checked++;
                if (event.chainSeq() != seq + 1) {
                    return new Walk(
                            checked,
                            seq,
                            hash,
                            event.id(),
                            "events before chain position " + event.chainSeq() + " are missing");
                }
                if (!hash.equals(event.previousHash())) {
                    return new Walk(checked, seq, hash, event.id(), "the event does not follow its predecessor's hash");
                }
                if (!AuditChain.hash(hash, event.canonicalContent()).equals(event.eventHash())) {
                    return new Walk(checked, seq, hash, event.id(), "the event's content does not match its hash");
                }
                seq = event.chainSeq();
                hash = event.eventHash();
            }
        }
        return new Walk(checked, seq, hash, null, null);
    }

    /** Where a walk got to: the last intact position and its hash, and the break that stopped it. */
    private record Walk(long checked, long seq, String hash, Long brokenId, String problem) {

        AuditVerification outcome(AuditVerification.Scope scope, AuditChainHead head, Instant lastFullCheck) {
            String found = problem;
            if (found == null && seq == head.lastSeq() && !hash.equals(head.lastHash())) {
                found = "the chain's head does not match its last event: events after it are missing";
            }
            return new AuditVerification(
                    found == null, checked, brokenId, found, scope, seq, head.lastSeq(), lastFullCheck);
        }
    }
}
