package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rulestead.it.GovernanceIT.decide;
import static org.rulestead.it.GovernanceIT.env;
import static org.rulestead.it.GovernanceIT.newFlag;
import static org.rulestead.it.GovernanceIT.publish;
import static org.rulestead.it.GovernanceIT.putDraft;
import static org.rulestead.it.GovernanceIT.state;
import static org.rulestead.it.GovernanceIT.submit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guarded rollouts through the admin API (spec §5.2): advancing a rollout rule to a stage is one
 * governed action, applied directly outside protected environments and through a change request
 * inside them, with its ruleset, snapshot, guardrail decision and audit event in one transaction.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolloutsIT {

    static final String ROLLOUT =
            """
            {"salt": "s1", "rules": [{"key": "everyone", "strategy": "percentage_rollout", "value": {"value": true},
              "rollout": {"bucket_by": "subject", "percentage": 5, "salt": "r1",
                "guardrails": [{"signal_key": "error_rate", "threshold_operator": "gte", "threshold_value": 0.05,
                                "freshness_window_seconds": 300, "min_sample_size": 100}]}}]}
            """;

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    /** A flag whose rollout rule is in force at 5% in staging. */
    private static String rolledOutAtFive() {
        String key = newFlag("rollout");
        Api.Reply draft = putDraft(key, "staging", "editor", ROLLOUT);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        Api.Reply published = publish(key, "staging", "editor", draft.json().getInt("version"), "start at 5%");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return key;
    }

    private static String advance(String fields) {
        return "{" + fields + ", \"reason\": \"the canary looks fine\"}";
    }

    @Test
    void anAdvanceMovesOneRuleToAStageAndRecordsItsDecision() {
        String key = rolledOutAtFive();
        JsonObject before = Api.get(env(key, "staging") + "/rollouts", "viewer").json();
        JsonObject rule = before.getJsonArray("rules").getJsonObject(0);
        assertThat(rule.getString("rule_key")).isEqualTo("everyone");
        assertThat(rule.getInt("percentage")).isEqualTo(5);
        assertThat(rule.isNull("stage")).isTrue();
        assertThat(rule.isNull("latest_decision")).isTrue();
        assertThat(rule.isNull("auto_advance")).isTrue();
        assertThat(rule.getJsonArray("guardrails").getJsonObject(0).getString("signal_key"))
                .isEqualTo("error_rate");

        Api.Reply advanced = Api.post(
                env(key, "staging") + "/rollouts/advance",
                "editor",
                advance("\"rule_key\": \"everyone\", \"stage\": \"canary-25\", \"percentage\": 25,"
                        + " \"monitoring_window_ends_at\": \"2030-01-01T00:00:00Z\","
                        + " \"signal_facts\": [{\"signal_key\": \"error_rate\", \"observed_value\": \"0.01\","
                        + " \"sample_size\": 500}]"));

        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        JsonObject answer = advanced.json();
        assertThat(answer.getString("flag_key")).isEqualTo(key);
        assertThat(answer.getString("environment_key")).isEqualTo("staging");
        assertThat(answer.getString("rule_key")).isEqualTo("everyone");
        assertThat(answer.getString("stage")).isEqualTo("canary-25");
        assertThat(answer.getInt("active_ruleset_version")).isEqualTo(2);
        JsonObject decision = answer.getJsonObject("decision");
        assertThat(decision.getString("decision_state")).isEqualTo("pending_data");
        assertThat(decision.getString("action_type")).isEqualTo("advance");
        assertThat(decision.getString("decision_reason")).isEqualTo("monitoring_window_active");
        assertThat(decision.getInt("effective_percentage")).isEqualTo(25);
        assertThat(decision.getString("monitoring_window_ends_at")).isEqualTo("2030-01-01T00:00:00Z");
        // the fact is normalized against the rule's guardrail: 0.01 < 0.05 with enough samples
        JsonObject fact = decision.getJsonArray("signal_facts").getJsonObject(0);
        assertThat(fact.getString("reason")).isEqualTo("healthy");
        assertThat(fact.getString("threshold_operator")).isEqualTo("gte");

        JsonObject after = Api.get(env(key, "staging") + "/rollouts", "viewer")
                .json()
                .getJsonArray("rules")
                .getJsonObject(0);
        assertThat(after.getInt("percentage")).isEqualTo(25);
        assertThat(after.getString("stage")).isEqualTo("canary-25");
        assertThat(after.getJsonObject("latest_decision").getString("decision_state"))
                .isEqualTo("pending_data");
        JsonObject ruleset =
                Api.get(env(key, "staging") + "/rulesets/2", "viewer").json();
        assertThat(ruleset.getString("status")).isEqualTo("published");
        JsonObject rollout = ruleset.getJsonArray("rules").getJsonObject(0).getJsonObject("rollout");
        assertThat(rollout.getInt("percentage")).isEqualTo(25);
        assertThat(rollout.getString("salt")).isEqualTo("r1");
        assertThat(rollout.getJsonArray("guardrails")).hasSize(1);
        assertThat(state(key, "staging").getInt("active_ruleset_version")).isEqualTo(2);
        assertThat(Api.rows("guardrail_decisions", key)).isEqualTo(1);
        JsonObject event = Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.advance", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(event.getString("result")).isEqualTo("ok");
        assertThat(event.getString("reason")).isEqualTo("the canary looks fine");
    }

    @Test
    void withOneRolloutRuleTheRuleKeyMayBeLeftOut() {
        String key = rolledOutAtFive();

        Api.Reply advanced = Api.post(
                env(key, "staging") + "/rollouts/advance",
                "editor",
                advance("\"stage\": \"half\", \"percentage\": 50"));

        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        assertThat(advanced.json().getString("rule_key")).isEqualTo("everyone");
    }

    @Test
    void badAdvancesAreRefusedAndChangeNothing() {
        String key = rolledOutAtFive();
        String path = env(key, "staging") + "/rollouts/advance";
        long auditRows = Api.rows("audit_events", key);

        Api.Reply noReason = Api.post(path, "editor", "{\"stage\": \"half\", \"percentage\": 50}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(field(noReason)).isEqualTo("reason");
        assertThat(field(Api.post(path, "editor", advance("\"stage\": \"half\", \"percentage\": 150"))))
                .isEqualTo("percentage");
        assertThat(field(Api.post(path, "editor", advance("\"stage\": \" \", \"percentage\": 50"))))
                .isEqualTo("stage");
        assertThat(field(Api.post(path, "editor", advance("\"stage\": \"half\", \"percentage\": 50, \"colour\": 1"))))
                .isEqualTo("colour");
        assertThat(field(Api.post(
                        path,
                        "editor",
                        advance("\"stage\": \"half\", \"percentage\": 50, \"monitoring_window_ends_at\": \"soon\""))))
                .isEqualTo("monitoring_window_ends_at");
        assertThat(field(Api.post(
                        path, "editor", advance("\"stage\": \"half\", \"percentage\": 50, \"signal_facts\": [{}]"))))
                .isEqualTo("signal_facts[0].signal_key");

        Api.Reply unknownRule =
                Api.post(path, "editor", advance("\"rule_key\": \"nope\", \"stage\": \"half\", \"percentage\": 50"));
        assertThat(unknownRule.status()).as(unknownRule.body()).isEqualTo(409);
        assertThat(unknownRule.json().getString("detail")).isEqualTo("rollout_stage_conflict");

        Api.Reply viewer = Api.post(path, "viewer", advance("\"stage\": \"half\", \"percentage\": 50"));
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.header("Content-Type")).startsWith("application/problem+json");

        String unpublished = newFlag("rollout-none");
        Api.Reply nothingInForce = Api.post(
                env(unpublished, "staging") + "/rollouts/advance",
                "editor",
                advance("\"stage\": \"a\", \"percentage\": 5"));
        assertThat(nothingInForce.status()).isEqualTo(409);

        assertThat(state(key, "staging").getInt("active_ruleset_version")).isEqualTo(1);
        assertThat(Api.rows("guardrail_decisions", key)).isZero();
        // only the viewer's refused attempt is audited (spec §6.12)
        assertThat(Api.rows("audit_events", key)).isEqualTo(auditRows + 1);
    }

    @Test
    void inProductionAnAdvanceGoesThroughAChangeRequest() {
        String key = newFlag("rollout-prod");
        Api.Reply draft = putDraft(key, "production", "editor", ROLLOUT);
        long publishRequest = submit(
                        "editor",
                        key,
                        "production",
                        "publish_ruleset",
                        "{\"version\": " + draft.json().getInt("version") + "}",
                        "cr-" + UUID.randomUUID())
                .json()
                .getJsonNumber("id")
                .longValue();
        assertThat(decide(publishRequest, "approve", "admin", "ok").status()).isEqualTo(200);
        assertThat(decide(publishRequest, "execute", "admin2", "ok").status()).isEqualTo(200);
        String fields = "\"rule_key\": \"everyone\", \"stage\": \"canary-25\", \"percentage\": 25";

        Api.Reply direct = Api.post(env(key, "production") + "/rollouts/advance", "admin", advance(fields));
        assertThat(direct.status()).as(direct.body()).isEqualTo(403);
        assertThat(direct.json().getJsonObject("metadata").getString("reason")).isEqualTo("change_request_required");

        Api.Reply badProposal = submit(
                "editor",
                key,
                "production",
                "advance_rollout",
                "{\"stage\": \"x\", \"percentage\": 101}",
                "cr-" + UUID.randomUUID());
        assertThat(badProposal.status()).isEqualTo(422);
        assertThat(field(badProposal)).isEqualTo("command.percentage");

        String requestId = "cr-" + UUID.randomUUID();
        Api.Reply submitted = submit("editor", key, "production", "advance_rollout", "{" + fields + "}", requestId);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long id = submitted.json().getJsonNumber("id").longValue();
        assertThat(decide(id, "approve", "admin", "reviewed").status()).isEqualTo(200);
        Api.Reply executed = decide(id, "execute", "admin2", "approved by admin");
        assertThat(executed.status()).as(executed.body()).isEqualTo(200);
        assertThat(executed.json().getString("status")).isEqualTo("executed");

        assertThat(state(key, "production").getInt("active_ruleset_version")).isEqualTo(2);
        JsonObject rule = Api.get(env(key, "production") + "/rollouts", "viewer")
                .json()
                .getJsonArray("rules")
                .getJsonObject(0);
        assertThat(rule.getInt("percentage")).isEqualTo(25);
        assertThat(rule.getJsonObject("latest_decision").getString("correlation_id"))
                .isEqualTo(requestId);
        JsonObject workflow =
                Api.get("/api/v1/admin/change-requests/" + id, "viewer").json();
        assertThat(workflow.getJsonArray("audit_events").stream()
                        .map(JsonValue::asJsonObject)
                        .map(event -> event.getString("event_type")))
                .contains("change_request.submitted", "rollout.advance", "change_request.merged");
    }

    @Test
    void aHostPushesSignalFactsForTheGuardrailsOfARule() {
        String key = rolledOutAtFive();
        String path = env(key, "staging") + "/rollouts/everyone/signals";

        Api.Reply breached = Api.post(
                path, "editor", "{\"signal_key\": \"error_rate\", \"observed_value\": \"0.14\", \"sample_size\": 500}");

        assertThat(breached.status()).as(breached.body()).isEqualTo(201);
        JsonObject fact = breached.json();
        assertThat(fact.getString("rule_key")).isEqualTo("everyone");
        assertThat(fact.getString("signal_key")).isEqualTo("error_rate");
        assertThat(fact.getString("reason")).isEqualTo("breached");
        assertThat(fact.getString("status")).isEqualTo("breached");
        assertThat(fact.getJsonNumber("observed_value").doubleValue()).isEqualTo(0.14);
        assertThat(fact.getString("threshold_operator")).isEqualTo("gte");
        assertThat(fact.isNull("captured_at")).isFalse();
        assertThat(Api.post(
                                path,
                                "editor",
                                "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01, \"sample_size\": 10}")
                        .json()
                        .getString("reason"))
                .isEqualTo("insufficient_sample");
        assertThat(Api.post(
                                path,
                                "editor",
                                "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01, \"sample_size\": 500,"
                                        + " \"captured_at\": \"2020-01-01T00:00:00Z\"}")
                        .json()
                        .getString("reason"))
                .isEqualTo("stale");
        assertThat(Api.rows("guardrail_signals", key)).isEqualTo(3);

        assertThat(field(Api.post(path, "editor", "{\"observed_value\": 0.01}")))
                .isEqualTo("signal_key");
        assertThat(field(Api.post(path, "editor", "{\"signal_key\": \"latency\", \"observed_value\": 0.01}")))
                .isEqualTo("signal_key");
        assertThat(field(Api.post(path, "editor", "{\"signal_key\": \"error_rate\", \"observed_value\": \"high\"}")))
                .isEqualTo("observed_value");
        assertThat(field(Api.post(
                        path,
                        "editor",
                        "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01, \"sample_size\": -1}")))
                .isEqualTo("sample_size");
        assertThat(field(Api.post(
                        path,
                        "editor",
                        "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01, \"captured_at\": \"yesterday\"}")))
                .isEqualTo("captured_at");
        assertThat(field(Api.post(
                        path, "editor", "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01, \"x\": 1}")))
                .isEqualTo("x");
        Api.Reply noSuchRule = Api.post(
                env(key, "staging") + "/rollouts/nope/signals",
                "editor",
                "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01}");
        assertThat(noSuchRule.status()).isEqualTo(409);
        assertThat(Api.post(path, "viewer", "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01}")
                        .status())
                .isEqualTo(403);
        assertThat(Api.rows("guardrail_signals", key)).isEqualTo(3);
    }

    /** Advances the rule to {@code stage} at {@code percentage} with a window closing in {@code seconds}. */
    private static void advanceTo(String key, String stage, int percentage, long seconds) {
        String ends = java.time.Instant.now()
                .plusSeconds(seconds)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        Api.Reply advanced = Api.post(
                env(key, "staging") + "/rollouts/advance",
                "editor",
                advance("\"rule_key\": \"everyone\", \"stage\": \"" + stage + "\", \"percentage\": " + percentage
                        + ", \"monitoring_window_ends_at\": \"" + ends + "\""));
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
    }

    private static void push(String key, String observed, long sampleSize, String capturedAt) {
        Api.Reply pushed = Api.post(
                env(key, "staging") + "/rollouts/everyone/signals",
                "editor",
                "{\"signal_key\": \"error_rate\", \"observed_value\": " + observed + ", \"sample_size\": " + sampleSize
                        + (capturedAt == null ? "" : ", \"captured_at\": \"" + capturedAt + "\"") + "}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
    }

    private static JsonObject evaluate(String key, String query) {
        Api.Reply evaluated = Api.post(env(key, "staging") + "/rollouts/everyone/evaluate" + query, "editor", "{}");
        assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
        return evaluated.json();
    }

    private static void waitPast(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int percentageNow(String key) {
        return Api.get(env(key, "staging") + "/rollouts", "viewer")
                .json()
                .getJsonArray("rules")
                .getJsonObject(0)
                .getInt("percentage");
    }

    @Test
    void aBreachRollsBackToTheLastStableStage() {
        String key = rolledOutAtFive();
        advanceTo(key, "canary-50", 50, 3);
        push(key, "0.01", 500, null);

        JsonObject dryRun = evaluate(key, "?dry_run=true");
        assertThat(dryRun.getBoolean("dry_run")).isTrue();
        assertThat(dryRun.getJsonObject("decision").getString("decision_state")).isEqualTo("healthy");
        assertThat(dryRun.getString("explanation")).startsWith("Healthy at canary-50 so far");
        assertThat(Api.rows("guardrail_decisions", key)).isEqualTo(1);

        waitPast(4);
        JsonObject stable = evaluate(key, "");
        assertThat(stable.getJsonObject("decision").getString("decision_state")).isEqualTo("healthy");
        assertThat(stable.getJsonObject("decision").getString("action_type")).isEqualTo("evaluate");
        assertThat(stable.getString("explanation")).contains("canary-50 is now a stable stage");
        int atFifty = stable.getInt("active_ruleset_version");

        advanceTo(key, "canary-100", 100, 60);
        push(key, "0.14", 500, null);
        JsonObject rolledBack = evaluate(key, "");

        JsonObject decision = rolledBack.getJsonObject("decision");
        assertThat(decision.getString("decision_state")).isEqualTo("rollback_triggered");
        assertThat(decision.getString("action_type")).isEqualTo("rollback");
        assertThat(decision.getString("decision_reason")).isEqualTo("breached");
        assertThat(rolledBack.getString("explanation"))
                .isEqualTo("Rolled back from canary-100 to the rules of canary-50:"
                        + " error_rate breached (observed 0.14 gte 0.05).");
        assertThat(rolledBack.getInt("active_ruleset_version")).isEqualTo(atFifty + 2);
        assertThat(percentageNow(key)).isEqualTo(50);
        assertThat(state(key, "staging").getInt("active_ruleset_version")).isEqualTo(atFifty + 2);
        JsonObject event = Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.guardrail_rollback", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(event.getString("result")).isEqualTo("ok");
    }

    @Test
    void aBreachWithNoStableStageHoldsAndChangesNothing() {
        String key = rolledOutAtFive();
        advanceTo(key, "canary-25", 25, 60);
        push(key, "0.14", 500, null);

        JsonObject held = evaluate(key, "");

        assertThat(held.getJsonObject("decision").getString("decision_state")).isEqualTo("held");
        assertThat(held.getJsonObject("decision").getString("decision_reason")).isEqualTo("stable_target_missing");
        assertThat(held.getString("explanation")).endsWith("and there is no stable stage to roll back to.");
        assertThat(held.getInt("active_ruleset_version")).isEqualTo(2);
        assertThat(percentageNow(key)).isEqualTo(25);
        assertThat(Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.guardrail_held", "auditor")
                        .json()
                        .getJsonArray("items"))
                .hasSize(1);
    }

    @Test
    void staleEvidenceAfterTheWindowHoldsAndNoEvidenceWaits() {
        String key = rolledOutAtFive();
        advanceTo(key, "canary-25", 25, 3);

        JsonObject waiting = evaluate(key, "?dry_run=true");
        assertThat(waiting.getJsonObject("decision").getString("decision_state"))
                .isEqualTo("pending_data");
        assertThat(waiting.getJsonObject("decision").getString("decision_reason"))
                .isEqualTo("monitoring_window_active");

        push(key, "0.01", 500, "2020-01-01T00:00:00Z");
        waitPast(4);
        JsonObject held = evaluate(key, "");

        assertThat(held.getJsonObject("decision").getString("decision_state")).isEqualTo("held");
        assertThat(held.getJsonObject("decision").getString("decision_reason")).isEqualTo("stale");
        assertThat(held.getString("explanation")).startsWith("Held at canary-25: error_rate is stale (captured ");
        assertThat(percentageNow(key)).isEqualTo(25);
    }

    @Test
    void anEvaluationNeedsAnAdvancedStageAndTheRightToAct() {
        String key = rolledOutAtFive();
        String path = env(key, "staging") + "/rollouts/everyone/evaluate";
        assertThat(Api.post(path, "editor", "{}").status()).isEqualTo(409);
        advanceTo(key, "canary-25", 25, 60);

        assertThat(Api.post(path, "editor", "{\"stage\": \"canary-99\"}").status())
                .isEqualTo(409);
        assertThat(field(Api.post(path, "editor", "{\"stage\": 5}"))).isEqualTo("stage");
        assertThat(Api.post(env(key, "staging") + "/rollouts/nope/evaluate", "editor", "{}")
                        .status())
                .isEqualTo(409);
        assertThat(Api.post(path, "viewer", "{}").status()).isEqualTo(403);
        Api.Reply viewerDryRun = Api.post(path + "?dry_run=true", "viewer", "{}");
        assertThat(viewerDryRun.status()).as(viewerDryRun.body()).isEqualTo(200);
        assertThat(Api.rows("guardrail_decisions", key)).isEqualTo(1);
    }

    @Test
    void anAutoAdvancePolicyIsSavedWholeAndShownWithItsRule() {
        String key = rolledOutAtFive();
        String path = env(key, "staging") + "/rollouts/everyone/auto-advance";

        Api.Reply saved = Api.put(
                path,
                "editor",
                "{\"enabled\": true, \"observation_window_seconds\": 600, \"next_stage\": \"canary-50\","
                        + " \"next_percentage\": 50, \"reason\": \"advance when healthy\"}");

        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().getString("rule_key")).isEqualTo("everyone");
        assertThat(saved.json().getBoolean("enabled")).isTrue();
        assertThat(saved.json().getInt("observation_window_seconds")).isEqualTo(600);
        assertThat(saved.json().getString("next_stage")).isEqualTo("canary-50");
        assertThat(saved.json().getInt("next_percentage")).isEqualTo(50);
        JsonObject rule = Api.get(env(key, "staging") + "/rollouts", "viewer")
                .json()
                .getJsonArray("rules")
                .getJsonObject(0);
        assertThat(rule.getJsonObject("auto_advance").getString("next_stage")).isEqualTo("canary-50");
        assertThat(rule.isNull("next_tick_at")).isTrue();

        Api.Reply disabled = Api.put(path, "editor", "{\"enabled\": false}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().getBoolean("enabled")).isFalse();
        assertThat(disabled.json().isNull("next_stage")).isTrue(); // replaced whole

        assertThat(field(Api.put(path, "editor", "{\"enabled\": true}"))).isEqualTo("observation_window_seconds");
        assertThat(
                        field(
                                Api.put(
                                        path,
                                        "editor",
                                        "{\"enabled\": true, \"observation_window_seconds\": 0, \"next_stage\": \"a\", \"next_percentage\": 5}")))
                .isEqualTo("observation_window_seconds");
        assertThat(
                        field(
                                Api.put(
                                        path,
                                        "editor",
                                        "{\"enabled\": true, \"observation_window_seconds\": 60, \"next_stage\": \" \", \"next_percentage\": 5}")))
                .isEqualTo("next_stage");
        assertThat(field(Api.put(path, "editor", "{\"enabled\": false, \"next_percentage\": 101}")))
                .isEqualTo("next_percentage");
        assertThat(field(Api.put(path, "editor", "{\"enabled\": \"yes\"}"))).isEqualTo("enabled");
        assertThat(field(Api.put(path, "editor", "{\"enabled\": false, \"colour\": 1}")))
                .isEqualTo("colour");
        assertThat(Api.put(env(key, "staging") + "/rollouts/nope/auto-advance", "editor", "{\"enabled\": false}")
                        .status())
                .isEqualTo(409);
        assertThat(Api.put(path, "viewer", "{\"enabled\": false}").status()).isEqualTo(403);
        // the two saves, and the viewer's refused attempt (spec §6.12)
        assertThat(Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.auto_advance_policy_saved", "auditor")
                        .json()
                        .getJsonArray("items")
                        .stream()
                        .map(item -> item.asJsonObject().getString("result")))
                .containsExactlyInAnyOrder("ok", "ok", "denied");
        assertThat(Api.get(env(key, "staging") + "/rollouts", "viewer")
                        .json()
                        .getJsonArray("rules")
                        .getJsonObject(0)
                        .getJsonObject("auto_advance")
                        .getBoolean("enabled"))
                .isFalse();
    }

    private static String field(Api.Reply refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        return refused.json().getJsonArray("details").getJsonObject(0).getString("field");
    }
}
