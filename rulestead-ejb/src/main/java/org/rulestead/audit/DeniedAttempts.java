package org.rulestead.audit;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.rulestead.governance.DeniedAttempt;
import org.rulestead.governance.DeniedAttemptLog;

/**
 * Audits refused attempts (spec §6.12) in a transaction of their own: the refused command's
 * transaction rolls back, its audit row must not.
 */
@Stateless
@LocalBean
@Local(DeniedAttemptLog.class)
public class DeniedAttempts implements DeniedAttemptLog {

    @Inject
    private AuditLog auditLog;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(DeniedAttempt denied) {
        auditLog.record(new AuditRecord(
                denied.eventType(),
                denied.resource().type(),
                denied.resource().key(),
                denied.environmentKey(),
                denied.actor(),
                denied.reason(),
                AuditOutcome.DENIED,
                denied.metadata(),
                denied.correlationId()));
    }
}
