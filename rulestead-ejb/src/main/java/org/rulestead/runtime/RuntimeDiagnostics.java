package org.rulestead.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an SRE asks of one node (spec §10.5): each environment's snapshot and whether it is served
 * stale, the refresh worker, the database as the worker last found it, and the peer nodes that
 * reported themselves. Read from memory, except the peers, which are asked of the database only
 * while it answers.
 */
@ApplicationScoped
public class RuntimeDiagnostics {

    private static final Logger LOG = Logger.getLogger(RuntimeDiagnostics.class.getName());

    /** One environment on this node. */
    public record EnvironmentDiagnostics(
            EnvironmentState state, boolean staleUsed, String diskBackupStatus, Long syncLatencyMs) {}

    /**
     * @param peerNodesStatus {@code listed}, or {@code unknown} while the database cannot be asked
     */
    public record Diagnostics(
            String node,
            String database,
            RefreshMonitor.WorkerStatus refreshWorker,
            List<EnvironmentDiagnostics> environments,
            List<PeerNode> peerNodes,
            String peerNodesStatus) {}

    @Inject
    private RuntimeCache cache;

    @Inject
    private RefreshMonitor monitor;

    @Inject
    private NodeHeartbeat heartbeat;

    public Diagnostics read() {
        List<EnvironmentDiagnostics> environments = cache.all().stream()
                .map(state -> new EnvironmentDiagnostics(
                        state, cache.stale(state), cache.backupStatus(state.environmentKey()), syncLatency(state)))
                .toList();
        List<PeerNode> peers = List.of();
        String peersStatus = "unknown";
        if (monitor.confirmed()) {
            try {
                peers = heartbeat.peers();
                peersStatus = "listed";
            } catch (RuntimeException unreachable) {
                LOG.log(Level.WARNING, "could not list the peer nodes", unreachable);
            }
        }
        return new Diagnostics(
                NodeIdentity.name(), cache.database(), monitor.status(), environments, peers, peersStatus);
    }

    private static Long syncLatency(EnvironmentState state) {
        if (state.publishedAt() == null || state.appliedAt() == null) {
            return null;
        }
        return Math.max(
                0, Duration.between(state.publishedAt(), state.appliedAt()).toMillis());
    }
}
