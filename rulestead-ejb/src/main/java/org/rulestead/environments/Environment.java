package org.rulestead.environments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A deployment scope. Protected environments route high-impact changes through review. */
@Entity
@Table(name = "environments")
@NamedQuery(name = "Environment.all", query = "select e from Environment e order by e.id")
@NamedQuery(name = "Environment.byKeys", query = "select e from Environment e where e.key in :keys")
@NamedQuery(
        name = "Environment.protectionByKey",
        query = "select e.protectedEnvironment from Environment e where e.key = :key")
public class Environment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "env_key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "protected_env", nullable = false)
    private boolean protectedEnvironment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "snapshot_version", nullable = false)
    private long snapshotVersion;

    @Column(name = "grants_version", nullable = false)
    private long grantsVersion;

    @Version
    private long version;

    protected Environment() {}

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public long snapshotVersion() {
        return snapshotVersion;
    }

    /** The number of the environment's next runtime snapshot, now its current one. */
    public long advanceSnapshot() {
        return ++snapshotVersion;
    }

    /** The version of the roles granted here: it advances with every grant and revocation. */
    public long grantsVersion() {
        return grantsVersion;
    }

    /** Records that the roles granted here changed. */
    public long grantsChanged() {
        return ++grantsVersion;
    }

    public EnvironmentSummary summary() {
        return new EnvironmentSummary(key, name, description, protectedEnvironment);
    }
}
