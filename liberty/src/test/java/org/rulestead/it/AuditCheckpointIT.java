package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hash chain's incremental check (the audit page's, {@code ?scope=new_events}) against rows
 * edited in the database: a break among the new events is reported and the checkpoint stops
 * before it; an edit of an event checked earlier is the full check's to find, and once found it
 * stays reported by every incremental check until the row is repaired.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditCheckpointIT {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @Test
    void aBrokenNewEventIsReportedOnEveryViewAndTheCheckpointNeverPassesIt() {
        full();
        String key = GovernanceIT.newFlag("checkpoint-new");
        GovernanceIT.draft(key, "staging", "editor");
        JsonObject created = event(key, "flag.create");
        long id = created.getJsonNumber("id").longValue();
        long seq = created.getJsonNumber("chain_seq").longValue();

        tamper(id, "edited before any check");
        try {
            for (int view = 0; view < 2; view++) {
                JsonObject incremental = incremental();
                assertThat(incremental.getBoolean("valid")).isFalse();
                assertThat(incremental.getJsonNumber("first_broken_id").longValue())
                        .isEqualTo(id);
                assertThat(incremental.getString("problem")).contains("content does not match");
                assertThat(incremental.getJsonNumber("verified_through").longValue())
                        .isEqualTo(seq - 1);
            }
            Browser auditor = new Browser();
            auditor.signIn("auditor", Api.PASSWORD, "/admin/audit");
            assertThat(auditor.get("/admin/audit?env=staging").body()).contains("Hash chain broken at event " + id);
        } finally {
            tamper(id, null);
        }
        JsonObject repaired = incremental();
        assertThat(repaired.getBoolean("valid")).as(repaired.toString()).isTrue();
        assertThat(repaired.getJsonNumber("verified_through").longValue()).isGreaterThan(seq);
    }

    @Test
    void anEditOfAnEventCheckedBeforeIsFoundByTheFullCheckAndThenByEveryIncrementalOne() {
        String key = GovernanceIT.newFlag("checkpoint-old");
        JsonObject created = event(key, "flag.create");
        long id = created.getJsonNumber("id").longValue();
        full();

        tamper(id, "edited after its check");
        try {
            // the incremental check reads only the events after the checkpoint: this one is behind it
            assertThat(incremental().getBoolean("valid")).isTrue();

            JsonObject full = Api.send(Api.request("/api/v1/admin/audit/verify", "auditor")
                            .timeout(Duration.ofMinutes(10))
                            .GET())
                    .json();
            assertThat(full.getBoolean("valid")).isFalse();
            assertThat(full.getJsonNumber("first_broken_id").longValue()).isEqualTo(id);
            assertThat(full.getString("scope")).isEqualTo("full");

            JsonObject after = incremental();
            assertThat(after.getBoolean("valid")).isFalse();
            assertThat(after.getJsonNumber("first_broken_id").longValue()).isEqualTo(id);
        } finally {
            tamper(id, null);
        }
        assertThat(incremental().getBoolean("valid")).isTrue();
        full();
    }

    private static JsonObject event(String key, String type) {
        return Api.get("/api/v1/admin/audit?flag=" + key + "&action=" + type, "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
    }

    private static JsonObject incremental() {
        Api.Reply reply = Api.get("/api/v1/admin/audit/verify?scope=new_events", "auditor");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().getString("scope")).isEqualTo("new_events");
        return reply.json();
    }

    private static void full() {
        Api.Reply reply = Api.send(Api.request("/api/v1/admin/audit/verify", "auditor")
                .timeout(Duration.ofMinutes(10))
                .GET());
        assertThat(reply.json().getBoolean("valid")).as(reply.body()).isTrue();
    }

    /** Sets the event's reason behind the application's back (null: none, as the flag's create has). */
    private static void tamper(long id, String reason) {
        String query = reason == null ? "" : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8);
        Api.Reply tampered = Api.call("POST", "/api/it-probe/audit/" + id + "/tamper" + query, null, null);
        assertThat(tampered.body()).as("rows changed").isEqualTo("1");
    }
}
