package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
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
    static final String NODE_B = NodeB.BASE;
    static final String PRO = "{\"targeting_key\": \"u1\", \"attributes\": {\"plan\": \"pro\"}}";

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @Test
    void nodeBServesWhatNodeAChangesWithinASecondAndBothServeStaleWithoutTheDatabase() throws Exception {
        String key = LiveEvaluationIT.published("two-nodes");
        NodeB.start(Map.of(), true);
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
            NodeB.stop();
            NodeB.start(Map.of("RULESTEAD_DB_PORT", "1"), false);
            JsonObject fromDisk = awaitOn(NODE_B, key, answer -> answer.getBoolean("stale"));
            assertThat(fromDisk.getBoolean("value")).isTrue();
        } finally {
            NodeB.stop();
        }
    }

    private static JsonObject awaitOn(String base, String key, Predicate<JsonObject> wanted)
            throws InterruptedException {
        return NodeB.awaitOn(base, key, PRO, wanted);
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
}
