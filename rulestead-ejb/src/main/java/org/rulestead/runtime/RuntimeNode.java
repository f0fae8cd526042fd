package org.rulestead.runtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A node serving this database, as it last reported itself (see {@link NodeHeartbeat}). */
@Entity
@Table(name = "runtime_nodes")
@NamedQuery(
        name = "RuntimeNode.seenSince",
        query = "select n from RuntimeNode n where n.lastSeenAt >= :since order by n.nodeId")
@NamedQuery(name = "RuntimeNode.forgetBefore", query = "delete from RuntimeNode n where n.lastSeenAt < :before")
public class RuntimeNode {

    @Id
    @Column(name = "node_id")
    private String nodeId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(nullable = false)
    private boolean stale;

    // {"staging": 12, ...}: small, read only by diagnostics
    @Column(name = "snapshot_versions", nullable = false, length = 4000)
    private String snapshotVersions;

    protected RuntimeNode() {}

    RuntimeNode(String nodeId, Instant startedAt) {
        this.nodeId = nodeId;
        this.startedAt = startedAt;
    }

    void seen(Instant at, boolean stale, String snapshotVersions) {
        this.lastSeenAt = at;
        this.stale = stale;
        this.snapshotVersions = snapshotVersions;
    }

    PeerNode view(String self) {
        return new PeerNode(nodeId, startedAt, lastSeenAt, stale, snapshotVersions, nodeId.equals(self));
    }
}
