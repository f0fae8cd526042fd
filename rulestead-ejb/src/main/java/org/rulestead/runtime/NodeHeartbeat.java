package org.rulestead.runtime;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rulestead.json.JsonTrees;

/**
 * Every five seconds, this node writes when it was last seen and what it serves, so diagnostics
 * on any node can list its peers (spec §10.5 {@code peer_nodes}). Reports older than a day are
 * dropped. It waits on the database only while it answers: while the refresh worker finds the
 * database unreachable, nothing is written.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class NodeHeartbeat {

    private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());

    /** A node not seen for this long is no longer listed as a peer. */
    public static final Duration PEER_WINDOW = Duration.ofSeconds(30);

    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Resource
    private UserTransaction transaction;

    @Inject
    private RuntimeCache cache;

    @Inject
    private RefreshMonitor monitor;

    private final String self = NodeIdentity.name();
    private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final AtomicBoolean beating = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    public void beat() {
        if (!monitor.confirmed() || !beating.compareAndSet(false, true)) {
            return;
        }
        try {
            transaction.begin();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Map<String, Object> versions = new TreeMap<>();
            boolean stale = false;
            for (EnvironmentState state : cache.all()) {
                versions.put(state.environmentKey(), state.snapshotVersion());
                stale |= cache.stale(state);
            }
            RuntimeNode node = entityManager.find(RuntimeNode.class, self);
            if (node == null) {
                node = new RuntimeNode(self, startedAt);
                node.seen(now, stale, JsonTrees.write(versions));
                entityManager.persist(node);
            } else {
                node.seen(now, stale, JsonTrees.write(versions));
            }
            entityManager
                    .createNamedQuery("RuntimeNode.forgetBefore")
                    .setParameter("before", now.minus(FORGET_AFTER))
                    .executeUpdate();
            transaction.commit();
        } catch (Exception failed) {
            rollbackQuietly();
            LOG.log(Level.WARNING, "could not report this node to its peers", failed);
        } finally {
            beating.set(false);
        }
    }

    /** The nodes seen within {@link #PEER_WINDOW}, this one included (marked {@code self}). */
    public List<PeerNode> peers() {
        return entityManager
                .createNamedQuery("RuntimeNode.seenSince", RuntimeNode.class)
                .setParameter("since", Instant.now().minus(PEER_WINDOW))
                .getResultList()
                .stream()
                .map(node -> node.view(self))
                .toList();
    }

    private void rollbackQuietly() {
        try {
            transaction.rollback();
        } catch (Exception alreadyEnded) {
            LOG.log(Level.FINEST, "nothing to roll back", alreadyEnded);
        }
    }
}
