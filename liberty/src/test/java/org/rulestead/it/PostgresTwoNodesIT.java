package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Two nodes on one PostgreSQL database: node A is the server the tests deploy to, node B a second
 * Liberty server started here with the same EAR. A kill switch engaged on A is served by B within
 * the polling interval; with the database out of reach both keep answering, marked stale, and
 * recover by themselves; and node B, restarted while its database cannot be reached, serves its
 * disk backup.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class PostgresTwoNodesIT {

    private static final Logger LOG = Logger.getLogger(PostgresTwoNodesIT.class.getName());
    static final String NODE_B = System.getProperty("rulestead.nodeb.baseUrl", "http://localhost:9780");
    static final String PRO = "{\"targeting_key\": \"u1\", \"attributes\": {\"plan\": \"pro\"}}";

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @Test
    void nodeBServesWhatNodeAChangesWithinASecondAndBothServeStaleWithoutTheDatabase() throws Exception {
        String key = LiveEvaluationIT.published("two-nodes");
        startNodeB();
        try {
            awaitOn(NODE_B, key, answer -> answer.getBoolean("value"));

            List<Long> millis = new ArrayList<>();
            String killSwitch = GovernanceIT.env(key, "staging") + "/kill-switch";
            for (int attempt = 0; attempt < 20; attempt++) {
                boolean engage = attempt % 2 == 0;
                Api.Reply changed = engage
                        ? Api.post(killSwitch, "admin", "{\"reason\": \"convergence " + attempt + "\"}")
                        : Api.delete(killSwitch, "admin", "{\"reason\": \"convergence " + attempt + "\"}");
                long start = System.nanoTime();
                assertThat(changed.status()).as(changed.body()).isEqualTo(200);
                awaitOn(NODE_B, key, answer -> answer.getBoolean("kill_switch") == engage);
                millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
            long worst = millis.stream().mapToLong(Long::longValue).max().orElseThrow();
            LOG.info("kill switch engaged on node A served by node B after (ms): " + millis + ", worst " + worst);
            assertThat(worst).as("worst of 20, in ms: %s", millis).isLessThan(1000);

            moveSchemaAway(true);
            try {
                for (String node : List.of(Api.BASE, NODE_B)) {
                    JsonObject stale = awaitOn(node, key, answer -> answer.getBoolean("stale"));
                    assertThat(stale.getBoolean("value"))
                            .as("still answering on " + node)
                            .isTrue();
                }
            } finally {
                moveSchemaAway(false);
            }
            for (String node : List.of(Api.BASE, NODE_B)) {
                awaitOn(node, key, answer -> !answer.getBoolean("stale"));
            }

            // node B restarts while its database is out of reach: it serves its disk backup, marked stale
            stopNodeB();
            startNodeB(Map.of("RULESTEAD_DB_PORT", "1"), false);
            JsonObject fromDisk = awaitOn(NODE_B, key, answer -> answer.getBoolean("stale"));
            assertThat(fromDisk.getBoolean("value")).isTrue();
        } finally {
            stopNodeB();
        }
    }

    /** Polls a node's keyed evaluation until its answer passes {@code wanted}, for up to 30 s. */
    private static JsonObject awaitOn(String base, String key, Predicate<JsonObject> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Api.Reply reply =
                    Api.send(Api.requestAt(base, "/api/v1/environments/staging/flags/" + key + "/evaluate", "viewer")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(PRO)));
            if (reply.status() == 200) {
                last = reply.json();
                if (wanted.test(last)) {
                    return last;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("node " + base + " never answered as expected; last answer " + last);
    }

    /**
     * Takes the schema out of the nodes' reach (renamed, so every query fails as if the database
     * were gone), or puts it back.
     */
    private static void moveSchemaAway(boolean away) throws SQLException {
        String from = away ? PostgresDatabase.SCHEMA : PostgresDatabase.SCHEMA + "_away";
        String to = away ? PostgresDatabase.SCHEMA + "_away" : PostgresDatabase.SCHEMA;
        try (Connection connection = DriverManager.getConnection(PostgresDatabase.URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA " + from + " RENAME TO " + to);
        }
    }

    private static Path server() {
        return Path.of(System.getProperty("rulestead.wlp.dir"));
    }

    private static void startNodeB() throws IOException, InterruptedException {
        startNodeB(Map.of(), true);
    }

    /** Starts node B with {@code environment} added, and waits until it is ready (or only started). */
    private static void startNodeB(Map<String, String> environment, boolean awaitReady)
            throws IOException, InterruptedException {
        String name = System.getProperty("rulestead.nodeb.server", "rulesteadNodeB");
        Path dropins = server().resolve("usr/servers/" + name + "/dropins");
        Files.createDirectories(dropins);
        Files.copy(
                Path.of(System.getProperty("rulestead.ear")),
                dropins.resolve("rulestead.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        run("start", name, environment);
        if (!awaitReady) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            try {
                if (Api.send(Api.requestAt(NODE_B, "/health/ready", null).GET()).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node B did not become ready");
    }

    private static void stopNodeB() throws IOException, InterruptedException {
        run("stop", System.getProperty("rulestead.nodeb.server", "rulesteadNodeB"), Map.of());
    }

    private static void run(String command, String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        server().resolve("bin/server").toString(), command, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("server " + command)
                .isTrue();
    }
}
