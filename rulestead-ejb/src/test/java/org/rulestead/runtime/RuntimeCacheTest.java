package org.rulestead.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which snapshot a node keeps when several arrive (spec §10.3–10.4). */
class RuntimeCacheTest {

    private static final Instant PUBLISHED = Instant.parse("2026-11-21T08:00:00Z");
    private static final String EMPTY = "{\"flags\": {}}";

    private static EnvironmentState staging(RuntimeCache cache) {
        return cache.environment("staging").orElseThrow();
    }

    @Test
    void anOlderOrEqualSnapshotFromTheDatabaseChangesNothing() {
        RuntimeCache cache = new RuntimeCache();
        cache.apply("staging", 5, EMPTY, PUBLISHED, "memory");
        cache.apply("staging", 3, EMPTY, PUBLISHED, "memory");
        cache.apply("staging", 5, EMPTY, PUBLISHED, "memory");

        assertThat(staging(cache).snapshotVersion()).isEqualTo(5);
    }

    @Test
    void whatTheDiskBackupHoldsYieldsToTheDatabaseEvenWhenTheDatabaseNumbersLower() {
        // a backup of a database since restored or recreated: its numbers say nothing about this one
        RuntimeCache cache = new RuntimeCache();
        cache.apply("staging", 60, EMPTY, PUBLISHED, RuntimeCache.FROM_BACKUP);
        assertThat(staging(cache).fromBackup()).isTrue();

        cache.apply("staging", 3, "{\"flags\": {}, \"audiences\": {}}", PUBLISHED, "memory");

        assertThat(staging(cache).snapshotVersion()).isEqualTo(3);
        assertThat(staging(cache).fromBackup()).isFalse();
        cache.apply("staging", 2, EMPTY, PUBLISHED, "memory");
        assertThat(staging(cache).snapshotVersion()).isEqualTo(3);
    }

    @Test
    void anEnvironmentTheDatabaseConfirmedEmptyStillHasSomethingToServeWhenTheDatabaseGoes() {
        RuntimeCache cache = new RuntimeCache();
        cache.register("staging");
        cache.register("production");
        cache.markReady("staging"); // nothing published there: the database says so
        cache.markFailed("staging", "store_unavailable");
        cache.markFailed("production", "store_unavailable"); // never heard of the database

        assertThat(staging(cache).status()).isEqualTo(RefreshStatus.STALE);
        assertThat(cache.environment("production").orElseThrow().status()).isEqualTo(RefreshStatus.DEGRADED);
    }
}
