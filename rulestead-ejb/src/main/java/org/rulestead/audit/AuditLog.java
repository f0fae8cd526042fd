package org.rulestead.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.rulestead.time.Now;

/**
 * The one writer of the audit trail. It joins the caller's transaction and refuses to run without
 * one, so a change and its audit event commit or roll back together. Each event joins the hash
 * chain under the lock of its head.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditLog {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Event<AuditEventRecorded> recorded;

    @Inject
    private Now now;

    public long record(AuditRecord record) {
        AuditChainHead head =
                entityManager.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEvent event = new AuditEvent(record, now.instant(), head.lastSeq() + 1, head.lastHash());
        entityManager.persist(event);
        head.advanceTo(event.chainSeq(), event.eventHash());
        entityManager.flush();
        recorded.fire(new AuditEventRecorded(event.id(), record));
        return event.id();
    }
}
