package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rulestead.it.probe.FaultInjector;

/**
 * A failure right after a command wrote its change and its audit event, inside their transaction,
 * leaves neither behind (decisions 11), for the commands {@code GovernanceIT} does not cover:
 * kill-switch release, change request reject, cancel and revise, role grants and API keys. Each
 * check reads the state back and counts the audit rows.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultInjectionIT {

    private static final String FAULT = FaultInjector.MARKER + ": after the write";

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @Test
    void releasingAKillSwitchThatFailsLeavesItEngagedAndUnaudited() {
        String key = LiveEvaluationIT.published("fault-release");
        String killSwitch = GovernanceIT.env(key, "staging") + "/kill-switch";
        assertThat(Api.post(killSwitch, "admin", "{\"reason\": \"incident\"}").status())
                .isEqualTo(200);
        long audit = Api.rows("audit_events", key);

        assertThat(Api.delete(killSwitch, "admin", "{\"reason\": \"" + FAULT + "\"}")
                        .status())
                .isEqualTo(500);

        assertThat(GovernanceIT.state(key, "staging").getBoolean("kill_switch_engaged"))
                .isTrue();
        assertThat(LiveEvaluationIT.evaluate(key, "{\"targeting_key\": \"u1\"}")
                        .json()
                        .getBoolean("kill_switch"))
                .isTrue();
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);
    }

    @Test
    void rejectingCancellingOrRevisingAChangeRequestThatFailsLeavesItAsItWas() {
        String key = GovernanceIT.newFlag("fault-cr");
        int first = GovernanceIT.draft(key, "production", "editor");
        int second = GovernanceIT.draft(key, "production", "editor");
        long id = GovernanceIT.submit(
                        "editor",
                        key,
                        "production",
                        "publish_ruleset",
                        "{\"version\": " + first + "}",
                        "f-" + UUID.randomUUID())
                .json()
                .getJsonNumber("id")
                .longValue();
        assertThat(GovernanceIT.decide(id, "approve", "admin", "looks right").status())
                .isEqualTo(200);
        long audit = Api.rows("audit_events", key);
        long approvals = Api.rows("approvals", key);

        // a submitted one, to reject (an approved change request is no longer rejected, only cancelled)
        long toReject = GovernanceIT.submit(
                        "editor",
                        key,
                        "production",
                        "publish_ruleset",
                        "{\"version\": " + second + "}",
                        "f-" + UUID.randomUUID())
                .json()
                .getJsonNumber("id")
                .longValue();
        audit = Api.rows("audit_events", key);
        assertThat(GovernanceIT.decide(toReject, "reject", "admin2", FAULT).status())
                .isEqualTo(500);
        assertThat(Api.get("/api/v1/admin/change-requests/" + toReject, "viewer")
                        .json()
                        .getString("status"))
                .isEqualTo("submitted");
        assertThat(GovernanceIT.decide(id, "cancel", "editor", FAULT).status()).isEqualTo(500);
        long read = Api.version(Api.get("/api/v1/admin/change-requests/" + id, "editor"));
        Api.Reply revised = Api.put(
                "/api/v1/admin/change-requests/" + id,
                "editor",
                "{\"command\": {\"version\": " + second + "}, \"reason\": \"" + FAULT + "\", \"version\": " + read
                        + "}");
        assertThat(revised.status()).as(revised.body()).isEqualTo(500);

        JsonObject changeRequest =
                Api.get("/api/v1/admin/change-requests/" + id, "viewer").json();
        assertThat(changeRequest.getString("status")).isEqualTo("approved");
        assertThat(changeRequest.getJsonObject("command").getInt("version")).isEqualTo(first);
        assertThat(Api.version(Api.get("/api/v1/admin/change-requests/" + id, "editor")))
                .isEqualTo(read);
        assertThat(Api.rows("approvals", key)).isEqualTo(approvals);
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);
    }

    @Test
    void grantingOrRevokingARoleThatFailsChangesNoGrant() {
        String principal =
                FaultInjector.MARKER + "-" + UUID.randomUUID().toString().substring(0, 8);
        String grants = "/api/v1/admin/environments/staging/grants";
        long audit = Api.rows("audit_events", "staging");
        long version = GovernanceIT.grantsVersion("staging");

        Api.Reply granted = Api.post(
                grants,
                "admin",
                "{\"principal\": \"" + principal + "\", \"role\": \"editor\", \"reason\": \"launch\", \"version\": "
                        + version + "}");

        assertThat(granted.status()).as(granted.body()).isEqualTo(500);
        assertThat(Api.get(grants, "admin").body()).doesNotContain(principal);
        assertThat(GovernanceIT.grantsVersion("staging")).isEqualTo(version);
        assertThat(Api.rows("audit_events", "staging")).isEqualTo(audit);

        Api.Reply real = Api.post(
                grants,
                "admin",
                "{\"principal\": \"viewer\", \"role\": \"editor\", \"reason\": \"launch\", \"version\": " + version
                        + "}");
        assertThat(real.status()).as(real.body()).isEqualTo(201);
        long id = real.json().getJsonNumber("id").longValue();
        long afterGrant = Api.rows("audit_events", "staging");
        long grantedVersion = GovernanceIT.grantsVersion("staging");
        try {
            Api.Reply revoked = Api.delete(
                    grants + "/" + id, "admin", "{\"reason\": \"" + FAULT + "\", \"version\": " + grantedVersion + "}");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(500);
            assertThat(Api.get(grants, "admin").body()).contains("\"id\":" + id);
            assertThat(GovernanceIT.grantsVersion("staging")).isEqualTo(grantedVersion);
            assertThat(Api.rows("audit_events", "staging")).isEqualTo(afterGrant);
        } finally {
            assertThat(Api.delete(
                                    grants + "/" + id,
                                    "admin",
                                    "{\"reason\": \"done\", \"version\": " + GovernanceIT.grantsVersion("staging")
                                            + "}")
                            .status())
                    .isEqualTo(204);
        }
    }

    @Test
    void creatingOrRevokingAnApiKeyThatFailsLeavesTheKeysAsTheyWere() {
        String key = LiveEvaluationIT.published("fault-keys");
        String keys = "/api/v1/admin/environments/staging/api-keys";
        long audit = Api.rows("audit_events", "staging");
        String name = FaultInjector.MARKER + " service";

        Api.Reply created = Api.post(keys, "admin", "{\"name\": \"" + name + "\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(500);
        assertThat(created.body()).doesNotContain("rsk_");
        assertThat(Api.get(keys, "admin").body()).doesNotContain(name);
        assertThat(Api.rows("audit_events", "staging")).isEqualTo(audit);

        Api.Reply real = Api.post(keys, "admin", "{\"name\": \"checkout\"}");
        assertThat(real.status()).isEqualTo(201);
        String secret = real.json().getString("key");
        long id = real.json().getJsonNumber("id").longValue();
        long afterCreate = Api.rows("audit_events", "staging");

        assertThat(Api.delete(keys + "/" + id, "admin", "{\"reason\": \"" + FAULT + "\"}")
                        .status())
                .isEqualTo(500);

        assertThat(Api.rows("audit_events", "staging")).isEqualTo(afterCreate);
        assertThat(Api.get(keys, "admin").json().getJsonArray("items").stream()
                        .map(jakarta.json.JsonValue::asJsonObject)
                        .filter(listed -> listed.getJsonNumber("id").longValue() == id)
                        .findFirst()
                        .orElseThrow()
                        .isNull("revoked_at"))
                .isTrue();
        Api.Reply stillWorks = LiveEvaluationIT.withKey(
                "X-API-Key",
                secret,
                "/api/v1/environments/staging/flags/" + key + "/evaluate",
                "{\"targeting_key\": \"u1\"}");
        assertThat(stillWorks.status()).as(stillWorks.body()).isEqualTo(200);
    }

    @Test
    void schedulingOrCancellingAnExecutionThatFailsLeavesNoRowNoTimerAndNoAuditEvent() {
        String key = GovernanceIT.newFlag("fault-schedule");
        int version = GovernanceIT.putDraft(key, "staging", "editor", ScheduledExecutionsContract.RULES)
                .json()
                .getInt("version");
        String when = ScheduledExecutionsContract.inSeconds(2);
        long audit = Api.rows("audit_events", key);

        Api.Reply scheduled = Api.post(
                ScheduledExecutionsContract.PATH,
                "editor",
                ScheduledExecutionsContract.directPublish(
                        key, "staging", version, when, "policy_bypass", ", \"reason\": \"" + FAULT + "\""));

        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(500);
        assertThat(Api.rows("scheduled_executions", key)).isZero();
        assertThat(Api.rows("audit_events", key)).isEqualTo(audit);

        long id = Api.post(
                        ScheduledExecutionsContract.PATH,
                        "editor",
                        ScheduledExecutionsContract.directPublish(
                                key,
                                "staging",
                                version,
                                ScheduledExecutionsContract.inSeconds(3600),
                                "policy_bypass",
                                ", \"reason\": \"later\""))
                .json()
                .getJsonNumber("id")
                .longValue();
        long scheduledAudit = Api.rows("audit_events", key);
        Api.Reply cancelled = Api.post(
                ScheduledExecutionsContract.PATH + "/" + id + "/cancel", "admin", "{\"reason\": \"" + FAULT + "\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(500);
        assertThat(Api.get(ScheduledExecutionsContract.PATH + "/" + id, "viewer")
                        .json()
                        .getString("state"))
                .isEqualTo("scheduled");
        assertThat(Api.rows("audit_events", key)).isEqualTo(scheduledAudit);
        // the timer of the rolled-back schedule never came to be: nothing published when it would have run
        ScheduledExecutionsContract.sleep(3000);
        assertThat(GovernanceIT.state(key, "staging").isNull("active_ruleset_version"))
                .isTrue();
    }
}
