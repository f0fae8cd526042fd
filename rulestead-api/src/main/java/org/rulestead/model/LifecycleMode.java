package org.rulestead.model;

/** Whether a flag is meant to go away (and when it is reviewed) or to stay. */
public enum LifecycleMode implements WireNamed {
    EXPIRING,
    PERMANENT
}
