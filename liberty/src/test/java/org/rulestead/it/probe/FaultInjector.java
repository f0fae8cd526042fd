package org.rulestead.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.rulestead.audit.AuditEventRecorded;

/**
 * Fails any command on a resource whose key, or with a reason that, starts with {@value #MARKER}, right after the command
 * wrote its change and its audit event, still inside their transaction.
 */
@ApplicationScoped
public class FaultInjector {

    public static final String MARKER = "fault-injected";

    void afterAuditWrite(@Observes AuditEventRecorded recorded) {
        String key = recorded.record().resourceKey();
        String reason = recorded.record().reason();
        if (key != null && key.startsWith(MARKER) || reason != null && reason.startsWith(MARKER)) {
            throw new IllegalStateException(
                    "fault injected after the write of " + recorded.record().eventType());
        }
    }
}
