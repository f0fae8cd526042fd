package org.rulestead.changerequests;

/** Where a change request stands; rejected, cancelled and executed are final. */
public enum ChangeRequestStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    CANCELLED,
    EXECUTED;

    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED || this == EXECUTED;
    }
}
