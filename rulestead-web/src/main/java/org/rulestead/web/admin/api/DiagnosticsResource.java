package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rulestead.apikeys.ApiKeyRegistry;
import org.rulestead.governance.Action;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.EnvironmentScope;
import org.rulestead.governance.ResourceRef;
import org.rulestead.json.JsonTrees;
import org.rulestead.runtime.EnvironmentState;
import org.rulestead.runtime.PeerNode;
import org.rulestead.runtime.RefreshMonitor;
import org.rulestead.runtime.RuntimeDiagnostics;
import org.rulestead.runtime.RuntimeDiagnostics.Diagnostics;
import org.rulestead.runtime.RuntimeDiagnostics.EnvironmentDiagnostics;

/**
 * {@code GET /api/v1/admin/diagnostics}: this node's runtime (spec §10.5): per environment the
 * snapshot version, when it was published and applied, its age, source, refresh status, whether
 * answers are served stale, the disk backup and the last refresh error; the refresh worker; the
 * database as the worker last found it; and the peer nodes that reported themselves. Only the
 * environments where the caller may read diagnostics are listed.
 */
@Path("v1/admin/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DiagnosticsResource {

    private RuntimeDiagnostics diagnostics;
    private ApiKeyRegistry apiKeys;
    private Authorization authorization;

    protected DiagnosticsResource() {}

    @Inject
    public DiagnosticsResource(RuntimeDiagnostics diagnostics, ApiKeyRegistry apiKeys, Authorization authorization) {
        this.diagnostics = diagnostics;
        this.apiKeys = apiKeys;
        this.authorization = authorization;
    }

    @GET
    public JsonObject diagnostics() {
        EnvironmentScope scope = authorization.requireAcross(Action.READ_DIAGNOSTICS, ResourceRef.environment("*"));
        Diagnostics node = diagnostics.read();
        List<EnvironmentDiagnostics> shown = node.environments().stream()
                .filter(environment -> scope.includes(environment.state().environmentKey()))
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", node.node());
        json.put(
                "environments",
                shown.stream().map(DiagnosticsResource::environment).toList());
        json.put("database", node.database());
        json.put("refresh_worker", worker(node.refreshWorker()));
        // where the API keys this node admits come from: the database, its disk backup, or none yet
        json.put("api_keys_source", apiKeys.source());
        Map<String, Object> infrastructure = new LinkedHashMap<>();
        infrastructure.put("node", node.node());
        infrastructure.put("topology_scope", "current_node");
        infrastructure.put("peer_nodes_status", node.peerNodesStatus());
        infrastructure.put(
                "peer_nodes",
                node.peerNodes().stream().map(DiagnosticsResource::peer).toList());
        infrastructure.put(
                "environments",
                shown.stream().map(environment -> health(environment, node)).toList());
        json.put("infrastructure_health", infrastructure);
        return JsonTrees.toJson(json).asJsonObject();
    }

    private static Map<String, Object> environment(EnvironmentDiagnostics environment) {
        EnvironmentState state = environment.state();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment_key", state.environmentKey());
        json.put("snapshot_version", state.snapshotVersion());
        json.put("applied_at", state.appliedAt());
        json.put("published_at", state.publishedAt());
        json.put("cache_age_ms", state.cacheAgeMs());
        json.put("source", state.source());
        json.put("refresh_status", status(state));
        json.put("stale_used", environment.staleUsed());
        json.put("flag_count", state.flags().size());
        json.put("disk_backup_status", environment.diskBackupStatus());
        json.put("last_refresh_error", state.lastRefreshError());
        return json;
    }

    private static Map<String, Object> health(EnvironmentDiagnostics environment, Diagnostics node) {
        EnvironmentState state = environment.state();
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("environment_key", state.environmentKey());
        health.put("snapshot_version", state.snapshotVersion());
        health.put("cache_age_ms", state.cacheAgeMs());
        health.put("refresh_status", status(state));
        health.put("sync_latency_ms", environment.syncLatencyMs());
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("attempt", node.refreshWorker().consecutiveFailures());
        // the worker polls at a fixed interval: no backoff grows between failed attempts
        worker.put("next_backoff_ms", 0);
        worker.put("refresh_status", status(state));
        health.put("refresh_worker_status", worker);
        boolean reachable = "reachable".equals(node.database());
        health.put(
                "adapter_health",
                Map.of(
                        "repo", Map.of("configured", true, "status", reachable ? "up" : "down"),
                        "redis", Map.of("configured", false, "status", "not_configured"),
                        "pubsub", Map.of("configured", false, "status", "not_configured")));
        return health;
    }

    private static Map<String, Object> worker(RefreshMonitor.WorkerStatus worker) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", worker.state());
        json.put("last_attempt_at", worker.lastAttemptAt());
        json.put("last_success_at", worker.lastSuccessAt());
        json.put("polling_for_ms", worker.pollingForMs());
        json.put("consecutive_failures", worker.consecutiveFailures());
        json.put("last_error", worker.lastError());
        json.put("stale_after_ms", worker.staleAfterMs());
        return json;
    }

    private static Map<String, Object> peer(PeerNode peer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", peer.nodeId());
        json.put("self", peer.self());
        json.put("started_at", peer.startedAt());
        json.put("last_seen_at", peer.lastSeenAt());
        json.put("stale", peer.stale());
        json.put("snapshot_versions", JsonTrees.read(peer.snapshotVersions()));
        return json;
    }

    private static String status(EnvironmentState state) {
        return state.status().name().toLowerCase(Locale.ROOT);
    }
}
