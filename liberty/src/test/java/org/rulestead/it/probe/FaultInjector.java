package org.rulestead.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.rulestead.audit.AuditEventRecorded;

/**
 * Fails any command on a resource whose key starts with {@value #MARKER}, right after the command
 * wrote its change and its audit event, still inside their transaction.
 */
@ApplicationScoped
public class FaultInjector {

    public static final String MARKER = "fault-injected";

    void afterAuditWrite(@Observes AuditEventRecorded recorded) {
        String key = recorded.record().resourceKey();
        if (key != null && key.startsWith(MARKER)) {
            throw new IllegalStateException("fault injected after the write of " + key);
        }
    }
}
