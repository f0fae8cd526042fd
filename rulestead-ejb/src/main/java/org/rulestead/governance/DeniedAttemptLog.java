package org.rulestead.governance;

/**
 * Where governance records refused attempts; the audit trail provides it, writing each in a
 * transaction of its own so the refusal survives the refused command's rollback. Governance owns
 * this seam so that it depends on no audit internals.
 */
public interface DeniedAttemptLog {

    void record(DeniedAttempt attempt);
}
