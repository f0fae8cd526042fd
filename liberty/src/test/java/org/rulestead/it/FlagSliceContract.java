package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rulestead.it.probe.FaultInjector;

/**
 * The thin slice through every layer: REST resource, EJB service in a JTA transaction, JPA over
 * the migrated schema, the audit event in the same transaction, problem+json errors. Run on each
 * database Rulestead supports.
 */
abstract class FlagSliceContract {

    static String flagJson(String key, String extra) {
        return """
                {"key": "%s", "description": "New checkout", "value_type": "boolean", "default_value": false,
                 "owner_ref": "team-checkout", "expected_expiration": "2027-03-31", "tags": ["checkout"]%s}
                """
                .formatted(key, extra);
    }

    static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anEditorCreatesAFlagThatEveryReaderSeesWithItsAuditEvent() {
        String key = uniqueKey("checkout");

        Api.Reply created =
                Api.post("/api/v1/admin/flags", "editor", flagJson(key, ", \"reason\": \"ship behind a flag\""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/admin/flags/" + key);
        JsonObject flag = created.json();
        assertThat(flag.getString("key")).isEqualTo(key);
        assertThat(flag.getString("owner_ref")).isEqualTo("team-checkout");
        assertThat(flag.getString("expected_expiration")).isEqualTo("2027-03-31");
        assertThat(flag.getBoolean("permanent")).isFalse();
        assertThat(flag.getJsonObject("default_value").getBoolean("value")).isFalse();
        assertThat(flag.getJsonArray("environments")).hasSize(4);
        assertThat(flag.getJsonArray("environments").getJsonObject(0).getString("status"))
                .isEqualTo("draft");

        Api.Reply read = Api.get("/api/v1/admin/flags/" + key, "viewer");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getString("description")).isEqualTo("New checkout");
        assertThat(Api.get("/api/v1/admin/flags", "admin").json().getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getString("key")))
                .contains(key);

        assertThat(Api.rows("flags", key)).isEqualTo(1);
        assertThat(Api.rows("flag_environments", key)).isEqualTo(4);
        assertThat(Api.rows("audit_events", key)).isEqualTo(1);
    }

    @Test
    void aPermanentFlagStartsOnlyInTheEnvironmentsNamed() {
        String key = uniqueKey("kill-payments");
        String body =
                """
                {"key": "%s", "flag_type": "kill_switch", "value_type": "boolean", "default_value": true,
                 "owner_ref": "team-payments", "permanent": true, "environments": ["staging", "production"]}
                """
                        .formatted(key);

        Api.Reply created = Api.post("/api/v1/admin/flags", "admin", body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getBoolean("permanent")).isTrue();
        assertThat(created.json().getJsonArray("environments").stream()
                        .map(environment -> environment.asJsonObject().getString("environment_key")))
                .containsExactly("staging", "production");
    }

