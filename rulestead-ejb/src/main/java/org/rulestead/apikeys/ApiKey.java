package org.rulestead.apikeys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** An evaluation API key of one environment: only its hash and a short prefix are kept. */
@Entity
@Table(name = "api_keys")
@NamedQuery(name = "ApiKey.live", query = "select k from ApiKey k where k.revokedAt is null")
@NamedQuery(
        name = "ApiKey.inEnvironment",
        query = "select k from ApiKey k where k.environmentKey = :environment order by k.id")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "environment_key", nullable = false, updatable = false)
    private String environmentKey;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "key_prefix", nullable = false, updatable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false, updatable = false)
    private String keyHash;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiKey() {}

    ApiKey(String environmentKey, String name, String keyPrefix, String keyHash, String createdBy, Instant at) {
        this.environmentKey = environmentKey;
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    Long id() {
        return id;
    }

    String keyHash() {
        return keyHash;
    }

    String environmentKey() {
        return environmentKey;
    }

    boolean revoked() {
        return revokedAt != null;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    ApiKeyView view() {
        return new ApiKeyView(id, environmentKey, name, keyPrefix, createdBy, createdAt, revokedBy, revokedAt);
    }
}
