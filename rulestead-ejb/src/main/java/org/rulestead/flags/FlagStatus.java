package org.rulestead.flags;

/** A flag's state in one environment (spec §1.3). */
public enum FlagStatus {
    DRAFT,
    ACTIVE,
    ARCHIVED,
    KILLSWITCHED
}
