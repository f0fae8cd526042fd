package org.rulestead.changerequests;

/** A reviewer's decision on a change request. */
public enum Decision {
    APPROVED,
    REJECTED
}
