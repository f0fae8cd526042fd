package org.rulestead.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.rulestead.model.Keys;

/**
 * Keeps this node's {@link RuntimeCache} current (spec §10.2): right after a local commit that
 * wrote a snapshot, and by polling every environment's snapshot version (default every 500 ms) for
 * changes other nodes made. When the database cannot be reached the cache keeps serving what it
 * has, marked stale, and the next successful poll makes it ready again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SnapshotRefresher {

    private static final Logger LOG = Logger.getLogger(SnapshotRefresher.class.getName());

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Resource
    private TimerService timers;

    // Liberty hands a numeric jndiEntry over as a number
    @Resource(lookup = "rulestead/runtime/pollMillis")
    private Object pollMillis;

    // where each environment's last snapshot is kept on disk; empty keeps none
    @Resource(lookup = "rulestead/runtime/backupDir")
    private String backupDir;

    @Inject
    private RuntimeCache cache;

    private SnapshotBackup backup;

    @Inject
    private RefreshMonitor monitor;

    @Inject
    private Event<DatabaseAnswered> databaseAnswered;

    // a commit's thread waits this long for a poll under way, then leaves the work to it
    private static final long COMMIT_WAIT_SECONDS = 2;

    private final ReentrantLock polling = new ReentrantLock();
    private final AtomicBoolean pollWanted = new AtomicBoolean();

    @PostConstruct
    void start() {
        backup = backupDir == null || backupDir.isBlank() ? null : new SnapshotBackup(Path.of(backupDir.trim()));
        restoreBackups();
        poll(true);
        long interval = Math.max(50, Long.parseLong(String.valueOf(pollMillis).trim()));
        monitor.expectPollsEvery(interval);
        timers.createIntervalTimer(interval, interval, new TimerConfig("runtime snapshot poll", false));
    }

    @Timeout
    void onTimer() {
        poll(false);
    }

    /**
     * A local commit wrote a snapshot: apply it before the commit's caller gets its answer, so what
     * it changed is what this node serves next (waiting a little for a poll under way).
     */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SnapshotWritten written) {
        poll(true);
    }

    /**
     * Compares every environment's snapshot version with this node's and loads what is newer. One
     * poll runs at a time: a poll asked for while another runs (a timer tick while the database
     * hangs, a commit) is folded into it, so waiting on the database never ties up more than one
     * thread, and the running poll goes round once more for what was asked meanwhile.
     */
    private void poll(boolean waitForTurn) {
        pollWanted.set(true);
        do {
            if (!takeTurn(waitForTurn)) {
                return;
            }
            try {
                while (pollWanted.getAndSet(false)) {
                    pollOnce();
                }
            } finally {
                polling.unlock();
            }
        } while (pollWanted.get());
    }

    private boolean takeTurn(boolean wait) {
        if (!wait) {
            return polling.tryLock();
        }
        try {
            return polling.tryLock(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void pollOnce() {
        monitor.attempting();
        List<Object[]> versions;
        try {
            versions = entityManager
                    .createQuery("select e.key, e.snapshotVersion from Environment e", Object[].class)
                    .getResultList();
        } catch (RuntimeException unreachable) {
            monitor.failed("store_unavailable");
            cache.all().forEach(state -> cache.markFailed(state.environmentKey(), "store_unavailable"));
            LOG.log(Level.FINE, "snapshot poll failed; serving what this node has, marked stale", unreachable);
            return;
        }
        boolean loadedAll = true;
        for (Object[] row : versions) {
            String environment = (String) row[0];
            long version = ((Number) row[1]).longValue();
            cache.register(environment);
            long current = cache.environment(environment)
                    .map(EnvironmentState::snapshotVersion)
                    .orElse(0L);
            boolean fromBackup = cache.environment(environment)
                    .map(EnvironmentState::fromBackup)
                    .orElse(false);
            if (version > current || (fromBackup && version > 0)) {
                loadedAll &= load(environment);
            } else {
                cache.markReady(environment);
            }
        }
        if (loadedAll) {
            // what else is served from memory catches up first: once the monitor confirms, a key
            // unknown to this node is unknown to the database
            databaseAnswered.fire(new DatabaseAnswered());
            monitor.succeeded();
        } else {
            monitor.failed("store_unavailable");
        }
    }

    /** Serves what the disk backups hold until the database answers (spec §10.4). */
    private void restoreBackups() {
        if (backup == null) {
            return;
        }
        Path root = Path.of(backupDir.trim());
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> environments = Files.list(root)) {
            environments
                    .filter(Files::isDirectory)
                    .filter(directory ->
                            Keys.isEnvironmentKey(directory.getFileName().toString()))
                    .forEach(directory -> {
                        String environment = directory.getFileName().toString();
                        try {
                            backup.load(environment)
                                    .ifPresentOrElse(
                                            restored -> {
                                                cache.register(environment);
                                                cache.apply(
                                                        environment,
                                                        restored.version(),
                                                        restored.payload(),
                                                        restored.publishedAt(),
                                                        RuntimeCache.FROM_BACKUP);
                                                cache.backupStatus(environment, "loaded");
                                            },
                                            () -> cache.backupStatus(environment, "missing"));
                        } catch (IOException | RuntimeException unreadable) {
                            cache.backupStatus(environment, "restore_failed");
                            LOG.log(Level.WARNING, "could not restore the disk backup of " + environment, unreadable);
                        }
                    });
        } catch (IOException unreadable) {
            LOG.log(Level.WARNING, "could not list the snapshot backups in " + root, unreadable);
        }
    }

    private void persistBackup(String environment, RuntimeSnapshot snapshot) {
        if (backup == null) {
            return;
        }
        try {
            backup.persist(environment, snapshot.snapshotVersion(), snapshot.publishedAt(), snapshot.payload());
            cache.backupStatus(environment, "persisted");
        } catch (IOException | RuntimeException failed) {
            cache.backupStatus(environment, "persist_failed");
            LOG.log(Level.WARNING, "could not write the disk backup of " + environment, failed);
        }
    }

    /** Loads the environment's latest snapshot; false when the database could not give it. */
    private boolean load(String environment) {
        try {
            entityManager
                    .createNamedQuery("RuntimeSnapshot.latest", RuntimeSnapshot.class)
                    .setParameter("environment", environment)
                    .setMaxResults(1)
                    .getResultList()
                    .stream()
                    .findFirst()
                    .ifPresent(snapshot -> {
                        if (!Snapshots.checksum(snapshot.payload()).equals(snapshot.payloadChecksum())) {
                            throw new IllegalStateException("snapshot v" + snapshot.snapshotVersion() + " of "
                                    + environment + " does not match its checksum");
                        }
                        cache.apply(
                                environment,
                                snapshot.snapshotVersion(),
                                snapshot.payload(),
                                snapshot.publishedAt(),
                                RuntimeCache.FROM_DATABASE);
                        persistBackup(environment, snapshot);
                    });
            return true;
        } catch (RuntimeException failed) {
            cache.markFailed(environment, "store_unavailable");
            LOG.log(Level.WARNING, "could not load the runtime snapshot of " + environment, failed);
            return false;
        }
    }
}
