package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.openfeature.contrib.providers.ofrep.OfrepProvider;
import dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Evaluation clients with API keys through a database outage (decisions 14-16). Node B reaches
 * PostgreSQL only through a loopback proxy this test controls, so the database can refuse
 * connections or hang the way networks fail. Throughout, a key node B knows keeps working for an
 * OpenFeature client (whose base URL ends in a slash), answers are marked stale, an unknown key gets
 * a 503 problem, readiness stays up, and a revoked key stops working within seconds of the database
 * answering again; and all of it holds after node B restarts during the outage.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class PostgresOutageIT {

    private static final Logger LOG = Logger.getLogger(PostgresOutageIT.class.getName());
    private static final String PRO = "{\"targeting_key\": \"u1\", \"attributes\": {\"plan\": \"pro\"}}";
    private static final String UNKNOWN_KEY = "rsk_this-key-was-never-created-anywhere-000000000";

    // a short client timeout: an evaluation that waited on the hanging database would miss it; HTTP/1.1
    // as evaluation clients speak it (the JDK client's h2c upgrade stalls Liberty's HTTP/2 writes
    // under concurrent streams, which would measure the test client, not the node)
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @Test
    void apiKeyClientsKeepEvaluatingThroughRefusedAndHangingDatabasesAndARestart() throws Exception {
        String flag = LiveEvaluationIT.published("outage");
        String secret = OfrepIT.stagingKey();
        try (TcpProxy database = new TcpProxy("127.0.0.1", 5432)) {
            Map<String, String> throughProxy = Map.of(
                    "RULESTEAD_DB_PORT", String.valueOf(database.port()),
                    "RULESTEAD_DB_CONNECT_TIMEOUT", "2",
                    "RULESTEAD_DB_SOCKET_TIMEOUT", "5");
            NodeB.start(throughProxy, true);
            try {
                Client openFeature = openFeatureClient(flag, secret);
                ImmutableContext pro = new ImmutableContext("u1", Map.of("plan", new Value("pro")));
                awaitKeyed(secret, flag, answer -> !answer.getBoolean("stale"));
                assertThat(openFeature.getBooleanDetails(flag, false, pro).getReason())
                        .isEqualTo("TARGETING_MATCH");

                database.refuse();
                servesStaleThroughTheOutage(secret, flag, openFeature, pro, "refused");

                database.hang();
                servesStaleThroughTheOutage(secret, flag, openFeature, pro, "hanging");
                evaluationsDoNotWaitOnTheHangingDatabase(secret, flag);

                // restarted while the database refuses: what node B knew comes from its disk
                database.refuse();
                NodeB.stop();
                NodeB.start(throughProxy, true);
                servesStaleThroughTheOutage(secret, flag, openFeatureClient(flag, secret), pro, "after a restart");

                database.forward();
                awaitKeyed(secret, flag, answer -> !answer.getBoolean("stale"));
                assertThat(keyed(UNKNOWN_KEY, flag).status()).isEqualTo(401);
                assertThat(readiness().getString("database")).isEqualTo("reachable");

                long revokedAt = System.nanoTime();
                long id = keyId(secret);
                assertThat(Api.delete(
                                        "/api/v1/admin/environments/staging/api-keys/" + id,
                                        "admin",
                                        "{\"reason\": \"leaked\"}")
                                .status())
                        .isEqualTo(204);
                awaitStatus(secret, flag, 401);
                LOG.info("a key revoked on node A was refused by node B after "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - revokedAt) + " ms");
            } finally {
                NodeB.stop();
            }
        }
    }

    private static void servesStaleThroughTheOutage(
            String secret, String flag, Client openFeature, ImmutableContext pro, String how) throws Exception {
        awaitKeyed(secret, flag, answer -> answer.getBoolean("stale"));
        // past the time a remembered key used to be trusted without the database
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
        int answers = 0;
        while (System.nanoTime() < until) {
            Api.Reply reply = keyed(secret, flag);
            assertThat(reply.status()).as("database %s: %s", how, reply.body()).isEqualTo(200);
            assertThat(reply.json().getBoolean("value")).isTrue();
            assertThat(reply.json().getBoolean("stale")).isTrue();
            FlagEvaluationDetails<Boolean> details = openFeature.getBooleanDetails(flag, false, pro);
            assertThat(details.getValue()).as("database %s", how).isTrue();
            assertThat(details.getReason()).as("database %s", how).isEqualTo("STALE");
            answers++;
            Thread.sleep(250);
        }
        Api.Reply unknown = keyed(UNKNOWN_KEY, flag);
        assertThat(unknown.status()).as("database %s: %s", how, unknown.body()).isEqualTo(503);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().getString("error_type")).isEqualTo("store_unavailable");
        Api.Reply bulk = ofrepBulk(UNKNOWN_KEY);
        assertThat(bulk.status()).isEqualTo(503);
        assertThat(bulk.contentType()).startsWith("application/problem+json");

        // what needs the database says so, as a problem, within its timeouts
        Api.Reply admin = Api.send(
                CLIENT,
                Api.requestAt(NodeB.BASE, "/api/v1/admin/flags", "viewer")
                        .timeout(Duration.ofSeconds(30))
                        .GET());
        assertThat(admin.status())
                .as("admin API while %s: %s", how, admin.body())
                .isEqualTo(503);
        assertThat(admin.json().getString("error_type")).isEqualTo("store_unavailable");

        Api.Reply ready = Api.send(
                CLIENT, Api.requestAt(NodeB.BASE, "/health/ready", null).GET());
        assertThat(ready.status())
                .as("readiness while %s: %s", how, ready.body())
                .isEqualTo(200);
        JsonObject data = readiness();
        assertThat(data.getBoolean("stale")).isTrue();
        assertThat(data.getString("database")).isEqualTo("unreachable");
        LOG.info("database " + how + ": " + answers + " stale answers in 7 s, unknown key 503, ready with " + data);
    }

    /** Many evaluations at once, each answered within the client's timeout while the database hangs. */
    private static void evaluationsDoNotWaitOnTheHangingDatabase(String secret, String flag) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                replies.add(callers.submit(() -> keyed(secret, flag)));
            }
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static Client openFeatureClient(String flag, String secret) {
        OfrepProvider provider = OfrepProvider.constructProvider(OfrepProviderOptions.builder()
                .baseUrl(NodeB.BASE + "/") // as clients are often configured: OFREP paths then start with //
                .headers(ImmutableMap.of("X-API-Key", ImmutableList.of(secret)))
                .build());
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        String domain = flag + "-" + System.nanoTime();
        api.setProviderAndWait(domain, provider);
        return api.getClient(domain);
    }

    private static Api.Reply keyed(String secret, String flag) {
        return Api.send(
                CLIENT,
                Api.requestAt(NodeB.BASE, "/api/v1/environments/staging/flags/" + flag + "/evaluate", null)
                        .timeout(Duration.ofSeconds(3))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", secret)
                        .POST(HttpRequest.BodyPublishers.ofString(PRO)));
    }

    private static Api.Reply ofrepBulk(String secret) {
        return Api.send(
                CLIENT,
                Api.requestAt(NodeB.BASE, "/ofrep/v1/evaluate/flags", null)
                        .timeout(Duration.ofSeconds(3))
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", secret)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"context\": {\"targetingKey\": \"u1\"}}")));
    }

    private static JsonObject readiness() {
        Api.Reply reply = Api.send(
                CLIENT, Api.requestAt(NodeB.BASE, "/health/ready", null).GET());
        return reply.json().getJsonArray("checks").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("snapshots"))
                .findFirst()
                .orElseThrow()
                .getJsonObject("data");
    }

    private static long keyId(String secret) {
        return Api.get("/api/v1/admin/environments/staging/api-keys", "admin").json().getJsonArray("items").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(key -> secret.startsWith(key.getString("prefix")))
                .mapToLong(key -> key.getJsonNumber("id").longValue())
                .max()
                .orElseThrow();
    }

    private static JsonObject awaitKeyed(String secret, String flag, Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Api.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = keyed(secret, flag);
            if (last.status() == 200 && wanted.test(last.json())) {
                return last.json();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("node B never answered as expected; last answer " + last);
    }

    private static void awaitStatus(String secret, String flag, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Api.Reply last = null;
        while (System.nanoTime() < deadline) {
            last = keyed(secret, flag);
            if (last.status() == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("node B never answered " + status + "; last answer " + last);
    }
}
