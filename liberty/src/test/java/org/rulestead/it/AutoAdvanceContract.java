package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rulestead.it.GovernanceIT.decide;
import static org.rulestead.it.GovernanceIT.env;
import static org.rulestead.it.GovernanceIT.newFlag;
import static org.rulestead.it.GovernanceIT.publish;
import static org.rulestead.it.GovernanceIT.putDraft;
import static org.rulestead.it.GovernanceIT.submit;
import static org.rulestead.it.ScheduledExecutionsContract.awaitExecution;
import static org.rulestead.it.ScheduledExecutionsContract.inSeconds;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Auto-advance ticks (spec §5.6) on real persistent EJB timers with windows of a few seconds:
 * a healthy stage advances by itself and the chain stops at the policy's stage (PD-8); missing,
 * stale or breached evidence and a rule without guardrails block without changing anything; in a
 * protected environment an eligible tick submits a change request; a newer advance or a publish
 * cancels the pending tick; the host's provider is asked with a timeout and fails closed.
 */
abstract class AutoAdvanceContract {

    static final String GUARDED =
            """
            {"salt": "s1", "rules": [{"key": "everyone", "strategy": "percentage_rollout", "value": {"value": true},
              "rollout": {"bucket_by": "subject", "percentage": 5, "salt": "r1",
                "guardrails": [{"signal_key": "SIGNAL", "threshold_operator": "gte", "threshold_value": 0.05,
                                "freshness_window_seconds": 300, "min_sample_size": 100}]}}]}
            """;

    static final String UNGUARDED =
            """
            {"salt": "s1", "rules": [{"key": "everyone", "strategy": "percentage_rollout", "value": {"value": true},
              "rollout": {"bucket_by": "subject", "percentage": 5, "salt": "r1"}}]}
            """;

    /** A flag whose rollout rule is in force at 5% in {@code environment}, with the given rules. */
    private static String rolledOut(String environment, String rules) {
        String key = newFlag("auto");
        int version = putDraft(key, environment, "editor", rules).json().getInt("version");
        if (environment.equals("production")) {
            long request = submit(
                            "editor",
                            key,
                            environment,
                            "publish_ruleset",
                            "{\"version\": " + version + "}",
                            "cr-" + UUID.randomUUID())
                    .json()
                    .getJsonNumber("id")
                    .longValue();
            assertThat(decide(request, "approve", "admin", "ok").status()).isEqualTo(200);
            assertThat(decide(request, "execute", "admin2", "ok").status()).isEqualTo(200);
        } else {
            assertThat(publish(key, environment, "editor", version, "start at 5%")
                            .status())
                    .isEqualTo(200);
        }
        return key;
    }

    private static String guarded(String signal) {
        return GUARDED.replace("SIGNAL", signal);
    }

