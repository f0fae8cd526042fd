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
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

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

    private final Object polling = new Object();

    @PostConstruct
    void start() {
        backup = backupDir == null || backupDir.isBlank() ? null : new SnapshotBackup(Path.of(backupDir.trim()));
        restoreBackups();
        poll();
        long interval = Math.max(50, Long.parseLong(String.valueOf(pollMillis).trim()));
        timers.createIntervalTimer(interval, interval, new TimerConfig("runtime snapshot poll", false));
    }

    @Timeout
    void onTimer() {
        poll();
    }

    /** A local commit wrote a snapshot: apply it now, before the next poll. */
    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SnapshotWritten written) {
        poll();
    }

    /** Compares every environment's snapshot version with this node's and loads what is newer. */
    public void poll() {
        synchronized (polling) {
            List<Object[]> versions;
            try {
                versions = entityManager
                        .createQuery("select e.key, e.snapshotVersion from Environment e", Object[].class)
                        .getResultList();
            } catch (RuntimeException unreachable) {
                cache.all().forEach(state -> cache.markFailed(state.environmentKey(), "store_unavailable"));
                LOG.log(Level.FINE, "snapshot poll failed; serving what this node has, marked stale", unreachable);
                return;
            }
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
                    load(environment);
                } else {
                    cache.markReady(environment);
                }
            }
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
            environments.filter(Files::isDirectory).forEach(directory -> {
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

    private void load(String environment) {
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
                                "memory");
                        persistBackup(environment, snapshot);
                    });
        } catch (RuntimeException failed) {
            cache.markFailed(environment, "store_unavailable");
            LOG.log(Level.WARNING, "could not load the runtime snapshot of " + environment, failed);
        }
    }
}
