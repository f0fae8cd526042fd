package org.rulestead.runtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One runtime snapshot of an environment (spec §1.7): append-only, numbered, checksummed. */
@Entity
@Table(name = "runtime_snapshots")
@NamedQuery(
        name = "RuntimeSnapshot.latest",
        query = "select s from RuntimeSnapshot s where s.environmentKey = :environment"
                + " order by s.snapshotVersion desc")
public class RuntimeSnapshot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(name = "snapshot_version", nullable = false, updatable = false)
    private long snapshotVersion;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    private String payload;

    @Column(name = "payload_checksum", nullable = false, updatable = false)
    private String payloadChecksum;

    @Column(name = "flag_count", nullable = false, updatable = false)
    private int flagCount;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    protected RuntimeSnapshot() {}

    public RuntimeSnapshot(
            String environmentKey, long snapshotVersion, String payload, String checksum, int flagCount, Instant at) {
        this.environmentKey = environmentKey;
        this.snapshotVersion = snapshotVersion;
        this.payload = payload;
        this.payloadChecksum = checksum;
        this.flagCount = flagCount;
        this.publishedAt = at;
    }

    String environmentKey() {
        return environmentKey;
    }

    long snapshotVersion() {
        return snapshotVersion;
    }

    String payload() {
        return payload;
    }

    String payloadChecksum() {
        return payloadChecksum;
    }

    Instant publishedAt() {
        return publishedAt;
    }
}
