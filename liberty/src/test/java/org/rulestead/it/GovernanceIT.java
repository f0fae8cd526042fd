package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rulestead.it.probe.FaultInjector;

/**
 * Governed authoring through the admin API (spec §1, §6, §7): drafts, publish, kill switch, change
 * requests with four-eyes, the audit trail and its hash chain, concurrency and fault injection.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GovernanceIT {

    static final String RULES =
            """
            {"salt": "s1", "rules": [{"key": "pro-users", "strategy": "forced_value", "value": {"value": true},
              "conditions": [{"attribute": "plan", "operator": "equals", "value": {"equals": "pro"}}]}]}
            """;

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    static String newFlag(String prefix) {
        String key = FlagSliceContract.uniqueKey(prefix);
        Api.Reply created = Api.post("/api/v1/admin/flags", "editor", FlagSliceContract.flagJson(key, ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return key;
    }

    static String env(String key, String environment) {
        return "/api/v1/admin/flags/" + key + "/environments/" + environment;
    }

    static int draft(String key, String environment, String user) {
        Api.Reply saved = Api.put(env(key, environment) + "/draft", user, RULES);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json().getInt("version");
    }

    static Api.Reply publish(String key, String environment, String user, int version, String reason) {
        return Api.post(
                env(key, environment) + "/publish",
                user,
                "{\"version\": " + version + ", \"reason\": \"" + reason + "\"}");
    }

    static JsonObject state(String key, String environment) {
        Api.Reply state = Api.get(env(key, environment), "viewer");
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        return state.json();
    }

    static Api.Reply submit(
            String user, String key, String environment, String action, String command, String requestId) {
        return Api.send(Api.request("/api/v1/admin/change-requests", user)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"" + action + "\", \"environment_key\": \""
                        + environment + "\", \"resource_type\": \"flag\", \"resource_key\": \"" + key
                        + "\", \"command\": " + command + ", \"reason\": \"ship it\"}")));
    }

    static Api.Reply decide(long id, String transition, String user, String reason) {
        return Api.post(
                "/api/v1/admin/change-requests/" + id + "/" + transition, user, "{\"reason\": \"" + reason + "\"}");
    }

    @Test
    void draftsAreNumberedAndAPublishedVersionIsInForceAndFinal() {
        String key = newFlag("drafts");

        assertThat(draft(key, "staging", "editor")).isEqualTo(1);
        assertThat(draft(key, "staging", "editor")).isEqualTo(2);
        Api.Reply published = publish(key, "staging", "editor", 1, "first rollout");

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().getString("status")).isEqualTo("published");
        assertThat(state(key, "staging").getInt("active_ruleset_version")).isEqualTo(1);
        assertThat(state(key, "staging").getString("status")).isEqualTo("active");
        assertThat(publish(key, "staging", "editor", 1, "again").status()).isEqualTo(409);
        assertThat(Api.get(env(key, "staging") + "/rulesets", "viewer").body()).contains("\"version\":2");
        assertThat(Api.get(env(key, "staging") + "/rulesets/1", "viewer").json().getString("published_by"))
                .isEqualTo("editor");
        assertThat(Api.get(env(key, "staging") + "/rulesets/9", "viewer").status())
                .isEqualTo(404);
        assertThat(Api.rows("rulesets", key)).isEqualTo(2);
        // create, two drafts, one publish
        assertThat(Api.rows("audit_events", key)).isEqualTo(4);
    }

    @Test
    void anInvalidDraftIs422WithFieldPathsAndWritesNothing() {
        String key = newFlag("invalid");

        Api.Reply weights = Api.put(
                env(key, "staging") + "/draft",
                "editor",
                """
                {"rules": [{"key": "split", "strategy": "variant_split",
                  "rollout": {"bucket_by": "subject", "percentage": 100},
                  "variants": [{"key": "a", "value": {"value": true}, "weight": 30},
                               {"key": "b", "value": {"value": false}, "weight": 60}]}]}
                """);
        Api.Reply wrongType = Api.put(
                env(key, "staging") + "/draft",
                "editor",
                "{\"rules\": [{\"key\": \"r\", \"strategy\": \"forced_value\", \"value\": {\"value\": \"yes\"}}]}");

        assertThat(weights.status()).isEqualTo(422);
        assertThat(weights.contentType()).startsWith("application/problem+json");
        assertThat(weights.json().getString("error_type")).isEqualTo("variant_weights_invalid");
        assertThat(weights.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("rules[0].variants");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.body()).contains("rules[0].value.value");
        assertThat(Api.rows("rulesets", key)).isZero();
        assertThat(Api.rows("audit_events", key)).isEqualTo(1);
    }

    @Test
    void productionChangesGoThroughAChangeRequestApprovedByASecondAdmin() {
        String key = newFlag("four-eyes");
        int version = draft(key, "production", "editor");

        Api.Reply direct = publish(key, "production", "admin", version, "straight to prod");
        assertThat(direct.status()).as(direct.body()).isEqualTo(403);
        assertThat(direct.json().getString("error_type")).isEqualTo("unauthorized");
        assertThat(direct.json().getJsonObject("metadata").getString("reason")).isEqualTo("change_request_required");
        JsonObject denied = Api.get("/api/v1/admin/audit?flag=" + key + "&action=ruleset.publish", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(denied.getString("result")).isEqualTo("denied");

        String requestId = "cr-" + UUID.randomUUID();
        Api.Reply submitted =
                submit("admin", key, "production", "publish_ruleset", "{\"version\": " + version + "}", requestId);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long id = submitted.json().getJsonNumber("id").longValue();
        assertThat(submitted.json().getJsonObject("approval_requirement").getInt("required_approvals"))
                .isEqualTo(1);

        Api.Reply selfApproval = decide(id, "approve", "admin", "looks good to me");
        assertThat(selfApproval.status()).isEqualTo(403);
        assertThat(selfApproval.json().getJsonObject("metadata").getString("reason"))
                .isEqualTo("self_approval_forbidden");
        assertThat(decide(id, "approve", "editor", "lgtm").status()).isEqualTo(403);
        assertThat(decide(id, "execute", "admin", "too early").status()).isEqualTo(409);

        Api.Reply approved = decide(id, "approve", "admin2", "reviewed the rules");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isEqualTo("approved");
        Api.Reply executed = decide(id, "execute", "admin", "approved by admin2");
        assertThat(executed.status()).as(executed.body()).isEqualTo(200);
        assertThat(executed.json().getString("status")).isEqualTo("executed");
        assertThat(state(key, "production").getInt("active_ruleset_version")).isEqualTo(version);

        JsonObject workflow =
                Api.get("/api/v1/admin/change-requests/" + id, "viewer").json();
        List<String> steps = workflow.getJsonArray("audit_events").stream()
                .map(JsonValue::asJsonObject)
                .peek(event -> assertThat(event.getString("correlation_id")).isEqualTo(requestId))
                .map(event -> event.getString("event_type"))
                .toList();
        assertThat(steps)
                .containsExactly(
                        "change_request.submitted",
                        "change_request.approved",
                        "ruleset.publish",
                        "change_request.merged");
        assertThat(Api.get("/api/v1/admin/audit/verify", "auditor").json().getBoolean("valid"))
                .isTrue();
    }

    @Test
    void revisingAProposalClearsItsApprovals() {
        String key = newFlag("revise");
        int first = draft(key, "production", "editor");
        int second = draft(key, "production", "editor");
        long id = submit(
                        "admin",
                        key,
                        "production",
                        "publish_ruleset",
                        "{\"version\": " + first + "}",
                        "rv-" + UUID.randomUUID())
                .json()
                .getJsonNumber("id")
                .longValue();
        assertThat(decide(id, "approve", "admin2", "fine").json().getString("status"))
                .isEqualTo("approved");

        Api.Reply revised = Api.put(
                "/api/v1/admin/change-requests/" + id,
                "admin",
                "{\"command\": {\"version\": " + second + "}, \"reason\": \"publish the newer draft\"}");

        assertThat(revised.status()).as(revised.body()).isEqualTo(200);
        assertThat(revised.json().getString("status")).isEqualTo("submitted");
        assertThat(revised.json().getInt("approvals_count")).isZero();
        assertThat(revised.json().getJsonArray("approvals").getJsonObject(0).getBoolean("current"))
                .isFalse();
        assertThat(decide(id, "execute", "admin", "no").status()).isEqualTo(409);
        assertThat(decide(id, "approve", "admin2", "fine again").json().getString("status"))
                .isEqualTo("approved");
        assertThat(decide(id, "execute", "admin", "go").status()).isEqualTo(200);
        assertThat(state(key, "production").getInt("active_ruleset_version")).isEqualTo(second);
    }

    @Test
    void theKillSwitchIsFastNeedsAReasonAndSurvivesAPublish() {
        String key = newFlag("kill");
        assertThat(publish(key, "staging", "editor", draft(key, "staging", "editor"), "live")
                        .status())
                .isEqualTo(200);
        long auditRows = Api.rows("audit_events", key);

        Api.Reply noReason = Api.post(env(key, "staging") + "/kill-switch", "admin", "{}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("reason");
        assertThat(Api.rows("audit_events", key)).isEqualTo(auditRows);

        Api.Reply engaged = Api.post(env(key, "staging") + "/kill-switch", "admin", "{\"reason\": \"errors spiking\"}");
        assertThat(engaged.status()).as(engaged.body()).isEqualTo(200);
        assertThat(engaged.json().getBoolean("kill_switch_engaged")).isTrue();
        assertThat(publish(key, "staging", "editor", draft(key, "staging", "editor"), "fix")
                        .status())
                .isEqualTo(200);
        assertThat(state(key, "staging").getString("status")).isEqualTo("killswitched");
        assertThat(state(key, "staging").getInt("active_ruleset_version")).isEqualTo(2);

        Api.Reply released = Api.delete(env(key, "staging") + "/kill-switch", "admin", "{\"reason\": \"fixed\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().getString("status")).isEqualTo("active");

        assertThat(Api.post(env(key, "production") + "/kill-switch", "editor", "{\"reason\": \"panic\"}")
                        .status())
                .isEqualTo(403);
        assertThat(Api.post(env(key, "production") + "/kill-switch", "admin", "{\"reason\": \"incident 42\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void fiftyConcurrentPublishesOfOneDraftLetExactlyOneThrough() throws Exception {
        String key = newFlag("race");
        int version = draft(key, "staging", "editor");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> publishes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                publishes.add(
                        () -> publish(key, "staging", "admin", version, "race").status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(publishes)) {
                statuses.add(status.get());
            }

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Api.get("/api/v1/admin/audit?flag=" + key + "&action=ruleset.publish", "auditor")
                        .json()
                        .getJsonArray("items"))
                .hasSize(1);
    }

    @Test
    void aFaultAfterEachCommandsWriteLeavesNeitherTheChangeNorItsAuditRow() {
        String fault = FaultInjector.MARKER + ": after the write";
        String key = newFlag("faults");
        long audit = Api.rows("audit_events", key);

        assertThat(Api.put(env(key, "staging") + "/draft", "editor", "{\"reason\": \"" + fault + "\", \"rules\": []}")
                        .status())
                .isEqualTo(500);
        assertThat(Api.rows("rulesets", key)).isZero();

        int version = draft(key, "staging", "editor");
        audit = Api.rows("audit_events", key);
        assertThat(publish(key, "staging", "editor", version, fault).status()).isEqualTo(500);
        assertThat(state(key, "staging").isNull("active_ruleset_version")).isTrue();

        assertThat(Api.post(env(key, "staging") + "/kill-switch", "admin", "{\"reason\": \"" + fault + "\"}")
                        .status())
                .isEqualTo(500);
        assertThat(state(key, "staging").getBoolean("kill_switch_engaged")).isFalse();

        assertThat(Api.patch(
                                "/api/v1/admin/flags/" + key,
                                "editor",
                                "{\"description\": \"x\", \"reason\": \"" + fault + "\"}")
                        .status())
                .isEqualTo(500);
        assertThat(Api.get("/api/v1/admin/flags/" + key, "viewer").json().getString("description"))
                .isEqualTo("New checkout");
        assertThat(Api.post("/api/v1/admin/flags/" + key + "/archive", "editor", "{\"reason\": \"" + fault + "\"}")
                        .status())
                .isEqualTo(500);
        assertThat(Api.get("/api/v1/admin/flags/" + key, "viewer").json().isNull("archived_at"))
                .isTrue();
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);

        int prodVersion = draft(key, "production", "editor");
        audit = Api.rows("audit_events", key);
        Api.Reply faultySubmit = Api.post(
                "/api/v1/admin/change-requests",
                "admin",
                "{\"action\": \"publish_ruleset\", \"environment_key\": \"production\", \"resource_key\": \"" + key
                        + "\", \"command\": {\"version\": " + prodVersion + "}, \"reason\": \"" + fault + "\"}");
        assertThat(faultySubmit.status()).isEqualTo(500);
        assertThat(Api.rows("change_requests", key)).isZero();

        long id = submit(
                        "admin",
                        key,
                        "production",
                        "publish_ruleset",
                        "{\"version\": " + prodVersion + "}",
                        "f-" + UUID.randomUUID())
                .json()
                .getJsonNumber("id")
                .longValue();
        assertThat(decide(id, "approve", "admin2", fault).status()).isEqualTo(500);
        assertThat(Api.rows("approvals", key)).isZero();
        assertThat(decide(id, "approve", "admin2", "fine").status()).isEqualTo(200);
        long beforeExecute = Api.rows("audit_events", key);
        assertThat(decide(id, "execute", "admin", fault).status()).isEqualTo(500);
        assertThat(Api.get("/api/v1/admin/change-requests/" + id, "viewer")
                        .json()
                        .getString("status"))
                .isEqualTo("approved");
        assertThat(state(key, "production").isNull("active_ruleset_version")).isTrue();
        assertThat(Api.rows("audit_events", key)).isEqualTo(beforeExecute);
        assertThat(Api.get("/api/v1/admin/audit/verify", "auditor").json().getBoolean("valid"))
                .isTrue();
    }

    @Test
    void theVerificationFindsARowEditedInTheDatabase() {
        String key = newFlag("tamper");
        JsonObject event = Api.get("/api/v1/admin/audit?flag=" + key, "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        long id = event.getJsonNumber("id").longValue();
        String original = event.isNull("reason") ? "" : event.getString("reason");
        assertThat(Api.get("/api/v1/admin/audit/verify", "auditor").json().getBoolean("valid"))
                .isTrue();

        tamper(id, "nothing to see here");
        try {
            JsonObject verification =
                    Api.get("/api/v1/admin/audit/verify", "auditor").json();
            assertThat(verification.getBoolean("valid")).isFalse();
            assertThat(verification.getJsonNumber("first_broken_id").longValue())
                    .isEqualTo(id);
        } finally {
            tamper(id, original.isEmpty() ? null : original);
        }
        assertThat(Api.get("/api/v1/admin/audit/verify", "auditor").json().getBoolean("valid"))
                .isTrue();
    }

    private static void tamper(long id, String reason) {
        String query = reason == null
                ? ""
                : "?reason=" + java.net.URLEncoder.encode(reason, java.nio.charset.StandardCharsets.UTF_8);
        Api.Reply tampered = Api.call("POST", "/api/it-probe/audit/" + id + "/tamper" + query, null, null);
        assertThat(tampered.body()).as("rows changed").isEqualTo("1");
    }

    @Test
    void badInputIsA4xxProblemThatWritesNothing() {
        String key = newFlag("bad-input");
        int version = draft(key, "staging", "editor");
        long audit = Api.rows("audit_events", key);

        Api.Reply noReason = Api.post(env(key, "staging") + "/publish", "editor", "{\"version\": " + version + "}");
        Api.Reply noVersion = Api.post(env(key, "staging") + "/publish", "editor", "{\"reason\": \"go\"}");
        Api.Reply unknownEnvironment = Api.put(env(key, "moon") + "/draft", "editor", RULES);
        Api.Reply unknownFlag = Api.put(env("no-such-flag", "staging") + "/draft", "editor", RULES);
        Api.Reply badKey = Api.post("/api/v1/admin/flags", "editor", FlagSliceContract.flagJson("Bad Key!", ""));
        Api.Reply oversized =
                Api.put(env(key, "staging") + "/draft", "editor", "{\"salt\": \"" + "x".repeat(1_100_000) + "\"}");
        Api.Reply notJson = Api.post(env(key, "staging") + "/kill-switch", "admin", "{reason");

        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noVersion.status()).isEqualTo(422);
        assertThat(unknownEnvironment.status()).isEqualTo(404);
        assertThat(unknownEnvironment.json().getString("error_type")).isEqualTo("environment_not_found");
        assertThat(unknownFlag.status()).isEqualTo(404);
        assertThat(unknownFlag.json().getString("error_type")).isEqualTo("flag_not_found");
        assertThat(badKey.status()).isEqualTo(422);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(notJson.status()).isEqualTo(400);
        for (Api.Reply reply :
                List.of(noReason, noVersion, unknownEnvironment, unknownFlag, badKey, oversized, notJson)) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(state(key, "staging").isNull("active_ruleset_version")).isTrue();
        assertThat(Api.rows("rulesets", key)).isEqualTo(1);
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);
    }

    @Test
    void aRoleGrantedInOneEnvironmentCountsThereOnly() {
        String key = newFlag("grants");
        assertThat(Api.put(env(key, "staging") + "/draft", "viewer", RULES).status())
                .isEqualTo(403);

        Api.Reply granted = Api.post(
                "/api/v1/admin/environments/staging/grants",
                "admin",
                "{\"principal\": \"viewer\", \"role\": \"editor\", \"reason\": \"helps with the launch\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        long grant = granted.json().getJsonNumber("id").longValue();
        try {
            assertThat(Api.put(env(key, "staging") + "/draft", "viewer", RULES).status())
                    .isEqualTo(201);
            assertThat(Api.put(env(key, "development") + "/draft", "viewer", RULES)
                            .status())
                    .isEqualTo(403);
            assertThat(Api.get("/api/v1/admin/environments/staging/grants", "viewer")
                            .body())
                    .contains("\"principal\":\"viewer\"");
        } finally {
            assertThat(Api.delete(
                                    "/api/v1/admin/environments/staging/grants/" + grant,
                                    "admin",
                                    "{\"reason\": \"done\"}")
                            .status())
                    .isEqualTo(204);
        }
        assertThat(Api.put(env(key, "staging") + "/draft", "viewer", RULES).status())
                .isEqualTo(403);
        assertThat(Api.post(
                                "/api/v1/admin/environments/staging/grants",
                                "editor",
                                "{\"principal\": \"editor\", \"role\": \"admin\", \"reason\": \"promote myself\"}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aStaleUpdateIs409AndChangesNothing() {
        String key = newFlag("stale");
        long version = Api.get("/api/v1/admin/flags/" + key, "viewer")
                .json()
                .getJsonNumber("version")
                .longValue();

        Api.Reply first = Api.patch(
                "/api/v1/admin/flags/" + key, "editor", "{\"description\": \"first\", \"version\": " + version + "}");
        Api.Reply stale = Api.patch(
                "/api/v1/admin/flags/" + key, "editor", "{\"description\": \"second\", \"version\": " + version + "}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().getString("description")).isEqualTo("first");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(Api.get("/api/v1/admin/flags/" + key, "viewer").json().getString("description"))
                .isEqualTo("first");
        JsonObject update = Api.get("/api/v1/admin/audit?flag=" + key + "&action=flag.update", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(update.getJsonObject("metadata")
                        .getJsonObject("diff")
                        .getJsonObject("description")
                        .getString("to"))
                .isEqualTo("first");
    }
}
