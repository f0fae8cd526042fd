package org.rulestead.runtime;

import java.time.Instant;

/**
 * A node that reported itself recently: when it started and was last seen, whether it serves stale
 * answers, and the snapshot version it serves per environment (JSON, {@code {"staging": 12}}).
 */
public record PeerNode(
        String nodeId, Instant startedAt, Instant lastSeenAt, boolean stale, String snapshotVersions, boolean self) {}
