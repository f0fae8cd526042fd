package org.rulestead.model;

/** Where a flag's lifecycle mode came from (spec §1.2). */
public enum LifecycleSource implements WireNamed {
    FLAG_TYPE,
    OPERATOR_OVERRIDE,
    OPERATOR_REQUIRED,
    LEGACY_BACKFILL
}
