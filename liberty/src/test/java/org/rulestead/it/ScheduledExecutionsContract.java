package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rulestead.it.GovernanceIT.decide;
import static org.rulestead.it.GovernanceIT.newFlag;
import static org.rulestead.it.GovernanceIT.putDraft;
import static org.rulestead.it.GovernanceIT.state;
import static org.rulestead.it.GovernanceIT.submit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Scheduled executions through the admin API (spec §6.7), run by real persistent EJB timers a few
 * seconds out: a governed action scheduled directly, an approved change request scheduled (and
 * marked executed, PD-4), idempotency, cancel and requeue, three failed attempts then quarantine,
 * and every refusal changing nothing.
 */
abstract class ScheduledExecutionsContract {

    static final String PATH = "/api/v1/admin/scheduled-executions";

    static final String RULES =
            "{\"rules\": [{\"key\": \"all\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}}]}";

    static String inSeconds(long seconds) {
        return Instant.now()
                .plusSeconds(seconds)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
    }

    static String directPublish(String key, String environment, int version, String when, String mode, String extra) {
        return "{\"action\": \"publish_ruleset\", \"environment_key\": \"" + environment
                + "\", \"resource_type\": \"flag\", \"resource_key\": \"" + key + "\", \"command\": {\"version\": "
                + version + "}, \"scheduled_for\": \"" + when + "\", \"execution_mode\": \"" + mode + "\"" + extra
                + "}";
    }

