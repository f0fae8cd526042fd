package org.rulestead.audit;

import java.time.Instant;

/**
 * The outcome of walking the hash chain: whether every event walked is where its predecessor's
 * hash says and holds what its own hash says, how many were checked, and the first that is not.
 *
 * @param scope the whole chain, or only the events after the checkpoint
 * @param verifiedThrough the chain is known intact from its first event through this position
 *     (this check's and, for {@link Scope#NEW_EVENTS}, earlier ones'); before the break when broken
 * @param chainLength the chain's last position when the check started
 * @param lastFullCheck when the whole chain was last walked (now, for a full check); null if never
 */
public record AuditVerification(
        boolean valid,
        long checked,
        Long firstBrokenId,
        String problem,
        Scope scope,
        long verifiedThrough,
        long chainLength,
        Instant lastFullCheck) {

    /** What a check walks. */
    public enum Scope {
        /** Every event from the first: what auditors run; finds an edit of any event. */
        FULL,
        /**
         * The events after the checkpoint only: bounded work for each view of the audit page. An
         * event edited after it was checked is found by the next full check, not by this one.
         */
        NEW_EVENTS
    }

    /** Whether the check found no break and the chain is verified through its last event. */
    public boolean complete() {
        return valid && verifiedThrough == chainLength;
    }

    /** Events after the verified part, left for later checks (none once complete). */
    public long remaining() {
        return Math.max(0, chainLength - verifiedThrough);
    }
}
