package org.rulestead.runtime;

import java.time.Instant;
import java.util.Map;
import org.rulestead.evaluation.CompiledFlag;

/**
 * One environment's compiled flags on this node, immutable: a refresh replaces the whole state
 * (PD-12), so a flag gone from the newest snapshot is gone here too.
 *
 * @param appliedNanos {@link System#nanoTime()} when applied, for cache ages immune to clock changes
 * @param source where the flags came from: {@code memory} (the database), {@code disk}, {@code none}
 */
public record EnvironmentState(
        String environmentKey,
        long snapshotVersion,
        Map<String, CompiledFlag> flags,
        Instant publishedAt,
        Instant appliedAt,
        long appliedNanos,
        String source,
        RefreshStatus status,
        String lastRefreshError) {

    public EnvironmentState {
        flags = Map.copyOf(flags);
    }

    private static final String NOTHING = "none";

    static EnvironmentState unloaded(String environmentKey) {
        return new EnvironmentState(environmentKey, 0, Map.of(), null, null, 0, NOTHING, RefreshStatus.DEGRADED, null);
    }

    /** Milliseconds since these flags were applied on this node; null when nothing is loaded. */
    public Long cacheAgeMs() {
        return snapshotVersion == 0 ? null : (System.nanoTime() - appliedNanos) / 1_000_000;
    }

    public boolean stale() {
        return status != RefreshStatus.READY;
    }

    EnvironmentState failed(String error) {
        return new EnvironmentState(
                environmentKey,
                snapshotVersion,
                flags,
                publishedAt,
                appliedAt,
                appliedNanos,
                source,
                NOTHING.equals(source) ? RefreshStatus.DEGRADED : RefreshStatus.STALE,
                error);
    }

    /**
     * The database confirmed this state. An environment nothing was ever published in is then known
     * to serve nothing: an empty snapshot, served from memory like any other.
     */
    EnvironmentState ready() {
        return status == RefreshStatus.READY
                ? this
                : new EnvironmentState(
                        environmentKey,
                        snapshotVersion,
                        flags,
                        publishedAt,
                        appliedAt,
                        appliedNanos,
                        NOTHING.equals(source) ? RuntimeCache.FROM_DATABASE : source,
                        RefreshStatus.READY,
                        null);
    }

    /** Whether the flags came from this node's disk backup, not (yet) from the database. */
    public boolean fromBackup() {
        return RuntimeCache.FROM_BACKUP.equals(source);
    }
}
