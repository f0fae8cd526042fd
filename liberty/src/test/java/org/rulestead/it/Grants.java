package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Roles granted in one environment, through the admin API, as an admin. */
final class Grants {

    /** The demo user in no registry group (demo-users.xml): every role they have is granted. */
    static final String NEWCOMER = "newcomer";

    private Grants() {}

    /** Grants {@code role} to {@code principal} in {@code environment}; answers the grant's id. */
    static long grant(String principal, String role, String environment) {
        Api.Reply granted = Api.post(
                "/api/v1/admin/environments/" + environment + "/grants",
                "admin",
                "{\"principal\": \"" + principal + "\", \"role\": \"" + role + "\", \"reason\": \"works on "
                        + environment + "\", \"version\": " + GovernanceIT.grantsVersion(environment) + "}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted.json().getJsonNumber("id").longValue();
    }

    /** Revokes whatever {@code principal} was granted, in every environment. */
    static void revokeAll(String principal) {
        Api.Reply environments = Api.get("/api/v1/admin/environments", "admin");
        assertThat(environments.status()).as(environments.body()).isEqualTo(200);
        for (JsonValue environment : environments.json().getJsonArray("items")) {
            String key = environment.asJsonObject().getString("key");
            Api.Reply grants = Api.get("/api/v1/admin/environments/" + key + "/grants", "admin");
            assertThat(grants.status()).as(grants.body()).isEqualTo(200);
            for (JsonValue grant : grants.json().getJsonArray("items")) {
                JsonObject held = grant.asJsonObject();
                if (held.getString("principal").equals(principal)) {
                    Api.Reply revoked = Api.delete(
                            "/api/v1/admin/environments/" + key + "/grants/" + held.getJsonNumber("id"),
                            "admin",
                            "{\"reason\": \"test over\", \"version\": " + GovernanceIT.grantsVersion(key) + "}");
                    assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);
                }
            }
        }
    }
}
