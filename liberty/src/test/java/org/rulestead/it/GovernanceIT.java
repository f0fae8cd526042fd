package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The version a draft is edited from: the ETag of {@code GET …/draft}. */
    static long draftVersion(String key, String environment) {
        Api.Reply draft = Api.get(env(key, environment) + "/draft", "viewer");
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        return Api.version(draft);
    }

    /** Saves {@code rules} as {@code user}, edited from the newest ruleset (as a client reads it first). */
    static Api.Reply putDraft(String key, String environment, String user, String rules) {
        return Api.call(
                "PUT",
                env(key, environment) + "/draft",
                user,
                rules,
                "If-Match",
                "\"" + draftVersion(key, environment) + "\"");
    }

    static int draft(String key, String environment, String user) {
        Api.Reply saved = putDraft(key, environment, user, RULES);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return saved.json().getInt("version");
    }

    /** The version of the flag as read: the ETag of {@code GET /api/v1/admin/flags/{key}}. */
    static long flagVersion(String key) {
        Api.Reply flag = Api.get("/api/v1/admin/flags/" + key, "viewer");
        assertThat(flag.status()).as(flag.body()).isEqualTo(200);
        return Api.version(flag);
    }

    /** The version of an environment's role grants: the ETag of their list. */
    static long grantsVersion(String environment) {
        Api.Reply grants = Api.get("/api/v1/admin/environments/" + environment + "/grants", "admin");
        assertThat(grants.status()).as(grants.body()).isEqualTo(200);
        return Api.version(grants);
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
                {"version": 0, "rules": [{"key": "split", "strategy": "variant_split",
                  "rollout": {"bucket_by": "subject", "percentage": 100},
                  "variants": [{"key": "a", "value": {"value": true}, "weight": 30},
                               {"key": "b", "value": {"value": false}, "weight": 60}]}]}
                """);
        Api.Reply wrongType = Api.put(
                env(key, "staging") + "/draft",
                "editor",
                "{\"version\": 0, \"rules\": [{\"key\": \"r\", \"strategy\": \"forced_value\", \"value\": {\"value\": \"yes\"}}]}");

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

        long read = Api.version(Api.get("/api/v1/admin/change-requests/" + id, "admin"));
        Api.Reply unstated = Api.put(
                "/api/v1/admin/change-requests/" + id,
                "admin",
                "{\"command\": {\"version\": " + second + "}, \"reason\": \"publish the newer draft\"}");
        assertThat(unstated.status()).as(unstated.body()).isEqualTo(428);
        Api.Reply revised = Api.put(
                "/api/v1/admin/change-requests/" + id,
                "admin",
                "{\"command\": {\"version\": " + second + "}, \"reason\": \"publish the newer draft\", \"version\": "
                        + read + "}");

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

        assertThat(Api.put(
                                env(key, "staging") + "/draft",
                                "editor",
                                "{\"reason\": \"" + fault + "\", \"rules\": [], \"version\": 0}")
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
                                "{\"description\": \"x\", \"reason\": \"" + fault + "\", \"version\": "
                                        + flagVersion(key) + "}")
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
                "{\"principal\": \"viewer\", \"role\": \"editor\", \"reason\": \"helps with the launch\", \"version\": "
                        + grantsVersion("staging") + "}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        long grant = granted.json().getJsonNumber("id").longValue();
        try {
            assertThat(putDraft(key, "staging", "viewer", RULES).status()).isEqualTo(201);
            assertThat(putDraft(key, "development", "viewer", RULES).status()).isEqualTo(403);
            assertThat(Api.get("/api/v1/admin/environments/staging/grants", "viewer")
                            .body())
                    .contains("\"principal\":\"viewer\"");
        } finally {
            assertThat(Api.delete(
                                    "/api/v1/admin/environments/staging/grants/" + grant,
                                    "admin",
                                    "{\"reason\": \"done\", \"version\": " + grantsVersion("staging") + "}")
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

    @Test
    void aBodyNestedFiveThousandDeepIsA400ProblemOnEveryWriteAndChangesNothing() {
        String key = newFlag("deep");
        long audit = Api.rows("audit_events", key);
        long version = flagVersion(key);

        List<Api.Reply> replies = List.of(
                Api.post("/api/v1/admin/flags", "editor", Api.nested("key", 5000)),
                Api.patch("/api/v1/admin/flags/" + key, "editor", Api.nested("tags", 5000)),
                Api.put(env(key, "staging") + "/draft", "editor", Api.nested("rules", 5000)),
                Api.post(env(key, "staging") + "/publish", "editor", Api.nested("version", 5000)),
                Api.post(env(key, "staging") + "/kill-switch", "admin", Api.nested("reason", 5000)),
                Api.post("/api/v1/admin/change-requests", "admin", Api.nested("command", 5000)),
                Api.post("/api/v1/admin/environments/staging/grants", "admin", Api.nested("principal", 5000)));

        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getString("detail")).contains("nested deeper than 64");
        }
        assertThat(flagVersion(key)).isEqualTo(version);
        assertThat(Api.rows("rulesets", key)).isZero();
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);
    }

    @Test
    void fieldsACommandDoesNotTakeAre422NamingThemAndWriteNothing() {
        String key = newFlag("unknown-fields");
        int version = draft(key, "staging", "editor");
        long flag = flagVersion(key);
        long audit = Api.rows("audit_events", key);

        Api.Reply patch = Api.patch(
                "/api/v1/admin/flags/" + key,
                "editor",
                "{\"description\": \"changed\", \"colour\": \"red\", \"version\": " + flag + "}");
        Api.Reply newFlag = Api.post(
                "/api/v1/admin/flags",
                "editor",
                FlagSliceContract.flagJson(FlagSliceContract.uniqueKey("x"), ", \"colour\": 1"));
        Api.Reply rule = putDraft(
                key,
                "staging",
                "editor",
                "{\"rules\": [{\"key\": \"r\", \"stratgy\": \"x\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}}]}");
        Api.Reply publish = Api.post(
                env(key, "staging") + "/publish",
                "editor",
                "{\"version\": " + version + ", \"reason\": \"go\", \"dry_run\": true}");
        Api.Reply kill =
                Api.post(env(key, "staging") + "/kill-switch", "admin", "{\"reason\": \"panic\", \"force\": true}");
        Api.Reply proposal = Api.post(
                "/api/v1/admin/change-requests",
                "admin",
                "{\"action\": \"publish_ruleset\", \"environment_key\": \"staging\", \"resource_key\": \"" + key
                        + "\", \"command\": {\"version\": " + version + ", \"when\": \"now\"}, \"reason\": \"x\"}");
        Api.Reply grant = Api.post(
                "/api/v1/admin/environments/staging/grants",
                "admin",
                "{\"principal\": \"someone\", \"role\": \"viewer\", \"reason\": \"x\", \"expires\": \"never\", \"version\": "
                        + grantsVersion("staging") + "}");
        Api.Reply apiKey = Api.post(
                "/api/v1/admin/environments/staging/api-keys", "admin", "{\"name\": \"k\", \"scopes\": [\"all\"]}");

        Map<String, Api.Reply> named = new java.util.LinkedHashMap<>();
        named.put("colour", patch);
        named.put("colour ", newFlag);
        named.put("rules[0].stratgy", rule);
        named.put("dry_run", publish);
        named.put("force", kill);
        named.put("command.when", proposal);
        named.put("expires", grant);
        named.put("scopes", apiKey);
        named.forEach((field, reply) -> {
            assertThat(reply.status()).as(field + ": " + reply.body()).isEqualTo(422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getJsonArray("details").stream()
                            .map(detail -> detail.asJsonObject().getString("field")))
                    .as(reply.body())
                    .contains(field.trim());
        });
        assertThat(Api.get("/api/v1/admin/flags/" + key, "viewer").json().getString("description"))
                .isEqualTo("New checkout");
        assertThat(flagVersion(key)).isEqualTo(flag);
        assertThat(state(key, "staging").getBoolean("kill_switch_engaged")).isFalse();
        assertThat(state(key, "staging").isNull("active_ruleset_version")).isTrue();
        assertThat(Api.rows("rulesets", key)).isEqualTo(1);
        assertThat(Api.rows("change_requests", key)).isZero();
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);
    }

    @Test
    void aFlagUpdateStatesTheVersionItReadAsBodyVersionOrIfMatch() {
        String key = newFlag("if-match");
        Api.Reply read = Api.get("/api/v1/admin/flags/" + key, "viewer");
        long version = Api.version(read);
        assertThat(read.json().getJsonNumber("version").longValue()).isEqualTo(version);
        long audit = Api.rows("audit_events", key);
        String path = "/api/v1/admin/flags/" + key;

        Api.Reply unstated = Api.patch(path, "editor", "{\"description\": \"lost\"}");
        Api.Reply notANumber = Api.patch(path, "editor", "{\"description\": \"lost\", \"version\": \"abc\"}");
        Api.Reply weak =
                Api.call("PATCH", path, "editor", "{\"description\": \"lost\"}", "If-Match", "W/\"" + version + "\"");
        Api.Reply any = Api.call("PATCH", path, "editor", "{\"description\": \"lost\"}", "If-Match", "*");
        Api.Reply disagree = Api.call(
                "PATCH",
                path,
                "editor",
                "{\"description\": \"lost\", \"version\": " + (version + 1) + "}",
                "If-Match",
                "\"" + version + "\"");

        assertThat(unstated.status()).as(unstated.body()).isEqualTo(428);
        assertThat(unstated.contentType()).startsWith("application/problem+json");
        assertThat(unstated.json().getString("title")).isEqualTo("Precondition Required");
        assertThat(unstated.json().getString("instance")).isEqualTo(path);
        for (Api.Reply malformed : List.of(notANumber, weak, any, disagree)) {
            assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
            assertThat(malformed.contentType()).startsWith("application/problem+json");
            assertThat(malformed.json().getJsonArray("details").getJsonObject(0).getString("field"))
                    .isEqualTo("version");
        }
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);

        Api.Reply first =
                Api.call("PATCH", path, "editor", "{\"description\": \"first\"}", "If-Match", "\"" + version + "\"");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(Api.version(first)).isGreaterThan(version);
        Api.Reply stale =
                Api.call("PATCH", path, "editor", "{\"description\": \"second\"}", "If-Match", "\"" + version + "\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json().getJsonObject("metadata").getString("reason")).isEqualTo("stale_version");
        assertThat(Api.get(path, "viewer").json().getString("description")).isEqualTo("first");
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit + 1);
    }

    @Test
    void aDraftStatesTheVersionItWasEditedFromSoNoDraftIsSilentlyReplaced() {
        String key = newFlag("draft-version");
        Api.Reply none = Api.get(env(key, "staging") + "/draft", "viewer");
        assertThat(none.status()).isEqualTo(200);
        assertThat(Api.version(none)).isZero();
        assertThat(none.json().getJsonArray("rules")).isEmpty();

        Api.Reply unstated = Api.put(env(key, "staging") + "/draft", "editor", RULES);
        assertThat(unstated.status()).as(unstated.body()).isEqualTo(428);
        assertThat(Api.rows("rulesets", key)).isZero();

        Api.Reply alice = Api.call("PUT", env(key, "staging") + "/draft", "editor", RULES, "If-Match", "\"0\"");
        Api.Reply bob = Api.call("PUT", env(key, "staging") + "/draft", "admin", RULES, "If-Match", "\"0\"");

        assertThat(alice.status()).as(alice.body()).isEqualTo(201);
        assertThat(Api.version(alice)).isEqualTo(1);
        assertThat(bob.status()).as(bob.body()).isEqualTo(409);
        assertThat(Api.rows("rulesets", key)).isEqualTo(1);
        Api.Reply newest = Api.get(env(key, "staging") + "/draft", "viewer");
        assertThat(Api.version(newest)).isEqualTo(1);
        assertThat(newest.json().getString("status")).isEqualTo("draft");
        assertThat(Api.call("PUT", env(key, "staging") + "/draft", "admin", RULES, "If-Match", "\"1\"")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void roleGrantsStateTheVersionOfTheGrantsTheyRead() {
        String principal = FlagSliceContract.uniqueKey("grantee");
        long version = grantsVersion("development");
        String grants = "/api/v1/admin/environments/development/grants";
        String body = "{\"principal\": \"" + principal + "\", \"role\": \"viewer\", \"reason\": \"helps\"";

        assertThat(Api.post(grants, "admin", body + "}").status()).isEqualTo(428);
        Api.Reply granted = Api.post(grants, "admin", body + ", \"version\": " + version + "}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(Api.version(granted)).isEqualTo(version + 1);
        Api.Reply stale =
                Api.post(grants, "admin", body.replace("viewer", "editor") + ", \"version\": " + version + "}");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        long id = granted.json().getJsonNumber("id").longValue();

        Api.Reply staleRevoke = Api.call(
                "DELETE", grants + "/" + id + "?reason=done", "admin", null, "If-Match", "\"" + version + "\"");
        assertThat(staleRevoke.status()).as(staleRevoke.body()).isEqualTo(409);
        Api.Reply revoked = Api.call(
                "DELETE", grants + "/" + id + "?reason=done", "admin", null, "If-Match", "\"" + (version + 1) + "\"");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
        assertThat(Api.version(revoked)).isEqualTo(version + 2);
        assertThat(grantsVersion("development")).isEqualTo(version + 2);
        assertThat(Api.get(grants, "admin").body()).doesNotContain(principal);
    }

    @Test
    void aChangeRequestForADraftThatDoesNotExistIsRefusedAtSubmit() {
        String key = newFlag("no-draft");
        int version = draft(key, "production", "editor");
        long audit = Api.rows("audit_events", key);

        Api.Reply missingDraft = submit(
                "admin",
                key,
                "production",
                "publish_ruleset",
                "{\"version\": " + (version + 41) + "}",
                "nd-" + UUID.randomUUID());
        Api.Reply missingFlag = submit(
                "admin",
                "no-such-flag",
                "production",
                "publish_ruleset",
                "{\"version\": 1}",
                "nd-" + UUID.randomUUID());
        Api.Reply missingEnvironment =
                submit("admin", key, "moon", "publish_ruleset", "{\"version\": 1}", "nd-" + UUID.randomUUID());
        Api.Reply directMissing = publish(key, "staging", "editor", 7, "no such draft");

        assertThat(missingDraft.status()).as(missingDraft.body()).isEqualTo(422);
        assertThat(missingDraft.json().getString("error_type")).isEqualTo("ruleset_not_found");
        assertThat(missingDraft.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("command.version");
        assertThat(missingFlag.status()).as(missingFlag.body()).isEqualTo(422);
        assertThat(missingFlag.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("resource_key");
        assertThat(missingEnvironment.status()).as(missingEnvironment.body()).isEqualTo(422);
        assertThat(missingEnvironment
                        .json()
                        .getJsonArray("details")
                        .getJsonObject(0)
                        .getString("field"))
                .isEqualTo("environment_key");
        assertThat(directMissing.status()).as(directMissing.body()).isEqualTo(422);
        assertThat(Api.rows("change_requests", key)).isZero();
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);
    }

    @Test
    void problemsNameTheFullPathAndAnUnknownPathIsNotFound() {
        for (String[] call : new String[][] {
            {"GET", "/api/v1/admin/no-such-thing"},
            {"GET", "/api/v1/no-such-thing"},
            {"POST", "/api/v1/admin/change-requests/1/approve-twice"},
            {"POST", "/ofrep/v1/no-such-thing"},
            {"GET", "/api/v1/admin/flags/x/environments/staging/rulesets/not-a-number"},
        }) {
            Api.Reply reply = Api.call(call[0], call[1], "viewer", call[0].equals("GET") ? null : "{}");
            assertThat(reply.status())
                    .as("%s %s: %s", call[0], call[1], reply.body())
                    .isEqualTo(404);
            assertThat(reply.contentType()).as(call[1]).startsWith("application/problem+json");
            assertThat(reply.json().getString("type")).isEqualTo("urn:rulestead:problem:not-found");
            assertThat(reply.json().getString("error_type")).isEqualTo("not_found");
            assertThat(reply.json().getString("instance")).isEqualTo(call[1]);
        }
        Api.Reply missing = Api.get("/api/v1/admin/flags/no-such-flag", "viewer");
        assertThat(missing.json().getString("instance")).isEqualTo("/api/v1/admin/flags/no-such-flag");
    }

    @Test
    void listParametersOfTheWrongShapeAre400NamingThem() {
        String[][] calls = {
            {"/api/v1/admin/audit?limit=-1", "limit"},
            {"/api/v1/admin/audit?limit=0", "limit"},
            {"/api/v1/admin/audit?limit=abc", "limit"},
            {"/api/v1/admin/audit?limit=501", "limit"},
            {"/api/v1/admin/audit?next=abc", "next"},
            {"/api/v1/admin/audit?next=-5", "next"},
            {"/api/v1/admin/audit?from=yesterday", "from"},
            {"/api/v1/admin/change-requests?status=pending", "status"},
        };
        for (String[] call : calls) {
            Api.Reply reply = Api.get(call[0], "admin");
            assertThat(reply.status()).as("%s: %s", call[0], reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getJsonObject("metadata").getString("parameter"))
                    .isEqualTo(call[1]);
            assertThat(reply.json().getString("detail")).contains(call[1]);
            assertThat(reply.json().getString("instance")).isEqualTo(call[0].substring(0, call[0].indexOf('?')));
        }
        Api.Reply page = Api.get("/api/v1/admin/audit?limit=1", "auditor");
        assertThat(page.status()).isEqualTo(200);
        long next = page.json().getJsonNumber("next").longValue();
        assertThat(Api.get("/api/v1/admin/audit?limit=2&next=" + next, "auditor")
                        .status())
                .isEqualTo(200);
    }
}
