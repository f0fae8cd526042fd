package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Live evaluation from the node's snapshots: what a publish, a kill switch and an archive change. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LiveEvaluationIT {

    static final String PRO = "{\"targeting_key\": \"u1\", \"attributes\": {\"plan\": \"pro\"}}";

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    static String published(String prefix) {
        String key = GovernanceIT.newFlag(prefix);
        int version = GovernanceIT.draft(key, "staging", "editor");
        assertThat(GovernanceIT.publish(key, "staging", "editor", version, "live")
                        .status())
                .isEqualTo(200);
        return key;
    }

    static Api.Reply evaluate(String key, String context) {
        return Api.post("/api/v1/environments/staging/flags/" + key + "/evaluate", "viewer", context);
    }

    @Test
    void aPublishedFlagServesItsRulesAtOnce() {
        String key = published("live");

        JsonObject pro = evaluate(key, PRO).json();
        JsonObject free = evaluate(key, "{\"targeting_key\": \"u2\", \"attributes\": {\"plan\": \"free\"}}")
                .json();

        assertThat(pro.getBoolean("value")).isTrue();
        assertThat(pro.getString("reason")).isEqualTo("rule_match");
        assertThat(pro.getString("matched_rule")).isEqualTo("pro-users");
        assertThat(pro.getInt("flag_version")).isEqualTo(1);
        assertThat(pro.getJsonNumber("snapshot_version").longValue()).isPositive();
        assertThat(pro.getBoolean("stale")).isFalse();
        assertThat(pro.getJsonNumber("cache_age_ms").longValue()).isNotNegative();
        assertThat(free.getBoolean("value")).isFalse();
        assertThat(free.getString("reason")).isEqualTo("default");
    }

    @Test
    void theKillSwitchChangesTheAnswerAtOnceAndReleasingRestoresIt() {
        String key = published("live-kill");
        String killSwitch = GovernanceIT.env(key, "staging") + "/kill-switch";

        assertThat(Api.post(killSwitch, "admin", "{\"reason\": \"incident\"}").status())
                .isEqualTo(200);
        JsonObject killed = evaluate(key, PRO).json();
        assertThat(killed.getBoolean("value")).isFalse();
        assertThat(killed.getString("reason")).isEqualTo("default");
        assertThat(killed.getBoolean("kill_switch")).isTrue();

        assertThat(Api.delete(killSwitch, "admin", "{\"reason\": \"resolved\"}").status())
                .isEqualTo(200);
        assertThat(evaluate(key, PRO).json().getBoolean("value")).isTrue();
    }

    @Test
    void bulkEvaluationAnswersEveryFlagOfTheEnvironment() {
        String key = published("live-bulk");

        JsonObject all =
                Api.post("/api/v1/environments/staging/evaluate", "viewer", PRO).json();

        assertThat(all.getJsonObject("flags").getJsonObject(key).getBoolean("value"))
                .isTrue();
        assertThat(all.getJsonNumber("snapshot_version").longValue()).isPositive();
    }

    @Test
    void explainSaysWhyWithTheSnapshotAndAShareableLinkWithoutAttributes() {
        String key = published("live-explain");

        JsonObject explained = Api.post("/api/v1/environments/staging/flags/" + key + "/explain", "viewer", PRO)
                .json();

        assertThat(explained.getString("explanation"))
                .startsWith("Matched rule pro-users. Environment staging used snapshot v")
                .contains("from source memory");
        assertThat(explained.getString("link"))
                .endsWith("/admin/flags/" + key + "/explain?env=staging&targeting_key=u1")
                .doesNotContain("plan");
        assertThat(explained.getJsonObject("trace").getString("outcome")).isEqualTo("rule_match");
    }

    @Test
    void anArchivedFlagIsNoLongerServed() {
        String key = published("live-archive");

        assertThat(Api.post("/api/v1/admin/flags/" + key + "/archive", "editor", "{\"reason\": \"done\"}")
                        .status())
                .isEqualTo(200);

        Api.Reply gone = evaluate(key, PRO);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().getString("error_type")).isEqualTo("flag_not_found");
    }

    @Test
    void badRequestsNeverReachTheEngine() {
        String key = published("live-bad");

        Api.Reply unknownFlag = evaluate("no-such-flag", PRO);
        Api.Reply unknownEnvironment = Api.post("/api/v1/environments/moon/flags/" + key + "/evaluate", "viewer", PRO);
        Api.Reply notAnObject = evaluate(key, "[1, 2]");
        Api.Reply anonymous = Api.post("/api/v1/environments/staging/flags/" + key + "/evaluate", null, PRO);

        assertThat(unknownFlag.status()).isEqualTo(404);
        assertThat(unknownFlag.json().getString("error_type")).isEqualTo("flag_not_found");
        assertThat(unknownEnvironment.status()).isEqualTo(404);
        assertThat(unknownEnvironment.json().getString("error_type")).isEqualTo("environment_not_found");
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(anonymous.status()).isEqualTo(401);

        Api.Reply deep = evaluate(key, Api.nested("attributes", 5000));
        assertThat(deep.status()).as(deep.body()).isEqualTo(400);
        assertThat(deep.contentType()).startsWith("application/problem+json");
        assertThat(deep.json().getString("detail")).contains("nested deeper than 64");
        Api.Reply bulk = Api.post("/api/v1/environments/staging/evaluate", "viewer", Api.nested("attributes", 5000));
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(400);
        assertThat(bulk.contentType()).startsWith("application/problem+json");
    }

    static Api.Reply withKey(String header, String value, String path, String body) {
        return Api.send(Api.request(path, null)
                .header("Content-Type", "application/json")
                .header(header, value)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void evaluationClientsUseAKeyOfTheirEnvironmentShownOnceAndRevocable() {
        String key = published("live-keys");
        String keys = "/api/v1/admin/environments/staging/api-keys";

        Api.Reply created = Api.post(keys, "admin", "{\"name\": \"checkout service\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().getString("key");
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(secret).startsWith("rsk_");
        assertThat(Api.get(keys, "admin").body()).doesNotContain(secret).contains("checkout service");
        assertThat(Api.post(keys, "editor", "{\"name\": \"mine\"}").status()).isEqualTo(403);

        String path = "/api/v1/environments/staging/flags/" + key + "/evaluate";
        assertThat(withKey("Authorization", "Bearer " + secret, path, PRO)
                        .json()
                        .getBoolean("value"))
                .isTrue();
        assertThat(withKey("X-API-Key", secret, path, PRO).status()).isEqualTo(200);
        Api.Reply otherEnvironment =
                withKey("X-API-Key", secret, "/api/v1/environments/production/flags/" + key + "/evaluate", PRO);
        assertThat(otherEnvironment.status()).isEqualTo(403);
        assertThat(otherEnvironment.contentType()).startsWith("application/problem+json");
        Api.Reply wrongKey = withKey("Authorization", "Bearer rsk_not-a-key", path, PRO);
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.header("WWW-Authenticate")).startsWith("Bearer");

        assertThat(Api.delete(keys + "/" + id, "admin", "{\"reason\": \"rotated\"}")
                        .status())
                .isEqualTo(204);
        assertThat(withKey("X-API-Key", secret, path, PRO).status()).isEqualTo(401);
        assertThat(Api.get("/api/v1/admin/audit?env=staging&action=api_key.revoked", "auditor")
                        .json()
                        .getJsonArray("items"))
                .isNotEmpty();
    }

    @Test
    void diagnosticsAndReadinessReportEachEnvironmentsSnapshot() {
        String key = published("live-diagnostics");

        JsonObject diagnostics = Api.get("/api/v1/admin/diagnostics", "viewer").json();
        JsonObject staging = diagnostics.getJsonArray("environments").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(environment -> environment.getString("environment_key").equals("staging"))
                .findFirst()
                .orElseThrow();
        assertThat(staging.getString("refresh_status")).isEqualTo("ready");
        assertThat(staging.getString("source")).isEqualTo("memory");
        assertThat(staging.getJsonNumber("snapshot_version").longValue()).isPositive();
        assertThat(staging.getInt("flag_count")).isPositive();
        assertThat(staging.getString("disk_backup_status")).isEqualTo("persisted");
        assertThat(Api.get("/api/v1/admin/diagnostics", "auditor").status()).isEqualTo(403);

        Api.Reply ready = Api.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        JsonObject snapshots = ready.json().getJsonArray("checks").stream()
                .map(jakarta.json.JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("snapshots"))
                .findFirst()
                .orElseThrow();
        assertThat(snapshots.getString("status")).isEqualTo("UP");
        assertThat(snapshots.getJsonObject("data").getString("staging")).isEqualTo("ready");
        assertThat(ready.body()).doesNotContain(key).doesNotContain("snapshot_version");
    }

    @Test
    void evaluationsLeaveEvidenceWrittenInBatches() throws InterruptedException {
        String key = published("live-evidence");
        for (int i = 0; i < 3; i++) {
            assertThat(evaluate(key, PRO).status()).isEqualTo(200);
        }
        assertThat(evaluate("no-such-flag", PRO).status()).isEqualTo(404);

        JsonObject state = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            state = Api.get(GovernanceIT.env(key, "staging"), "viewer").json();
            if (!state.isNull("last_evaluated_at")) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(state.isNull("last_evaluated_at"))
                .as("evidence flushed within 10 s")
                .isFalse();
        assertThat(state.getJsonObject("variants_served").getInt("unknown")).isEqualTo(3);
    }

    @Test
    void theFlagPageShowsItsStateAndRecentEventsInTheChosenEnvironment() {
        String key = published("page-detail");
        Browser browser = new Browser();
        assertThat(browser.signIn("viewer", Api.PASSWORD, "/admin/flags").status())
                .isEqualTo(302);

        Api.Reply page = browser.get("/admin/flags/" + key + "?env=staging");
        Api.Reply inventory = browser.get("/admin/flags?env=staging&q=" + key);
        Api.Reply missing = browser.get("/admin/flags/no-such-flag?env=staging");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(key, "Staging", "active", "v1", "ruleset.publish", "Released");
        assertThat(inventory.body()).contains("/admin/flags/" + key + "?env=staging");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.body()).contains("There is no flag");
    }
}