    /** The execution once {@code done} holds of it, read every 250 ms for up to 30 s. */
    static JsonObject awaitExecution(long id, Predicate<JsonObject> done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonObject execution;
        do {
            Api.Reply reply = Api.get(PATH + "/" + id, "viewer");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            execution = reply.json();
            if (done.test(execution)) {
                return execution;
            }
            sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("scheduled execution " + id + " never got there: " + execution);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> events(String key, String prefix) {
        return Api.get("/api/v1/admin/audit?flag=" + key + "&limit=200", "auditor")
                .json()
                .getJsonArray("items")
                .stream()
                .map(JsonValue::asJsonObject)
                .map(event -> event.getString("event_type") + "/" + event.getString("result"))
                .filter(event -> event.startsWith(prefix))
                .toList();
    }

    static String stateOf(JsonObject execution) {
        return execution.getString("state");
    }

    @Test
    void aDirectActionRunsWhenItFallsDueAsTheScheduler() {
        String key = newFlag("sched-direct");
        int version = putDraft(key, "staging", "editor", RULES).json().getInt("version");

        Api.Reply scheduled = Api.post(
                PATH,
                "editor",
                directPublish(
                        key, "staging", version, inSeconds(2), "policy_bypass", ", \"reason\": \"after the freeze\""));

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        JsonObject created = scheduled.json();
        long id = created.getJsonNumber("id").longValue();
        assertThat(scheduled.header("Location")).endsWith(PATH + "/" + id);
        assertThat(stateOf(created)).isEqualTo("scheduled");
        assertThat(created.getString("execution_mode")).isEqualTo("policy_bypass");
        assertThat(created.getJsonObject("scheduled_by").getString("id")).isEqualTo("editor");
        assertThat(created.getInt("attempt_count")).isZero();
        assertThat(state(key, "staging").isNull("active_ruleset_version")).isTrue();

        JsonObject done = awaitExecution(id, execution -> !stateOf(execution).equals("scheduled"));

        assertThat(stateOf(done)).isEqualTo("completed");
        assertThat(done.getInt("attempt_count")).isEqualTo(1);
        assertThat(done.isNull("executed_at")).isFalse();
        assertThat(done.getJsonArray("attempts")).hasSize(1);
        assertThat(done.getJsonArray("attempts").getJsonObject(0).getString("state"))
                .isEqualTo("completed");
        assertThat(state(key, "staging").getInt("active_ruleset_version")).isEqualTo(version);
        JsonObject publish = Api.get("/api/v1/admin/audit?flag=" + key + "&action=ruleset.publish", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(publish.getJsonObject("actor").getString("id")).isEqualTo("system:scheduler");
        assertThat(publish.getJsonObject("metadata").getString("execution_mode"))
                .isEqualTo("policy_bypass");
        assertThat(events(key, "scheduled_execution."))
                .containsExactlyInAnyOrder("scheduled_execution.succeeded/ok", "scheduled_execution.scheduled/ok");

        // replay-safe: the same key answers the execution it made, completed, and schedules nothing
        Api.Reply again = Api.post(
                PATH,
                "editor",
                directPublish(
                        key,
                        "staging",
                        version,
                        inSeconds(60),
                        "policy_bypass",
                        ", \"idempotency_key\": \"" + created.getString("idempotency_key")
                                + "\", \"reason\": \"again\""));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(id);
        assertThat(stateOf(again.json())).isEqualTo("completed");
        assertThat(Api.rows("scheduled_executions", key)).isEqualTo(1);
    }

    @Test
    void badSchedulesAreRefusedAndScheduleNothing() {
        String key = newFlag("sched-bad");
        int version = putDraft(key, "staging", "editor", RULES).json().getInt("version");
        String later = inSeconds(3600);

        assertThat(field(Api.post(
                        PATH,
                        "editor",
                        directPublish(
                                key, "staging", version, inSeconds(-60), "policy_bypass", ", \"reason\": \"r\""))))
                .isEqualTo("scheduled_for");
        assertThat(field(Api.post(
                        PATH,
                        "editor",
                        directPublish(key, "staging", version, "tomorrow", "policy_bypass", ", \"reason\": \"r\""))))
                .isEqualTo("scheduled_for");
        assertThat(field(Api.post(
                        PATH,
                        "editor",
                        directPublish(key, "staging", version, later, "change_request", ", \"reason\": \"r\""))))
                .isEqualTo("execution_mode");
        assertThat(field(Api.post(
                        PATH,
                        "editor",
                        directPublish(key, "staging", version, later, "policy_bypass", ", \"reason\": \"r\"")
                                .replace("publish_ruleset", "save_draft"))))
                .isEqualTo("action");
        assertThat(field(Api.post(
                        PATH,
                        "editor",
                        directPublish(
                                key,
                                "staging",
                                version,
                                later,
                                "policy_bypass",
                                ", \"colour\": 1, \"reason\": \"r\""))))
                .isEqualTo("colour");
        assertThat(field(Api.post(PATH, "editor", directPublish(key, "staging", version, later, "policy_bypass", ""))))
                .isEqualTo("reason");
        assertThat(field(Api.post(
                        PATH,
                        "editor",
                        directPublish(key, "staging", 99, later, "policy_bypass", ", \"reason\": \"r\""))))
                .isEqualTo("command.version");
        assertThat(field(Api.post(
                        PATH,
                        "editor",
                        directPublish(key, "staging", version, later, "emergency_bypass", ", \"reason\": \"r\""))))
                .isEqualTo("metadata.emergency_reason");
        assertThat(Api.post(PATH, "editor", "not json").status()).isEqualTo(400);
        // authorization comes first: a viewer learns nothing about the body, and is audited
        Api.Reply viewer =
                Api.post(PATH, "viewer", directPublish(key, "staging", version, inSeconds(-60), "nonsense", ""));
        assertThat(viewer.status()).as(viewer.body()).isEqualTo(403);
        assertThat(viewer.contentType()).startsWith("application/problem+json");
        // in a protected environment policy_bypass is what applying it now would be: a change request
        int production = putDraft(key, "production", "editor", RULES).json().getInt("version");
        Api.Reply governed = Api.post(
                PATH,
                "admin",
                directPublish(key, "production", production, later, "policy_bypass", ", \"reason\": \"r\""));
        assertThat(governed.status()).as(governed.body()).isEqualTo(403);
        assertThat(governed.json().getJsonObject("metadata").getString("reason"))
                .isEqualTo("change_request_required");
        // the kill switch too: the scheduler would be asked the same when it runs (emergency_bypass is for that)
        Api.Reply killSwitch = Api.post(
                PATH,
                "admin",
                "{\"action\": \"engage_kill_switch\", \"environment_key\": \"production\", \"resource_type\": \"flag\","
                        + " \"resource_key\": \"" + key + "\", \"command\": {}, \"scheduled_for\": \"" + later
                        + "\", \"execution_mode\": \"policy_bypass\", \"reason\": \"r\"}");
        assertThat(killSwitch.status()).as(killSwitch.body()).isEqualTo(403);
        // the action is authorized before the body is looked at: an editor may not publish in production
        Api.Reply editor = Api.post(
                PATH, "editor", directPublish(key, "production", production, inSeconds(-60), "emergency_bypass", ""));
        assertThat(editor.status()).as(editor.body()).isEqualTo(403);

        assertThat(Api.rows("scheduled_executions", key)).isZero();
        assertThat(events(key, "scheduled_execution.")).containsOnly("scheduled_execution.scheduled/denied");
    }

    @Test
    void anEmergencyBypassNeedsItsReasonsAndRunsInAProtectedEnvironment() {
        String key = newFlag("sched-emergency");
        int version = putDraft(key, "production", "editor", RULES).json().getInt("version");

        Api.Reply scheduled = Api.post(
                PATH,
                "admin",
                directPublish(
                        key,
                        "production",
                        version,
                        inSeconds(2),
                        "emergency_bypass",
                        ", \"reason\": \"incident 42\", \"metadata\": {\"emergency_reason\": \"checkout is down\"}"));

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        JsonObject done =
                awaitExecution(scheduled.json().getJsonNumber("id").longValue(), execution -> !stateOf(execution)
                        .equals("scheduled"));
        assertThat(stateOf(done)).isEqualTo("completed");
        assertThat(state(key, "production").getInt("active_ruleset_version")).isEqualTo(version);
    }

    @Test
    void anApprovedChangeRequestRunsWhenScheduledAndIsMarkedExecuted() {
        String key = newFlag("sched-cr");
        int version = putDraft(key, "production", "editor", RULES).json().getInt("version");
        Api.Reply submitted = submit(
                "editor",
                key,
                "production",
                "publish_ruleset",
                "{\"version\": " + version + "}",
                "cr-" + UUID.randomUUID());
        long request = submitted.json().getJsonNumber("id").longValue();
        String schedulePath = "/api/v1/admin/change-requests/" + request + "/schedule";
        String body = "{\"scheduled_for\": \"" + inSeconds(2) + "\", \"reason\": \"in the release window\"}";

        Api.Reply unapproved = Api.post(schedulePath, "admin", body);
        assertThat(unapproved.status()).as(unapproved.body()).isEqualTo(409);
        assertThat(decide(request, "approve", "admin", "looks right").status()).isEqualTo(200);
        assertThat(Api.post(schedulePath, "editor", body).status()).isEqualTo(403);
        assertThat(field(Api.post(
                        schedulePath, "admin", "{\"scheduled_for\": \"" + inSeconds(-5) + "\", \"reason\": \"r\"}")))
                .isEqualTo("scheduled_for");

        Api.Reply scheduled = Api.post(schedulePath, "admin2", body);

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        JsonObject created = scheduled.json();
        assertThat(created.getString("execution_mode")).isEqualTo("change_request");
        assertThat(created.getJsonNumber("change_request_id").longValue()).isEqualTo(request);
        assertThat(created.getString("idempotency_key")).isEqualTo("scheduled_execution:change_request:" + request);
        assertThat(created.getJsonArray("approved_by").getJsonObject(0).getString("id"))
                .isEqualTo("admin");
        assertThat(created.getString("correlation_id"))
                .isEqualTo(Api.get("/api/v1/admin/change-requests/" + request, "viewer")
                        .json()
                        .getString("correlation_id"));
        // scheduling it again is the same execution
        assertThat(Api.post(schedulePath, "admin2", body)
                        .json()
                        .getJsonNumber("id")
                        .longValue())
                .isEqualTo(created.getJsonNumber("id").longValue());

        JsonObject done = awaitExecution(created.getJsonNumber("id").longValue(), execution -> !stateOf(execution)
                .equals("scheduled"));

        assertThat(stateOf(done)).as(done.toString()).isEqualTo("completed");
        assertThat(state(key, "production").getInt("active_ruleset_version")).isEqualTo(version);
        JsonObject workflow =
                Api.get("/api/v1/admin/change-requests/" + request, "viewer").json();
        assertThat(workflow.getString("status")).isEqualTo("executed");
        assertThat(workflow.getJsonArray("audit_events").stream()
                        .map(JsonValue::asJsonObject)
                        .map(event -> event.getString("event_type")))
                .contains(
                        "change_request.approved",
                        "scheduled_execution.scheduled",
                        "ruleset.publish",
                        "change_request.merged",
                        "scheduled_execution.succeeded");
    }

    @Test
    void anExecutionThatKeepsFailingIsQuarantinedAndCanBeRequeued() {
        String key = newFlag("sched-fail");
        int version = putDraft(key, "staging", "editor", RULES).json().getInt("version");
        Api.Reply scheduled = Api.post(
                PATH,
                "editor",
                directPublish(key, "staging", version, inSeconds(3), "policy_bypass", ", \"reason\": \"r\""));
        long id = scheduled.json().getJsonNumber("id").longValue();
        // published by hand before it falls due: the scheduled publish can no longer apply
        assertThat(GovernanceIT.publish(key, "staging", "editor", version, "by hand")
                        .status())
                .isEqualTo(200);

        JsonObject quarantined =
                awaitExecution(id, execution -> stateOf(execution).equals("quarantined"));

        assertThat(quarantined.getInt("attempt_count")).isEqualTo(3);
        assertThat(quarantined.getString("failure_reason")).isEqualTo("ruleset_not_publishable");
        assertThat(quarantined.getJsonArray("attempts").stream()
                        .map(attempt -> attempt.asJsonObject().getString("state")))
                .containsExactly("failed", "failed", "quarantined");
        assertThat(events(key, "scheduled_execution."))
                .contains("scheduled_execution.failed/error", "scheduled_execution.quarantined/error");
        String path = PATH + "/" + id;
        assertThat(Api.post(path + "/cancel", "admin", "{\"reason\": \"r\"}").status())
                .isEqualTo(409);
        assertThat(Api.post(path + "/requeue", "editor", "{\"reason\": \"r\"}").status())
                .isEqualTo(403);
        assertThat(field(Api.post(path + "/requeue", "admin", "{}"))).isEqualTo("reason");

        Api.Reply requeued = Api.post(path + "/requeue", "admin", "{\"reason\": \"one more try\"}");

        assertThat(requeued.status()).as(requeued.body()).isEqualTo(200);
        assertThat(stateOf(requeued.json())).isEqualTo("scheduled");
        JsonObject again = awaitExecution(id, execution -> stateOf(execution).equals("quarantined"));
        assertThat(again.getInt("attempt_count")).isEqualTo(4);
        // the editor's refused attempt is audited too
        assertThat(events(key, "scheduled_execution.requeued"))
                .containsExactlyInAnyOrder("scheduled_execution.requeued/ok", "scheduled_execution.requeued/denied");
    }

    @Test
    void aPendingExecutionCanBeCancelledAndThenNeverRuns() {
        String key = newFlag("sched-cancel");
        int version = putDraft(key, "staging", "editor", RULES).json().getInt("version");
        long id = Api.post(
                        PATH,
                        "editor",
                        directPublish(key, "staging", version, inSeconds(3), "policy_bypass", ", \"reason\": \"r\""))
                .json()
                .getJsonNumber("id")
                .longValue();
        String path = PATH + "/" + id;

        assertThat(Api.post(path + "/cancel", "editor", "{\"reason\": \"r\"}").status())
                .isEqualTo(403);
        assertThat(field(Api.post(path + "/cancel", "admin", "{}"))).isEqualTo("reason");
        assertThat(Api.post(path + "/requeue", "admin", "{\"reason\": \"r\"}").status())
                .isEqualTo(409);
        assertThat(Api.post(path + "/rewind", "admin", "{\"reason\": \"r\"}").status())
                .isEqualTo(404);
        assertThat(Api.get(PATH + "/999999999", "viewer").status()).isEqualTo(404);
        Api.Reply cancelled = Api.post(path + "/cancel", "admin", "{\"reason\": \"the freeze was extended\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(stateOf(cancelled.json())).isEqualTo("cancelled");
        assertThat(cancelled.json().getString("failure_reason")).isEqualTo("the freeze was extended");
        sleep(5000);
        assertThat(stateOf(Api.get(path, "viewer").json())).isEqualTo("cancelled");
        assertThat(state(key, "staging").isNull("active_ruleset_version")).isTrue();

        JsonObject listed = Api.get(PATH + "?env=staging&state=cancelled&limit=200", "viewer")
                .json();
        assertThat(listed.getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getJsonNumber("id").longValue()))
                .contains(id);
        assertThat(Api.get(PATH + "?state=sideways", "viewer").status()).isEqualTo(400);
        assertThat(Api.get(PATH + "?env=staging&limit=1", "viewer").json().getJsonArray("items"))
                .hasSize(1);
    }

    static String field(Api.Reply refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        return refused.json().getJsonArray("details").getJsonObject(0).getString("field");
    }
}