    @Test
    void environmentsAreListedWithTheirProtection() {
        Api.Reply reply = Api.get("/api/v1/admin/environments", "auditor");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getJsonArray("items").stream()
                        .map(JsonObject.class::cast)
                        .map(environment -> environment.getString("key") + "=" + environment.getBoolean("protected")))
                .containsExactly("development=false", "staging=false", "production=true", "test=false");
    }

    @Test
    void noCredentialsAnswer401WithABasicChallenge() {
        Api.Reply anonymous = Api.get("/api/v1/admin/flags", null);
        Api.Reply wrongPassword = Api.send(Api.request("/api/v1/admin/flags", null)
                .header("Authorization", "Basic dmlld2VyOndyb25n")
                .GET());

        for (Api.Reply reply : new Api.Reply[] {anonymous, wrongPassword}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=\"Rulestead\"");
            assertThat(reply.json().getInt("status")).isEqualTo(401);
        }
    }

    @Test
    void aViewerOrAuditorMayNotCreateFlagsAndNothingIsWritten() {
        for (String user : new String[] {"viewer", "auditor"}) {
            String key = uniqueKey("forbidden");

            Api.Reply reply = Api.post("/api/v1/admin/flags", user, flagJson(key, ""));

            assertThat(reply.status()).as(user).isEqualTo(403);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getString("error_type")).isEqualTo("unauthorized");
            assertThat(reply.json().getJsonObject("metadata").getString("action"))
                    .isEqualTo("create_flag");
            assertThat(Api.rows("flags", key)).isZero();
        }
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        Api.Reply reply = Api.post("/api/v1/admin/flags", "admin", "{\"key\": \"broken-json\", ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("detail")).contains("not valid JSON");
        assertThat(Api.rows("flags", "broken-json")).isZero();
    }

    @Test
    void aMissingOwnerIs422NamingTheFieldAndWritesNothing() {
        String key = uniqueKey("ownerless");
        String body = flagJson(key, "").replace("\"owner_ref\": \"team-checkout\",", "");

        Api.Reply reply = Api.post("/api/v1/admin/flags", "admin", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getJsonArray("details").getJsonObject(0).getString("field"))
                .isEqualTo("owner_ref");
        assertThat(Api.rows("flags", key)).isZero();
        assertThat(Api.rows("audit_events", key)).isZero();
    }

    @Test
    void aFaultAfterTheWriteRollsBackTheFlagAndItsAuditEvent() {
        String key = uniqueKey(FaultInjector.MARKER);

        Api.Reply reply = Api.post("/api/v1/admin/flags", "admin", flagJson(key, ""));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getJsonObject("metadata").getString("incident_id"))
                .isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(Api.rows("flags", key)).isZero();
        assertThat(Api.rows("flag_environments", key)).isZero();
        assertThat(Api.rows("audit_events", key)).isZero();
    }

    @Test
    void aTakenKeyIs409() {
        String key = uniqueKey("twice");
        assertThat(Api.post("/api/v1/admin/flags", "admin", flagJson(key, "")).status())
                .isEqualTo(201);

        Api.Reply again = Api.post("/api/v1/admin/flags", "admin", flagJson(key, ""));

        assertThat(again.status()).isEqualTo(409);
        assertThat(Api.rows("flags", key)).isEqualTo(1);
        assertThat(Api.rows("audit_events", key)).isEqualTo(1);
    }

    @Test
    void anUnknownFlagIs404() {
        Api.Reply reply = Api.get("/api/v1/admin/flags/no-such-flag", "viewer");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().getString("error_type")).isEqualTo("flag_not_found");
    }

    @Test
    void readinessReportsTheDatabase() {
        Api.Reply reply = Api.get("/health/ready", null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonObject snapshots = reply.json().getJsonArray("checks").getJsonObject(0);
        assertThat(snapshots.getString("name")).isEqualTo("snapshots");
        assertThat(snapshots.getString("status")).isEqualTo("UP");
        assertThat(snapshots.getJsonObject("data").getString("database")).isEqualTo("reachable");
        assertThat(snapshots.getJsonObject("data").getBoolean("stale")).isFalse();
    }

    @Test
    void anOperatorSignsInWithTheFormAndSeesTheFlagsOfTheChosenEnvironment() {
        String key = uniqueKey("page");
        assertThat(Api.post("/api/v1/admin/flags", "editor", flagJson(key, "")).status())
                .isEqualTo(201);
        Browser browser = new Browser();

        Api.Reply beforeSignIn = browser.get("/admin/flags?env=staging");
        assertThat(beforeSignIn.status()).isEqualTo(302);
        assertThat(beforeSignIn.header("Location")).endsWith("/login?next=%2Fadmin%2Fflags%3Fenv%3Dstaging");

        Api.Reply signedIn = browser.signIn("viewer", Api.PASSWORD, "/admin/flags?env=staging");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/admin/flags?env=staging");

        // searched for: the inventory pages 25 flags by key, and other tests make many before this one
        Api.Reply page = browser.get("/admin/flags?env=staging&q=" + key);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Flags in Staging", key, "Production");

        // the session serves the pages only: the API still wants credentials on each call
        assertThat(browser.get("/api/v1/admin/flags").status()).isEqualTo(401);

        assertThat(browser.get("/logout").status()).isEqualTo(302);
        assertThat(browser.get("/admin/flags?env=staging").status()).isEqualTo(302);
    }

    @Test
    void theInventoryIsFilteredSortedAndPagedByTheDatabase() {
        String owner = uniqueKey("team-inventory");
        String tag = uniqueKey("inv");
        String alpha = uniqueKey("inv-a");
        String beta = uniqueKey("inv-b");
        String gamma = uniqueKey("inv-c");
        createForInventory(alpha, owner, "\"expected_expiration\": \"2027-06-30\", \"tags\": [\"" + tag + "\"]");
        createForInventory(
                beta,
                owner,
                "\"permanent\": true, \"flag_type\": \"operational\", \"environments\": [\"production\"],"
                        + " \"description\": \"Inventory Beta\"");
        createForInventory(
                gamma, owner, "\"expected_expiration\": \"2027-01-31\", \"tags\": [\"" + tag + "\", \"extra\"]");
        Api.Reply killed = Api.post(
                "/api/v1/admin/flags/" + gamma + "/environments/staging/kill-switch",
                "admin",
                "{\"reason\": \"inventory test\"}");
        assertThat(killed.status()).as(killed.body()).isEqualTo(200);
        Browser browser = new Browser();
        assertThat(browser.signIn("viewer", Api.PASSWORD, "/admin/flags?env=staging")
                        .status())
                .isEqualTo(302);
        String mine = "/admin/flags?env=staging&owner=" + owner;

        Api.Reply byKey = browser.get(mine);
        assertThat(keysShown(byKey)).containsExactly(alpha, beta, gamma);
        assertThat(byKey.body()).contains("3 of ");
        // absent in staging, draft, killswitched: the status in the environment shown
        assertThat(keysShown(browser.get(mine + "&sort=status"))).containsExactly(beta, alpha, gamma);
        assertThat(keysShown(browser.get(mine + "&sort=lifecycle"))).containsExactly(beta, gamma, alpha);
        assertThat(keysShown(browser.get(mine + "&sort=lifecycle&dir=desc"))).containsExactly(alpha, gamma, beta);
        assertThat(keysShown(browser.get(mine + "&sort=type&dir=desc"))).containsExactly(gamma, alpha, beta);
        assertThat(keysShown(browser.get(mine + "&status=killswitched"))).containsExactly(gamma);
        assertThat(keysShown(browser.get(mine + "&status=absent"))).containsExactly(beta);
        assertThat(keysShown(browser.get(mine + "&lifecycle=permanent"))).containsExactly(beta);
        assertThat(keysShown(browser.get(mine + "&lifecycle=forever"))).isEmpty();
        assertThat(keysShown(browser.get("/admin/flags?env=staging&tag=" + tag)))
                .containsExactly(alpha, gamma);
        // text: any case, in the key, description, owner or tags; LIKE's wildcards are plain text
        assertThat(keysShown(browser.get("/admin/flags?env=staging&q=" + tag.toUpperCase())))
                .containsExactly(alpha, gamma);
        assertThat(keysShown(browser.get(mine + "&q=inventory+beta"))).containsExactly(beta);
        assertThat(keysShown(browser.get(mine + "&q=%25"))).isEmpty();
        assertThat(keysShown(browser.get(mine + "&page=2"))).isEmpty();
        // the filter lists offer every owner and tag, whatever the filters
        assertThat(browser.get("/admin/flags?env=staging&owner=" + owner).body())
                .contains(tag, "extra");
    }

    private static void createForInventory(String key, String owner, String fields) {
        Api.Reply created = Api.post(
                "/api/v1/admin/flags",
                "editor",
                """
                {"key": "%s", "value_type": "boolean", "default_value": false, "owner_ref": "%s", %s}
                """
                        .formatted(key, owner, fields));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** The flag keys of the inventory's rows, in the order shown. */
    private static java.util.List<String> keysShown(Api.Reply page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        java.util.List<String> keys = new java.util.ArrayList<>();
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("class=\"flag-key\"[^>]*>([^<]+)</a>")
                .matcher(page.body());
        while (row.find()) {
            keys.add(row.group(1));
        }
        return keys;
    }

    @Test
    void aWrongPasswordOrAForgedFormSignsNobodyIn() {
        Browser browser = new Browser();

        Api.Reply wrongPassword = browser.signIn("admin", "not-the-password", "/admin/flags");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("Wrong user name or password.");

        Api.Reply forged =
                browser.postForm("/login", Map.of("token", "0123abcd", "username", "admin", "password", Api.PASSWORD));
        assertThat(forged.status()).isEqualTo(403);

        assertThat(browser.get("/admin/flags").status()).isEqualTo(302);
    }

    @Test
    void signInNeverSendsAnOperatorOutsideTheAdminPages() {
        Api.Reply signedIn = new Browser().signIn("admin", Api.PASSWORD, "//elsewhere.example/admin");

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/admin/flags").doesNotContain("elsewhere");
    }
}
