package org.rulestead.audit;

/** How the audited attempt ended (spec §1.9: ok, denied, error). */
public enum AuditOutcome {
    OK,
    DENIED,
    ERROR
}
