package org.rulestead.audit;

/**
 * The outcome of walking the hash chain: whether every event is where its predecessor's hash says
 * and holds what its own hash says, how many were checked, and the first that is not.
 */
public record AuditVerification(boolean valid, long checked, Long firstBrokenId, String problem) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    static AuditVerification broken(long checked, Long eventId, String problem) {
        return new AuditVerification(false, checked, eventId, problem);
    }
}
