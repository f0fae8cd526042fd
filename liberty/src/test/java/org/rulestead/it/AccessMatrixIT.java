package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every admin endpoint × every demo user: the expected 2xx for the roles the default policy lets
 * through (spec §6.1–§6.2 and our editors' proposals in protected environments), 403 for the
 * others (among them {@code newcomer}, signed in with no group and no grant), and 401 without
 * credentials. Each call gets fresh fixtures, so no answer depends on another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {

    static final List<String> USERS = List.of("viewer", "editor", "admin", "admin2", "auditor", Grants.NEWCOMER);
    static final Set<String> READERS = Set.of("viewer", "editor", "admin", "admin2");
    static final Set<String> AUTHORS = Set.of("editor", "admin", "admin2");
    static final Set<String> ADMINS = Set.of("admin", "admin2");
    static final Set<String> AUDIT_READERS = Set.of("viewer", "editor", "admin", "admin2", "auditor");

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @BeforeEach
    void newcomerHoldsNoGrant() {
        Grants.revokeAll(Grants.NEWCOMER);
    }

    /** A call to make as a user, on fixtures made for that call. */
    record Endpoint(String name, Set<String> allowed, int success, Function<String, Api.Reply> call) {}

    /** A fresh flag with a draft in staging and in production, made by an admin. */
    static String flagWithDrafts() {
        String key = FlagSliceContract.uniqueKey("matrix");
        assertThat(Api.post("/api/v1/admin/flags", "admin", FlagSliceContract.flagJson(key, ""))
                        .status())
                .isEqualTo(201);
        assertThat(GovernanceIT.putDraft(key, "staging", "admin", GovernanceIT.RULES)
                        .status())
                .isEqualTo(201);
        assertThat(GovernanceIT.putDraft(key, "production", "admin", GovernanceIT.RULES)
                        .status())
                .isEqualTo(201);
        return key;
    }

    /** A fresh change request to publish production's draft, submitted by {@code submitter}. */
    static long changeRequest(String key, String submitter) {
        Api.Reply submitted = GovernanceIT.submit(
                submitter, key, "production", "publish_ruleset", "{\"version\": 1}", "m-" + UUID.randomUUID());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().getJsonNumber("id").longValue();
    }

    static List<Endpoint> endpoints() {
        String reason = "{\"reason\": \"access matrix\"}";
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("GET flags", READERS, 200, user -> Api.get("/api/v1/admin/flags", user)));
        endpoints.add(new Endpoint(
                "POST flags",
                AUTHORS,
                201,
                user -> Api.post(
                        "/api/v1/admin/flags",
                        user,
                        FlagSliceContract.flagJson(FlagSliceContract.uniqueKey("m"), ""))));
        endpoints.add(new Endpoint(
                "GET flag", READERS, 200, user -> Api.get("/api/v1/admin/flags/" + flagWithDrafts(), user)));
        endpoints.add(new Endpoint("PATCH flag", AUTHORS, 200, user -> {
            String key = flagWithDrafts();
            return Api.patch(
                    "/api/v1/admin/flags/" + key,
                    user,
                    "{\"description\": \"changed\", \"version\": " + GovernanceIT.flagVersion(key) + "}");
        }));
        endpoints.add(new Endpoint(
                "POST flag archive",
                AUTHORS,
                200,
                user -> Api.post("/api/v1/admin/flags/" + flagWithDrafts() + "/archive", user, reason)));
        endpoints.add(new Endpoint(
                "GET environments", AUDIT_READERS, 200, user -> Api.get("/api/v1/admin/environments", user)));
        endpoints.add(new Endpoint(
                "GET flag state", READERS, 200, user -> Api.get(GovernanceIT.env(flagWithDrafts(), "staging"), user)));
        endpoints.add(new Endpoint(
                "PUT draft staging",
                AUTHORS,
                201,
                user -> GovernanceIT.putDraft(flagWithDrafts(), "staging", user, GovernanceIT.RULES)));
        endpoints.add(new Endpoint(
                "PUT draft production",
                AUTHORS,
                201,
                user -> GovernanceIT.putDraft(flagWithDrafts(), "production", user, GovernanceIT.RULES)));
        endpoints.add(new Endpoint(
                "GET rulesets",
                READERS,
                200,
                user -> Api.get(GovernanceIT.env(flagWithDrafts(), "staging") + "/rulesets", user)));
        endpoints.add(new Endpoint(
                "POST publish staging",
                AUTHORS,
                200,
                user -> GovernanceIT.publish(flagWithDrafts(), "staging", user, 1, "access matrix")));
        endpoints.add(new Endpoint(
                "POST publish production",
                Set.of(),
                200,
                user -> GovernanceIT.publish(flagWithDrafts(), "production", user, 1, "access matrix")));
        endpoints.add(new Endpoint(
                "POST kill switch staging",
                AUTHORS,
                200,
                user -> Api.post(GovernanceIT.env(flagWithDrafts(), "staging") + "/kill-switch", user, reason)));
        endpoints.add(new Endpoint(
                "POST kill switch production",
                ADMINS,
                200,
                user -> Api.post(GovernanceIT.env(flagWithDrafts(), "production") + "/kill-switch", user, reason)));
        endpoints.add(new Endpoint("DELETE kill switch staging", AUTHORS, 200, user -> {
            String key = flagWithDrafts();
            assertThat(Api.post(GovernanceIT.env(key, "staging") + "/kill-switch", "admin", reason)
                            .status())
                    .isEqualTo(200);
            return Api.delete(GovernanceIT.env(key, "staging") + "/kill-switch", user, reason);
        }));
        endpoints.add(new Endpoint(
                "GET timeline",
                AUDIT_READERS,
                200,
                user -> Api.get(GovernanceIT.env(flagWithDrafts(), "staging") + "/timeline", user)));
        endpoints.add(new Endpoint("GET audit", AUDIT_READERS, 200, user -> Api.get("/api/v1/admin/audit", user)));
        endpoints.add(new Endpoint(
                "GET audit verify", AUDIT_READERS, 200, user -> Api.get("/api/v1/admin/audit/verify", user)));
        endpoints.add(new Endpoint(
                "GET change requests", READERS, 200, user -> Api.get("/api/v1/admin/change-requests", user)));
        endpoints.add(new Endpoint(
                "POST change request",
                AUTHORS,
                201,
                user -> GovernanceIT.submit(
                        user,
                        flagWithDrafts(),
                        "production",
                        "publish_ruleset",
                        "{\"version\": 1}",
                        "m-" + UUID.randomUUID())));
        endpoints.add(new Endpoint(
                "GET change request",
                READERS,
                200,
                user -> Api.get("/api/v1/admin/change-requests/" + changeRequest(flagWithDrafts(), "editor"), user)));
        endpoints.add(new Endpoint(
                "POST approve",
                ADMINS,
                200,
                user -> GovernanceIT.decide(
                        changeRequest(flagWithDrafts(), "editor"), "approve", user, "access matrix")));
        endpoints.add(new Endpoint(
                "POST reject",
                ADMINS,
                200,
                user -> GovernanceIT.decide(
                        changeRequest(flagWithDrafts(), "editor"), "reject", user, "access matrix")));
        endpoints.add(new Endpoint(
                "POST cancel (another's)",
                ADMINS,
                200,
                user -> GovernanceIT.decide(
                        changeRequest(flagWithDrafts(), someoneElse(user)), "cancel", user, "access matrix")));
        endpoints.add(new Endpoint(
                "POST cancel (own)",
                AUTHORS,
                200,
                user -> GovernanceIT.decide(
                        changeRequest(flagWithDrafts(), AUTHORS.contains(user) ? user : "editor"),
                        "cancel",
                        user,
                        "access matrix")));
        endpoints.add(new Endpoint("POST execute", ADMINS, 200, user -> {
            long id = changeRequest(flagWithDrafts(), "editor");
            assertThat(GovernanceIT.decide(id, "approve", "admin", "ok").status())
                    .isEqualTo(200);
            return GovernanceIT.decide(id, "execute", user, "access matrix");
        }));
        endpoints.add(new Endpoint(
                "PUT change request (another's)",
                Set.of(),
                200,
                user -> Api.put(
                        "/api/v1/admin/change-requests/" + changeRequest(flagWithDrafts(), someoneElse(user)),
                        user,
                        "{\"command\": {\"version\": 1}, \"reason\": \"access matrix\"}")));
        endpoints.add(new Endpoint(
                "GET grants", READERS, 200, user -> Api.get("/api/v1/admin/environments/staging/grants", user)));
        endpoints.add(new Endpoint(
                "POST grant",
                ADMINS,
                201,
                user -> Api.post(
                        "/api/v1/admin/environments/staging/grants",
                        user,
                        "{\"principal\": \"" + FlagSliceContract.uniqueKey("someone")
                                + "\", \"role\": \"viewer\", \"reason\": \"access matrix\", \"version\": "
                                + GovernanceIT.grantsVersion("staging") + "}")));
        endpoints.add(new Endpoint("DELETE grant", ADMINS, 204, user -> {
            long id = Api.post(
                            "/api/v1/admin/environments/staging/grants",
                            "admin",
                            "{\"principal\": \"" + FlagSliceContract.uniqueKey("revoked")
                                    + "\", \"role\": \"viewer\", \"reason\": \"access matrix\", \"version\": "
                                    + GovernanceIT.grantsVersion("staging") + "}")
                    .json()
                    .getJsonNumber("id")
                    .longValue();
            return Api.delete(
                    "/api/v1/admin/environments/staging/grants/" + id,
                    user,
                    "{\"reason\": \"access matrix\", \"version\": " + GovernanceIT.grantsVersion("staging") + "}");
        }));
        endpoints.add(new Endpoint("PUT change request (own)", AUTHORS, 200, user -> {
            // those who may not submit have none of their own: they are refused on an editor's
            long id = changeRequest(flagWithDrafts(), AUTHORS.contains(user) ? user : "editor");
            long read = Api.version(Api.get("/api/v1/admin/change-requests/" + id, "admin"));
            return Api.put(
                    "/api/v1/admin/change-requests/" + id,
                    user,
                    "{\"command\": {\"version\": 1}, \"reason\": \"access matrix\", \"version\": " + read + "}");
        }));
        endpoints.add(new Endpoint(
                "GET draft",
                READERS,
                200,
                user -> Api.get(GovernanceIT.env(flagWithDrafts(), "staging") + "/draft", user)));
        endpoints.add(new Endpoint(
                "GET ruleset version",
                READERS,
                200,
                user -> Api.get(GovernanceIT.env(flagWithDrafts(), "staging") + "/rulesets/1", user)));
        endpoints.add(
                new Endpoint("GET diagnostics", READERS, 200, user -> Api.get("/api/v1/admin/diagnostics", user)));
        endpoints.add(new Endpoint(
                "GET api keys", ADMINS, 200, user -> Api.get("/api/v1/admin/environments/staging/api-keys", user)));
        endpoints.add(new Endpoint(
                "POST api key",
                ADMINS,
                201,
                user -> Api.post(
                        "/api/v1/admin/environments/staging/api-keys", user, "{\"name\": \"access matrix\"}")));
        endpoints.add(new Endpoint("DELETE api key", ADMINS, 204, user -> {
            long id = Api.post("/api/v1/admin/environments/staging/api-keys", "admin", "{\"name\": \"matrix\"}")
                    .json()
                    .getJsonNumber("id")
                    .longValue();
            return Api.delete("/api/v1/admin/environments/staging/api-keys/" + id, user, reason);
        }));
        return endpoints;
    }

    /** An author other than {@code user}, to submit a change request that is not theirs. */
    static String someoneElse(String user) {
        return user.equals("editor") ? "admin" : "editor";
    }

    @Test
    void everyEndpointAnswersEachRoleAsThePolicySays() {
        SoftAssertions softly = new SoftAssertions();
        for (Endpoint endpoint : endpoints()) {
            for (String user : USERS) {
                Api.Reply reply = endpoint.call().apply(user);
                int expected = endpoint.allowed().contains(user) ? endpoint.success() : 403;
                softly.assertThat(reply.status())
                        .as("%s as %s: %s", endpoint.name(), user, reply.body())
                        .isEqualTo(expected);
                if (expected == 403) {
                    softly.assertThat(reply.contentType()).as(endpoint.name()).startsWith("application/problem+json");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyEndpointWithoutCredentialsIs401() {
        SoftAssertions softly = new SoftAssertions();
        String key = flagWithDrafts();
        String[][] calls = {
            {"GET", "/api/v1/admin/flags"},
            {"POST", "/api/v1/admin/flags"},
            {"GET", "/api/v1/admin/flags/" + key},
            {"PATCH", "/api/v1/admin/flags/" + key},
            {"POST", "/api/v1/admin/flags/" + key + "/archive"},
            {"GET", "/api/v1/admin/environments"},
            {"GET", GovernanceIT.env(key, "staging")},
            {"GET", GovernanceIT.env(key, "staging") + "/draft"},
            {"PUT", GovernanceIT.env(key, "staging") + "/draft"},
            {"GET", GovernanceIT.env(key, "staging") + "/rulesets"},
            {"GET", GovernanceIT.env(key, "staging") + "/rulesets/1"},
            {"POST", GovernanceIT.env(key, "staging") + "/publish"},
            {"POST", GovernanceIT.env(key, "staging") + "/kill-switch"},
            {"DELETE", GovernanceIT.env(key, "staging") + "/kill-switch"},
            {"GET", GovernanceIT.env(key, "staging") + "/timeline"},
            {"GET", "/api/v1/admin/audit"},
            {"GET", "/api/v1/admin/audit/verify"},
            {"GET", "/api/v1/admin/change-requests"},
            {"POST", "/api/v1/admin/change-requests"},
            {"GET", "/api/v1/admin/change-requests/1"},
            {"PUT", "/api/v1/admin/change-requests/1"},
            {"POST", "/api/v1/admin/change-requests/1/approve"},
            {"POST", "/api/v1/admin/change-requests/1/reject"},
            {"POST", "/api/v1/admin/change-requests/1/cancel"},
            {"POST", "/api/v1/admin/change-requests/1/execute"},
            {"GET", "/api/v1/admin/environments/staging/grants"},
            {"POST", "/api/v1/admin/environments/staging/grants"},
            {"GET", "/api/v1/admin/environments/staging/api-keys"},
            {"POST", "/api/v1/admin/environments/staging/api-keys"},
            {"DELETE", "/api/v1/admin/environments/staging/grants/1"},
            {"DELETE", "/api/v1/admin/environments/staging/api-keys/1"},
            {"GET", "/api/v1/admin/diagnostics"},
        };
        for (String[] call : calls) {
            Api.Reply reply = Api.call(call[0], call[1], null, "{\"reason\": \"anonymous\"}");
            softly.assertThat(reply.status()).as("%s %s", call[0], call[1]).isEqualTo(401);
            softly.assertThat(reply.header("WWW-Authenticate"))
                    .as("%s %s", call[0], call[1])
                    .startsWith("Basic");
        }
        softly.assertAll();
        assertThat(Api.rows("audit_events", key)).isEqualTo(3);
    }

    /** A write a viewer may not make, with a body that is wrong in some way, and the event it is audited as. */
    record InvalidWrite(String name, String method, String path, String eventType, String body) {}

    static List<InvalidWrite> invalidWrites() {
        String key = flagWithDrafts();
        String env = GovernanceIT.env(key, "staging");
        long changeRequest = changeRequest(key, "editor");
        long apiKey = Api.post("/api/v1/admin/environments/staging/api-keys", "admin", "{\"name\": \"matrix\"}")
                .json()
                .getJsonNumber("id")
                .longValue();
        String cr = "/api/v1/admin/change-requests/" + changeRequest;
        return List.of(
                new InvalidWrite(
                        "POST flags",
                        "POST",
                        "/api/v1/admin/flags",
                        "flag.create",
                        "{\"key\": \"Bad Key!\", \"colour\": 1}"),
                new InvalidWrite(
                        "PATCH flag",
                        "PATCH",
                        "/api/v1/admin/flags/" + key,
                        "flag.update",
                        "{\"description\": 42, \"colour\": \"red\"}"),
                new InvalidWrite(
                        "POST flag archive",
                        "POST",
                        "/api/v1/admin/flags/" + key + "/archive",
                        "flag.archive",
                        "{reason"),
                new InvalidWrite(
                        "PUT draft", "PUT", env + "/draft", "ruleset.save_draft", "{\"rules\": \"not a list\"}"),
                new InvalidWrite(
                        "POST publish",
                        "POST",
                        env + "/publish",
                        "ruleset.publish",
                        "{\"version\": \"one\", \"dry_run\": true}"),
                new InvalidWrite(
                        "POST kill switch",
                        "POST",
                        env + "/kill-switch",
                        "kill_switch.engage",
                        "{\"reason\": 42, \"force\": true}"),
                new InvalidWrite("DELETE kill switch", "DELETE", env + "/kill-switch", "kill_switch.release", "[1, 2]"),
                new InvalidWrite(
                        "POST change request",
                        "POST",
                        "/api/v1/admin/change-requests",
                        "change_request.submitted",
                        "{\"action\": \"publish_ruleset\", \"environment_key\": \"production\", \"resource_key\": \""
                                + key + "\", \"command\": {\"version\": 99}, \"reason\": \"no such draft\"}"),
                new InvalidWrite("PUT change request", "PUT", cr, "change_request.revised", "{\"command\": \"nope\"}"),
                new InvalidWrite(
                        "POST approve",
                        "POST",
                        cr + "/approve",
                        "change_request.approved",
                        "{\"reason\": \"\", \"x\": 1}"),
                new InvalidWrite("POST reject", "POST", cr + "/reject", "change_request.rejected", "{}"),
                new InvalidWrite(
                        "POST cancel", "POST", cr + "/cancel", "change_request.cancelled", "{\"bogus\": true}"),
                new InvalidWrite(
                        "POST execute", "POST", cr + "/execute", "change_request.merged", Api.nested("reason", 5000)),
                new InvalidWrite(
                        "POST grant",
                        "POST",
                        "/api/v1/admin/environments/staging/grants",
                        "role_grant.created",
                        "{\"principal\": \"\", \"role\": \"wizard\"}"),
                new InvalidWrite(
                        "DELETE grant",
                        "DELETE",
                        "/api/v1/admin/environments/staging/grants/987654321",
                        "role_grant.revoked",
                        "{\"version\": \"x\"}"),
                new InvalidWrite(
                        "POST api key",
                        "POST",
                        "/api/v1/admin/environments/staging/api-keys",
                        "api_key.created",
                        "{\"name\": \"\"}"),
                new InvalidWrite(
                        "DELETE api key",
                        "DELETE",
                        "/api/v1/admin/environments/staging/api-keys/" + apiKey,
                        "api_key.revoked",
                        "{\"colour\": 1}"));
    }

    /**
     * Authorization before validation (decisions 18, spec §6.12): a viewer's write is refused as
     * such, 403, and audited as denied, whatever its body holds: unreadable, of unknown fields,
     * missing what it needs, naming what does not exist.
     */
    @Test
    void aViewerWithAnInvalidBodyIsRefusedAs403AndAuditedAsDeniedOnEveryWrite() {
        SoftAssertions softly = new SoftAssertions();
        for (InvalidWrite write : invalidWrites()) {
            String requestId = "deny-" + UUID.randomUUID();
            Api.Reply reply = Api.call(write.method(), write.path(), "viewer", write.body(), "X-Request-Id", requestId);

            softly.assertThat(reply.status())
                    .as("%s: %s", write.name(), reply.body())
                    .isEqualTo(403);
            softly.assertThat(reply.contentType()).as(write.name()).startsWith("application/problem+json");
            if (reply.status() == 403) {
                softly.assertThat(reply.json().getString("error_type"))
                        .as(write.name())
                        .isEqualTo("unauthorized");
            }
            List<jakarta.json.JsonObject> denied = Api.get(
                            "/api/v1/admin/audit?actor=viewer&action=" + write.eventType() + "&limit=500", "auditor")
                    .json()
                    .getJsonArray("items")
                    .stream()
                    .map(jakarta.json.JsonValue::asJsonObject)
                    .filter(event -> requestId.equals(event.getString("correlation_id", null)))
                    .toList();
            softly.assertThat(denied).as("denied audit row of %s", write.name()).hasSize(1);
            denied.forEach(event -> {
                softly.assertThat(event.getString("result")).as(write.name()).isEqualTo("denied");
                softly.assertThat(event.getJsonObject("metadata").getString("audit_result"))
                        .as(write.name())
                        .isEqualTo("denied");
            });
        }
        softly.assertAll();
    }
}
