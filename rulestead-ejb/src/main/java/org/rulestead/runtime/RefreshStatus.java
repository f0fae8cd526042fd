package org.rulestead.runtime;

/**
 * How fresh an environment's compiled flags are (spec §10.3): {@code READY} (the last refresh
 * applied), {@code STALE} (flags are loaded but the last refresh failed), {@code DEGRADED}
 * (nothing loaded).
 */
public enum RefreshStatus {
    READY,
    STALE,
    DEGRADED
}
