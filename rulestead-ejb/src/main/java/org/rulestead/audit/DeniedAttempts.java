package org.rulestead.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Audits refused attempts (spec §6.12) in a transaction of their own: the refused command's
 * transaction rolls back, its audit row must not.
 */
@Stateless
public class DeniedAttempts {

    @Inject
    private AuditLog auditLog;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditRecord denied) {
        auditLog.record(denied);
    }
}
