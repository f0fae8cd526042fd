package org.rulestead.it.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.rulestead.audit.AuditEventRecorded;

/**
 * Fails any command on a resource whose key, or with a reason that, starts with {@value #MARKER} (or whose audit
 * metadata names it), right after the command
 * wrote its change and its audit event, still inside their transaction.
 */
@ApplicationScoped
public class FaultInjector {

    public static final String MARKER = "fault-injected";

    void afterAuditWrite(@Observes AuditEventRecorded recorded) {
        String key = recorded.record().resourceKey();
        String reason = recorded.record().reason();
        // or whose audit metadata names it: an API key's name, a grant's principal
        boolean named = String.valueOf(recorded.record().metadata()).contains(MARKER);
        if (key != null && key.startsWith(MARKER) || reason != null && reason.startsWith(MARKER) || named) {
            throw new IllegalStateException(
                    "fault injected after the write of " + recorded.record().eventType());
        }
    }
}
