package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rulestead.it.GovernanceIT.env;
import static org.rulestead.it.GovernanceIT.newFlag;
import static org.rulestead.it.GovernanceIT.publish;
import static org.rulestead.it.GovernanceIT.putDraft;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Auto-advance ticks on two Liberty nodes sharing one PostgreSQL database, on the persistent EJB
 * timers each node keeps there: every tick runs exactly once, on the node that scheduled it; and a
 * tick whose node stops before its window closes runs once when that node starts again.
 */
@ExtendWith({PostgresDatabase.class, ArquillianExtension.class})
@RunAsClient
class PostgresTimersIT {

    private static final Logger LOG = Logger.getLogger(PostgresTimersIT.class.getName());

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    /** A flag at 5% in staging with an enabled auto-advance policy to canary-50 and a healthy fact. */
    private static String readyToAdvance(String prefix) {
        String key = newFlag(prefix);
        int version = putDraft(key, "staging", "editor", AutoAdvanceContract.GUARDED.replace("SIGNAL", "error_rate"))
                .json()
                .getInt("version");
        assertThat(publish(key, "staging", "editor", version, "start at 5%").status())
                .isEqualTo(200);
        Api.Reply policy = Api.put(
                env(key, "staging") + "/rollouts/everyone/auto-advance",
                "editor",
                "{\"enabled\": true, \"observation_window_seconds\": 60, \"next_stage\": \"canary-50\","
                        + " \"next_percentage\": 50, \"reason\": \"advance when healthy\"}");
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        Api.Reply fact = Api.post(
                env(key, "staging") + "/rollouts/everyone/signals",
                "editor",
                "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01, \"sample_size\": 500}");
        assertThat(fact.status()).as(fact.body()).isEqualTo(201);
        return key;
    }

    /** Advances the flag to canary-25 on {@code node}, whose timer service then holds the tick. */
    private static long advanceOn(String node, String key, Instant windowEnds) {
        Api.Reply advanced = Api.send(Api.requestAt(node, env(key, "staging") + "/rollouts/advance", "editor")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"rule_key\": \"everyone\", \"stage\": \"canary-25\", \"percentage\": 25,"
                                + " \"monitoring_window_ends_at\": \"" + windowEnds
                                + "\", \"reason\": \"next stage\"}")));
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        JsonObject audit = Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.advance", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        return audit.getJsonObject("metadata")
                .getJsonObject("auto_advance")
                .getJsonNumber("scheduled_execution_id")
                .longValue();
    }

    private static JsonObject execution(long id) {
        return Api.get(ScheduledExecutionsContract.PATH + "/" + id, "viewer").json();
    }

    private static long automatedAdvances(String key) {
        return Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.advance&limit=50", "auditor")
                .json()
                .getJsonArray("items")
                .stream()
                .filter(item -> item.asJsonObject()
                        .getJsonObject("actor")
                        .getString("id")
                        .equals("system:scheduler"))
                .count();
    }

    @Test
    void eachTickRunsOnceOnTwoNodesAndATickWhoseNodeStoppedRunsOnceWhenItStartsAgain() throws Exception {
        String onA = readyToAdvance("timers-a");
        String onB = readyToAdvance("timers-b");
        String survivesRestart = readyToAdvance("timers-restart");
        NodeB.start(Map.of(), true);
        try {
            Instant soon = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            long tickA = advanceOn(Api.BASE, onA, soon);
            long tickB = advanceOn(NodeB.BASE, onB, soon);
            // due once node B is down
            Instant later = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
            long tickRestart = advanceOn(NodeB.BASE, survivesRestart, later);

            for (long tick : List.of(tickA, tickB)) {
                JsonObject done = ScheduledExecutionsContract.awaitExecution(
                        tick, execution -> !execution.getString("state").equals("scheduled"));
                assertThat(done.getString("state")).as(done.toString()).isEqualTo("completed");
                assertThat(done.getInt("attempt_count")).isEqualTo(1);
                assertThat(done.getJsonObject("execution_metadata").getString("outcome"))
                        .isEqualTo("advanced");
            }
            NodeB.stop();
            long stoppedAt = System.nanoTime();
            // past its window with its node down: nobody runs it (no failover is configured)
            long wait = Math.max(0, later.toEpochMilli() - System.currentTimeMillis()) + 4000;
            Thread.sleep(wait);
            assertThat(execution(tickRestart).getString("state")).isEqualTo("scheduled");

            NodeB.start(Map.of(), true);
            JsonObject caughtUp = ScheduledExecutionsContract.awaitExecution(
                    tickRestart, execution -> !execution.getString("state").equals("scheduled"));
            LOG.info("a tick due while its node was down ran " + (System.nanoTime() - stoppedAt) / 1_000_000
                    + " ms after the node stopped, once it started again");
            assertThat(caughtUp.getString("state")).as(caughtUp.toString()).isEqualTo("completed");
            assertThat(caughtUp.getInt("attempt_count")).isEqualTo(1);
        } finally {
            NodeB.stop();
        }
        for (String key : List.of(onA, onB, survivesRestart)) {
            assertThat(automatedAdvances(key)).as(key).isEqualTo(1);
            assertThat(Api.get(env(key, "staging") + "/rollouts", "viewer")
                            .json()
                            .getJsonArray("rules")
                            .getJsonObject(0)
                            .getInt("percentage"))
                    .isEqualTo(50);
        }
    }
}
