package org.rulestead.audit;

import java.util.List;

/** One page of audit events, newest first, and the cursor of the next page (null at the end). */
public record AuditPage(List<AuditEventView> items, Long next) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
