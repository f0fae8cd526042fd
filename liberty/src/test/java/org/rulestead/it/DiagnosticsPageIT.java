package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The SRE's view of one node, {@code /admin/diagnostics?env=} and {@code GET
 * /api/v1/admin/diagnostics} (spec §10.5): snapshot version and age per environment, stale serving,
 * the refresh worker, the database, and the peer nodes, this one among them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DiagnosticsPageIT {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @Test
    void theRestDiagnosticsNameTheWorkerTheDatabaseStaleServingAndThePeers() throws InterruptedException {
        LiveEvaluationIT.published("diagnostics");
        JsonObject diagnostics = awaitPeers();
        assertThat(diagnostics.getString("database")).isEqualTo("reachable");
        assertThat(diagnostics.getString("api_keys_source")).isEqualTo("database");
        assertThat(diagnostics.getJsonObject("refresh_worker").getString("state"))
                .isIn("idle", "polling");
        assertThat(diagnostics.getJsonObject("refresh_worker").getInt("consecutive_failures"))
                .isZero();
        JsonObject staging = environment(diagnostics.getJsonArray("environments").stream(), "staging");
        assertThat(staging.getBoolean("stale_used")).isFalse();
        assertThat(staging.getJsonNumber("snapshot_version").longValue()).isPositive();

        JsonObject health = diagnostics.getJsonObject("infrastructure_health");
        JsonObject self = health.getJsonArray("peer_nodes").stream()
                .map(JsonValue::asJsonObject)
                .filter(peer -> peer.getBoolean("self"))
                .findFirst()
                .orElseThrow();
        assertThat(self.getString("node")).isEqualTo(diagnostics.getString("node"));
        assertThat(self.getBoolean("stale")).isFalse();
        JsonObject stagingHealth = environment(health.getJsonArray("environments").stream(), "staging");
        assertThat(stagingHealth.getJsonObject("refresh_worker_status").getString("refresh_status"))
                .isEqualTo("ready");
        assertThat(stagingHealth
                        .getJsonObject("adapter_health")
                        .getJsonObject("repo")
                        .getString("status"))
                .isEqualTo("up");
    }

    @Test
    void anSreReadsTheNodeOnTheDiagnosticsPageAndAnAuditorIsToldWhyNot() throws InterruptedException {
        assumeTrue(Workbench.available(), "Debian's chromium and chromium-driver are installed by .ci/run");
        LiveEvaluationIT.published("diagnostics-page");
        String node = awaitPeers().getString("node");
        try (Workbench viewer = Workbench.open()) {
            viewer.signIn("viewer").go("/admin/diagnostics?env=staging");
            assertThat(viewer.text(By.id("database"))).contains("reachable");
            assertThat(viewer.text(By.id("stale-serving"))).contains("not in use");
            assertThat(viewer.text(By.id("refresh-worker")))
                    .contains("Failures in a row")
                    .contains("0");
            String firstRow = viewer.text(By.cssSelector("#environments tbody tr"));
            assertThat(firstRow)
                    .startsWith("staging")
                    .contains(" v")
                    .contains("memory")
                    .contains("ready");
            assertThat(viewer.text(By.id("peers"))).contains(node + " (this node)");
            assertThat(viewer.accessibilityViolations()).isEmpty();
            viewer.screenshot("diagnostics");
        }
        try (Workbench auditor = Workbench.open()) {
            auditor.signIn("auditor").go("/admin/diagnostics?env=staging");
            assertThat(auditor.text(By.id("refused"))).isNotBlank();
            assertThat(auditor.body()).doesNotContain("Snapshots on this node");
        }
    }

    /** Diagnostics once this node has reported itself (every five seconds). */
    private static JsonObject awaitPeers() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            Api.Reply reply = Api.get("/api/v1/admin/diagnostics", "viewer");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonObject json = reply.json();
            if (!json.getJsonObject("infrastructure_health")
                    .getJsonArray("peer_nodes")
                    .isEmpty()) {
                return json;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("this node never reported itself");
    }

    private static JsonObject environment(java.util.stream.Stream<JsonValue> environments, String key) {
        return environments
                .map(JsonValue::asJsonObject)
                .filter(environment -> environment.getString("environment_key").equals(key))
                .findFirst()
                .orElseThrow();
    }
}
