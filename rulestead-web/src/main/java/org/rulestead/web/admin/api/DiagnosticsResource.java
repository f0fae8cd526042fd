package org.rulestead.web.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rulestead.governance.Action;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.ResourceRef;
import org.rulestead.json.JsonTrees;
import org.rulestead.runtime.EnvironmentState;
import org.rulestead.runtime.RuntimeCache;

/**
 * {@code GET /api/v1/admin/diagnostics}: this node's runtime, environment by environment (spec
 * §10.5): snapshot version, when it was published and applied, its age, source, refresh status,
 * the last refresh error and how long a published snapshot took to reach this node.
 */
@Path("v1/admin/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DiagnosticsResource {

    private RuntimeCache runtime;
    private Authorization authorization;

    protected DiagnosticsResource() {}

    @Inject
    public DiagnosticsResource(RuntimeCache runtime, Authorization authorization) {
        this.runtime = runtime;
        this.authorization = authorization;
    }

    @GET
    public JsonObject diagnostics() {
        authorization.require(Action.READ_DIAGNOSTICS, ResourceRef.environment("*"), null);
        List<Map<String, Object>> environments = runtime.all().stream()
                .map(state -> {
                    Map<String, Object> json = environment(state);
                    json.put("disk_backup_status", runtime.backupStatus(state.environmentKey()));
                    return json;
                })
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", node());
        json.put("environments", environments);
        json.put(
                "infrastructure_health",
                Map.of(
                        "node",
                        node(),
                        "topology_scope",
                        "current_node",
                        "environments",
                        runtime.all().stream()
                                .map(state -> {
                                    Map<String, Object> health = new LinkedHashMap<>();
                                    health.put("environment_key", state.environmentKey());
                                    health.put("refresh_status", status(state));
                                    health.put("sync_latency_ms", syncLatency(state));
                                    return health;
                                })
                                .toList()));
        return JsonTrees.toJson(json).asJsonObject();
    }

    private static Map<String, Object> environment(EnvironmentState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment_key", state.environmentKey());
        json.put("snapshot_version", state.snapshotVersion());
        json.put("applied_at", state.appliedAt());
        json.put("published_at", state.publishedAt());
        json.put("cache_age_ms", state.cacheAgeMs());
        json.put("source", state.source());
        json.put("refresh_status", status(state));
        json.put("flag_count", state.flags().size());
        json.put("last_refresh_error", state.lastRefreshError());
        return json;
    }

    private static String status(EnvironmentState state) {
        return state.status().name().toLowerCase(Locale.ROOT);
    }

    private static Long syncLatency(EnvironmentState state) {
        if (state.publishedAt() == null || state.appliedAt() == null) {
            return null;
        }
        return Math.max(
                0, Duration.between(state.publishedAt(), state.appliedAt()).toMillis());
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + System.getProperty("wlp.server.name", "rulestead");
        } catch (UnknownHostException unknown) {
            return "unknown:" + System.getProperty("wlp.server.name", "rulestead");
        }
    }
}
