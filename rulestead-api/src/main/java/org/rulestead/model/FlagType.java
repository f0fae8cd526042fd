package org.rulestead.model;

/** What a flag is for; drives the suggested lifecycle (spec §1.2). */
public enum FlagType implements WireNamed {
    RELEASE,
    EXPERIMENT,
    KILL_SWITCH,
    PERMISSION,
    REMOTE_CONFIG,
    OPERATIONAL,
    MIGRATION
}
