package org.rulestead.flags;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.Environment;
import org.rulestead.json.JsonTrees;
import org.rulestead.runtime.RuntimeSnapshot;
import org.rulestead.runtime.SnapshotWritten;
import org.rulestead.runtime.Snapshots;
import org.rulestead.time.Now;

/**
 * Writes an environment's next runtime snapshot inside the transaction that changed what it
 * serves (spec §1.7), so the change and the snapshot commit together. The environment row is
 * locked while its number advances, so snapshots of one environment are written one at a time.
 */
@Dependent
public class SnapshotWriter {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Event<SnapshotWritten> written;

    @Inject
    private Now now;

    /**
     * Locks the environment before a command reads what it will change: every command that writes
     * a snapshot takes this lock first, so they queue here instead of deadlocking later (on
     * databases that lock rows for reads, such as Derby).
     */
    public void lock(String environmentKey) {
        locked(environmentKey);
    }

    public long write(String environmentKey) {
        Environment environment = locked(environmentKey);
        Map<String, Object> flags = new TreeMap<>();
        // the rulesets in force, in one read: a snapshot costs the same however long the history
        Map<FlagEnvironment, Ruleset> inForce = new HashMap<>();
        entityManager
                .createQuery(
                        "select r from Ruleset r join r.flagEnvironment fe where fe.environment.key = :key"
                                + " and r.rulesetVersion = fe.activeRulesetVersion",
                        Ruleset.class)
                .setParameter("key", environmentKey)
                .getResultList()
                .forEach(ruleset -> inForce.put(ruleset.flagEnvironment(), ruleset));
        entityManager
                .createQuery("select fe from FlagEnvironment fe where fe.environment.key = :key", FlagEnvironment.class)
                .setParameter("key", environmentKey)
                .getResultList()
                .forEach(state -> state.runtimePayload(inForce.get(state))
                        .ifPresent(payload -> flags.put(state.flagKey(), payload)));
        Instant at = now.instant();
        long version = environment.advanceSnapshot();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("schema_version", Snapshots.SCHEMA_VERSION);
        document.put("environment_key", environmentKey);
        document.put("version", version);
        document.put("generated_at", at.toString());
        document.put("flags", flags);
        document.put("audiences", Map.of());
        String payload = JsonTrees.write(Snapshots.canonical(document));
        entityManager.persist(
                new RuntimeSnapshot(environmentKey, version, payload, Snapshots.checksum(payload), flags.size(), at));
        entityManager.flush();
        written.fire(new SnapshotWritten(environmentKey, version));
        return version;
    }

    /**
     * The environment, locked and read again under the lock (a refresh, not a locking query): a
     * command that had read it before (checking its flag there) holds the version it read, and a
     * locking query would refuse that stale copy with an optimistic lock conflict when a snapshot
     * written meanwhile, by another node, moved it on.
     */
    private Environment locked(String environmentKey) {
        Environment environment = entityManager
                .createQuery("select e from Environment e where e.key = :key", Environment.class)
                .setParameter("key", environmentKey)
                .getResultList()
                .stream()
                .findFirst()
                .orElseThrow(() -> CommandRejected.environmentNotFound(environmentKey));
        entityManager.refresh(environment, LockModeType.PESSIMISTIC_WRITE);
        return environment;
    }
}