    private static void policy(String key, String environment, String nextStage, int nextPercentage) {
        Api.Reply saved = Api.put(
                env(key, environment) + "/rollouts/everyone/auto-advance",
                environment.equals("production") ? "admin" : "editor",
                "{\"enabled\": true, \"observation_window_seconds\": 3, \"next_stage\": \"" + nextStage
                        + "\", \"next_percentage\": " + nextPercentage + ", \"reason\": \"advance when healthy\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static JsonObject advance(String key, String stage, int percentage, String windowEnds) {
        Api.Reply advanced = Api.post(
                env(key, "staging") + "/rollouts/advance",
                "editor",
                "{\"rule_key\": \"everyone\", \"stage\": \"" + stage + "\", \"percentage\": " + percentage
                        + ", \"monitoring_window_ends_at\": \"" + windowEnds + "\", \"reason\": \"next stage\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        return advanced.json();
    }

    private static void push(String key, String environment, String observed, String capturedAt) {
        Api.Reply pushed = Api.post(
                env(key, environment) + "/rollouts/everyone/signals",
                environment.equals("production") ? "admin" : "editor",
                "{\"signal_key\": \"error_rate\", \"observed_value\": " + observed + ", \"sample_size\": 500"
                        + (capturedAt == null ? "" : ", \"captured_at\": \"" + capturedAt + "\"") + "}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
    }

    private static JsonObject rule(String key, String environment) {
        return Api.get(env(key, environment) + "/rollouts", "viewer")
                .json()
                .getJsonArray("rules")
                .getJsonObject(0);
    }

    /** The rule's pending tick: its id, found through the schedule list of the environment. */
    private static long pendingTick(String key, String environment) {
        return ticks(key, environment).stream()
                .filter(tick -> tick.getString("state").equals("scheduled"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pending tick for " + key))
                .getJsonNumber("id")
                .longValue();
    }

    private static List<JsonObject> ticks(String key, String environment) {
        return Api.get("/api/v1/admin/scheduled-executions?env=" + environment + "&limit=200", "viewer")
                .json()
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .filter(item -> item.getString("resource_key").equals(key))
                .filter(item -> "guardrail_automation".equals(item.getString("source", null)))
                .toList();
    }

    private static JsonObject completed(long tick) {
        JsonObject done =
                awaitExecution(tick, execution -> !execution.getString("state").equals("scheduled"));
        assertThat(done.getString("state")).as(done.toString()).isEqualTo("completed");
        return done.getJsonObject("execution_metadata");
    }

    @Test
    void aHealthyStageAdvancesByItselfAndTheChainStopsAtThePolicysStage() {
        String key = rolledOut("staging", guarded("error_rate"));
        policy(key, "staging", "canary-50", 50);
        String windowEnds = inSeconds(3);
        JsonObject advanced = advance(key, "canary-25", 25, windowEnds);
        assertThat(rule(key, "staging").getString("next_tick_at")).isEqualTo(windowEnds);
        long tick = pendingTick(key, "staging");
        JsonObject scheduled =
                Api.get("/api/v1/admin/scheduled-executions/" + tick, "viewer").json();
        assertThat(scheduled.getString("idempotency_key"))
                .isEqualTo("scheduled_execution:auto_advance:" + key + ":staging:everyone:canary-25:" + windowEnds);
        assertThat(scheduled.getJsonObject("scheduled_by").getString("id")).isEqualTo("system:scheduler");
        assertThat(scheduled.getString("scheduled_for")).isEqualTo(windowEnds);
        push(key, "staging", "0.01", null);
        JsonObject wouldNow = dryRun(key).getJsonObject("auto_advance");
        assertThat(wouldNow.getString("outcome")).isIn("blocked", "advance");
        if (wouldNow.getString("outcome").equals("blocked")) {
            // healthy, but the window is still open
            assertThat(wouldNow.getJsonArray("reasons").getString(0)).isEqualTo("monitoring_window_active");
        }

        JsonObject outcome = completed(tick);

        assertThat(outcome.getString("outcome")).as(outcome.toString()).isEqualTo("advanced");
        assertThat(outcome.getString("explanation")).startsWith("Advanced automatically from canary-25 to canary-50");
        JsonObject now = rule(key, "staging");
        assertThat(now.getInt("percentage")).isEqualTo(50);
        assertThat(now.getString("stage")).isEqualTo("canary-50");
        // PD-8: the policy led to canary-50, which is reached: no tick would lead anywhere new
        assertThat(now.isNull("next_tick_at")).isTrue();
        JsonObject automatic = Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.advance", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(automatic.getJsonObject("actor").getString("id")).isEqualTo("system:scheduler");
        JsonObject metadata = automatic.getJsonObject("metadata");
        assertThat(metadata.getString("source")).isEqualTo("guardrail_automation");
        assertThat(metadata.getString("scheduled_execution_id")).isEqualTo(String.valueOf(tick));
        assertThat(metadata.getJsonObject("eligibility").getString("status")).isEqualTo("eligible");
        assertThat(metadata.getString("explanation")).contains("canary-50");
        assertThat(metadata.getJsonObject("auto_advance").getString("not_scheduled"))
                .isEqualTo("auto_advance_chain_complete");
        assertThat(advanced.getJsonObject("decision").getString("decision_state"))
                .isEqualTo("pending_data");
    }

    @Test
    void weakOrBadEvidenceBlocksTheTickAndChangesNothing() {
        String stale = rolledOut("staging", guarded("error_rate"));
        policy(stale, "staging", "canary-50", 50);
        String breached = rolledOut("staging", guarded("error_rate"));
        policy(breached, "staging", "canary-50", 50);
        String silent = rolledOut("staging", guarded("error_rate"));
        policy(silent, "staging", "canary-50", 50);
        String unguarded = rolledOut("staging", UNGUARDED);
        policy(unguarded, "staging", "canary-50", 50);
        String switchedOff = rolledOut("staging", guarded("error_rate"));
        policy(switchedOff, "staging", "canary-50", 50);
        String windowEnds = inSeconds(4);
        advance(stale, "canary-25", 25, windowEnds);
        long staleTick = pendingTick(stale, "staging");
        push(stale, "staging", "0.01", Instant.now().minusSeconds(900).toString());
        advance(breached, "canary-25", 25, windowEnds);
        long breachedTick = pendingTick(breached, "staging");
        push(breached, "staging", "0.14", null);
        advance(silent, "canary-25", 25, windowEnds);
        long silentTick = pendingTick(silent, "staging");
        advance(unguarded, "canary-25", 25, windowEnds);
        long unguardedTick = pendingTick(unguarded, "staging");
        advance(switchedOff, "canary-25", 25, windowEnds);
        long switchedOffTick = pendingTick(switchedOff, "staging");
        push(switchedOff, "staging", "0.01", null);
        Api.Reply off = Api.put(
                env(switchedOff, "staging") + "/rollouts/everyone/auto-advance",
                "editor",
                "{\"enabled\": false, \"reason\": \"hold it here\"}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);

        JsonObject staleOutcome = completed(staleTick);
        JsonObject breachedOutcome = completed(breachedTick);
        JsonObject silentOutcome = completed(silentTick);
        JsonObject unguardedOutcome = completed(unguardedTick);
        JsonObject switchedOffOutcome = completed(switchedOffTick);

        assertThat(staleOutcome.getString("outcome")).isEqualTo("blocked");
        assertThat(staleOutcome.getJsonArray("reasons").getString(0)).isEqualTo("guardrail_held:stale");
        assertThat(staleOutcome.getString("explanation"))
                .isEqualTo(
                        "Did not advance from canary-25: error_rate is stale (captured 15 min ago, freshness window 5 min).");
        assertThat(breachedOutcome.getJsonArray("reasons").getString(0))
                .isEqualTo("guardrail_rollback_triggered:breached");
        assertThat(silentOutcome.getJsonArray("reasons").getString(0)).isEqualTo("monitoring_window_expired");
        assertThat(unguardedOutcome.getJsonArray("reasons").getString(0)).isEqualTo("monitoring_window_expired");
        assertThat(switchedOffOutcome.getJsonArray("reasons").getString(0)).isEqualTo("auto_advance_disabled");
        // the dry run tells the same as the tick did
        assertThat(dryRun(stale).getJsonObject("auto_advance").getString("explanation"))
                .startsWith("A tick now would not advance from canary-25: error_rate is stale");
        for (String key : List.of(stale, breached, silent, unguarded, switchedOff)) {
            // blocked: no advance, no rollback, no decision row, and no further tick
            assertThat(rule(key, "staging").getInt("percentage")).isEqualTo(25);
            assertThat(Api.rows("guardrail_decisions", key)).isEqualTo(1);
            assertThat(rule(key, "staging").isNull("next_tick_at")).isTrue();
        }
    }

    @Test
    void inAProtectedEnvironmentAnEligibleTickSubmitsAChangeRequest() {
        String key = rolledOut("production", guarded("error_rate"));
        policy(key, "production", "canary-50", 50);
        String fields = "{\"rule_key\": \"everyone\", \"stage\": \"canary-25\", \"percentage\": 25,"
                + " \"monitoring_window_ends_at\": \"" + inSeconds(4) + "\"}";
        long advanceRequest = submit("editor", key, "production", "advance_rollout", fields, "cr-" + UUID.randomUUID())
                .json()
                .getJsonNumber("id")
                .longValue();
        assertThat(decide(advanceRequest, "approve", "admin", "ok").status()).isEqualTo(200);
        assertThat(decide(advanceRequest, "execute", "admin2", "ok").status()).isEqualTo(200);
        long tick = pendingTick(key, "production");
        push(key, "production", "0.01", null);

        JsonObject outcome = completed(tick);

        assertThat(outcome.getString("outcome")).as(outcome.toString()).isEqualTo("change_request_submitted");
        long submitted = outcome.getJsonNumber("change_request_id").longValue();
        JsonObject request =
                Api.get("/api/v1/admin/change-requests/" + submitted, "viewer").json();
        assertThat(request.getString("status")).isEqualTo("submitted");
        assertThat(request.getString("action")).isEqualTo("advance_rollout");
        assertThat(request.getJsonObject("submitted_by").getString("id")).isEqualTo("system:scheduler");
        assertThat(request.getJsonObject("command").getString("stage")).isEqualTo("canary-50");
        assertThat(rule(key, "production").getInt("percentage")).isEqualTo(25);
        assertThat(outcome.getString("explanation")).contains("change request #" + submitted);
    }

    @Test
    void aNewerAdvanceOrAPublishCancelsThePendingTick() {
        String key = rolledOut("staging", guarded("error_rate"));
        policy(key, "staging", "canary-100", 100);
        advance(key, "canary-25", 25, inSeconds(600));
        long first = pendingTick(key, "staging");

        advance(key, "canary-50", 50, inSeconds(600));

        JsonObject superseded =
                Api.get("/api/v1/admin/scheduled-executions/" + first, "viewer").json();
        assertThat(superseded.getString("state")).isEqualTo("cancelled");
        assertThat(superseded.getString("failure_reason")).isEqualTo("superseded by new auto-advance stage advance");
        long second = pendingTick(key, "staging");
        assertThat(second).isNotEqualTo(first);

        int draft =
                putDraft(key, "staging", "editor", guarded("error_rate")).json().getInt("version");
        assertThat(publish(key, "staging", "editor", draft, "new rules").status())
                .isEqualTo(200);

        assertThat(Api.get("/api/v1/admin/scheduled-executions/" + second, "viewer")
                        .json()
                        .getString("state"))
                .isEqualTo("cancelled");
        assertThat(rule(key, "staging").isNull("next_tick_at")).isTrue();
        assertThat(Api.get("/api/v1/admin/audit?flag=" + key + "&action=scheduled_execution.cancelled", "auditor")
                        .json()
                        .getJsonArray("items")
                        .stream()
                        .map(item -> item.asJsonObject().getJsonObject("actor").getString("id")))
                .containsExactly("system:scheduler", "system:scheduler");
    }

    @Test
    void theHostsProviderIsAskedWithATimeoutAndFailsClosed() {
        String healthy = rolledOut("staging", guarded("host_healthy"));
        String breached = rolledOut("staging", guarded("host_breached"));
        String throwing = rolledOut("staging", guarded("host_throws"));
        String slow = rolledOut("staging", guarded("host_slow"));
        String silent = rolledOut("staging", guarded("host_null"));
        String refusing = rolledOut("staging", guarded("host_refuses"));
        for (String key : List.of(healthy, breached, throwing, slow, silent, refusing)) {
            advance(key, "canary-25", 25, inSeconds(1));
        }
        ScheduledExecutionsContract.sleep(1500);

        assertThat(decisionNow(healthy)).isEqualTo("healthy/healthy");
        assertThat(decisionNow(breached)).isEqualTo("held/stable_target_missing");
        assertThat(decisionNow(throwing)).isEqualTo("held/invalid_provider_response");
        long started = System.nanoTime();
        assertThat(decisionNow(slow)).isEqualTo("held/invalid_provider_response");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(9_000);
        assertThat(decisionNow(silent)).isEqualTo("held/invalid_provider_response");
        assertThat(decisionNow(refusing)).isEqualTo("held/unsupported_signal");
    }

    private static JsonObject dryRun(String key) {
        Api.Reply evaluated =
                Api.post(env(key, "staging") + "/rollouts/everyone/evaluate?dry_run=true", "viewer", "{}");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        return evaluated.json();
    }

    private static String decisionNow(String key) {
        JsonObject decision = dryRun(key).getJsonObject("decision");
        return decision.getString("decision_state") + "/" + decision.getString("decision_reason");
    }
}
