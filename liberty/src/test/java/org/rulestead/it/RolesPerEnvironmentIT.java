package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.rulestead.it.Grants.NEWCOMER;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Roles per environment, for real (decisions 9 and 18): {@code newcomer} is in no registry group,
 * signs in all the same, and may do what an admin grants them in one environment, there only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolesPerEnvironmentIT {

    private static final String PRO = "{\"targeting_key\": \"u1\", \"attributes\": {\"plan\": \"pro\"}}";

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @BeforeEach
    @AfterEach
    void newcomerHoldsNoGrant() {
        Grants.revokeAll(NEWCOMER);
    }

    /** A flag an admin created and published in staging and in development. */
    private static String liveFlag(String prefix) {
        String key = FlagSliceContract.uniqueKey(prefix);
        assertThat(Api.post("/api/v1/admin/flags", "admin", FlagSliceContract.flagJson(key, ""))
                        .status())
                .isEqualTo(201);
        for (String environment : List.of("staging", "development")) {
            Api.Reply draft = GovernanceIT.putDraft(key, environment, "admin", GovernanceIT.RULES);
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            Api.Reply published = GovernanceIT.publish(
                    key, environment, "admin", draft.json().getInt("version"), "live for the test");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
        }
        return key;
    }

    private static Api.Reply evaluate(String user, String environment, String key) {
        return Api.post("/api/v1/environments/" + environment + "/flags/" + key + "/evaluate", user, PRO);
    }

    private static void assertRefused(Api.Reply reply, String what) {
        assertThat(reply.status()).as("%s: %s", what, reply.body()).isEqualTo(403);
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        assertThat(reply.json().getString("error_type")).as(what).isEqualTo("unauthorized");
    }

    /** The denied attempts of {@code newcomer} to save a draft of {@code key} in {@code environment}. */
    private static List<JsonObject> deniedDrafts(String key, String environment) {
        Api.Reply audit = Api.get(
                "/api/v1/admin/audit?env=" + environment + "&flag=" + key + "&actor=" + NEWCOMER
                        + "&action=ruleset.save_draft",
                "auditor");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        return audit.json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(event -> event.getString("result").equals("denied"))
                .toList();
    }

    @Test
    void withNoGroupAndNoGrantTheNewcomerSignsInAndIsRefusedEverything() {
        String key = liveFlag("no-grant");

        Browser browser = new Browser();
        Api.Reply signedIn = browser.signIn(NEWCOMER, Api.PASSWORD, "/admin/flags?env=staging");
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/admin/flags?env=staging");
        Api.Reply page = browser.get("/admin/flags?env=staging");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("No role yet", "signed in as newcomer (no role)", "Sign out");

        for (String path : List.of(
                "/api/v1/admin/flags",
                "/api/v1/admin/flags/" + key,
                "/api/v1/admin/environments",
                GovernanceIT.env(key, "staging"),
                GovernanceIT.env(key, "staging") + "/rulesets",
                "/api/v1/admin/audit",
                "/api/v1/admin/audit/verify",
                "/api/v1/admin/change-requests",
                "/api/v1/admin/diagnostics",
                "/api/v1/admin/environments/staging/grants")) {
            assertRefused(Api.get(path, NEWCOMER), "GET " + path);
        }
        assertRefused(GovernanceIT.putDraft(key, "staging", NEWCOMER, GovernanceIT.RULES), "draft in staging");
        assertThat(deniedDrafts(key, "staging")).hasSize(1);
        assertRefused(evaluate(NEWCOMER, "staging", key), "evaluation in staging");
        assertRefused(
                Api.post("/api/v1/evaluate", NEWCOMER, "{\"flag_payload\": {}, \"context\": {}}"),
                "payload evaluation");
        assertRefused(Api.post("/ofrep/v1/evaluate/flags?env=staging", NEWCOMER, "{\"context\": {}}"), "OFREP");
    }

    @Test
    void anEditorGrantInStagingLetsTheNewcomerEditThereAndNowhereElse() {
        String key = liveFlag("grant");
        Grants.grant(NEWCOMER, "editor", "staging");

        Api.Reply stagingDraft = GovernanceIT.putDraft(key, "staging", NEWCOMER, GovernanceIT.RULES);
        assertThat(stagingDraft.status()).as(stagingDraft.body()).isEqualTo(201);
        int version = stagingDraft.json().getInt("version");
        Api.Reply published = GovernanceIT.publish(key, "staging", NEWCOMER, version, "second version");
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        for (String environment : List.of("development", "production")) {
            Api.Reply refused = GovernanceIT.putDraft(key, environment, NEWCOMER, GovernanceIT.RULES);
            assertRefused(refused, "draft in " + environment);
            assertThat(refused.json().getJsonObject("metadata").getString("environment_key"))
                    .isEqualTo(environment);
            assertThat(deniedDrafts(key, environment))
                    .as("denied draft in %s, audited", environment)
                    .hasSize(1);
            assertRefused(
                    GovernanceIT.publish(key, environment, NEWCOMER, 1, "not mine to publish"),
                    "publish in " + environment);
        }
        assertThat(Api.rows("rulesets", key))
                .as("the refused drafts wrote nothing")
                .isEqualTo(3);
        // a flag is shared by every environment: changing it needs the role everywhere (a registry group)
        assertRefused(
                Api.post("/api/v1/admin/flags", NEWCOMER, FlagSliceContract.flagJson(key + "-mine", "")),
                "create a flag");
        assertRefused(
                Api.post("/api/v1/admin/flags/" + key + "/archive", NEWCOMER, "{\"reason\": \"not mine\"}"),
                "archive a flag");
    }

    @Test
    void readsAcrossEnvironmentsShowOnlyTheEnvironmentsOfTheGrant() {
        String key = liveFlag("reads");
        assertThat(GovernanceIT.putDraft(key, "production", "editor", GovernanceIT.RULES)
                        .status())
                .isEqualTo(201);
        Api.Reply submitted = GovernanceIT.submit(
                "editor", key, "production", "publish_ruleset", "{\"version\": 1}", "cr-" + UUID.randomUUID());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        long inProduction = submitted.json().getJsonNumber("id").longValue();
        int stagingDraft = GovernanceIT.putDraft(key, "staging", "editor", GovernanceIT.RULES)
                .json()
                .getInt("version");
        Api.Reply proposed = GovernanceIT.submit(
                "editor",
                key,
                "staging",
                "publish_ruleset",
                "{\"version\": " + stagingDraft + "}",
                "cr-" + UUID.randomUUID());
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        long inStaging = proposed.json().getJsonNumber("id").longValue();
        Grants.grant(NEWCOMER, "viewer", "staging");

        Api.Reply environments = Api.get("/api/v1/admin/environments", NEWCOMER);
        assertThat(environments.status()).as(environments.body()).isEqualTo(200);
        assertThat(environments.json().getJsonArray("items").stream()
                        .map(environment -> environment.asJsonObject().getString("key")))
                .containsExactly("staging");

        Api.Reply flag = Api.get("/api/v1/admin/flags/" + key, NEWCOMER);
        assertThat(flag.status()).as(flag.body()).isEqualTo(200);
        assertThat(flag.json().getJsonArray("environments").stream()
                        .map(state -> state.asJsonObject().getString("environment_key")))
                .containsExactly("staging");
        assertThat(Api.get(GovernanceIT.env(key, "staging"), NEWCOMER).status()).isEqualTo(200);
        assertRefused(Api.get(GovernanceIT.env(key, "development"), NEWCOMER), "state in development");
        assertRefused(Api.get("/api/v1/admin/audit?env=production", NEWCOMER), "audit of production");

        Api.Reply audit = Api.get("/api/v1/admin/audit?flag=" + key, NEWCOMER);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        List<JsonObject> events = audit.json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .toList();
        assertThat(events)
                .extracting(event -> event.isNull("environment_key") ? "none" : event.getString("environment_key"))
                .contains("staging", "none")
                .doesNotContain("development", "production");

        Api.Reply requests = Api.get("/api/v1/admin/change-requests", NEWCOMER);
        assertThat(requests.status()).as(requests.body()).isEqualTo(200);
        assertThat(requests.json().getJsonArray("items").stream()
                        .map(request -> request.asJsonObject().getString("environment_key"))
                        .distinct())
                .containsExactly("staging");
        assertThat(requests.json().getJsonArray("items").stream()
                        .map(request ->
                                request.asJsonObject().getJsonNumber("id").longValue()))
                .contains(inStaging)
                .doesNotContain(inProduction);
        assertThat(Api.get("/api/v1/admin/change-requests", "viewer").json().getJsonArray("items").stream()
                        .map(request ->
                                request.asJsonObject().getJsonNumber("id").longValue()))
                .as("a viewer of every environment sees the request in production")
                .contains(inProduction);

        Api.Reply diagnostics = Api.get("/api/v1/admin/diagnostics", NEWCOMER);
        assertThat(diagnostics.status()).as(diagnostics.body()).isEqualTo(200);
        assertThat(diagnostics.json().getJsonArray("environments").stream()
                        .map(environment -> environment.asJsonObject().getString("environment_key")))
                .containsExactly("staging");
    }

    @Test
    void theNewcomerEvaluatesWhereTheyHoldARoleAndIsRefusedElsewhere() {
        String key = liveFlag("evaluate");
        long grant = Grants.grant(NEWCOMER, "viewer", "staging");

        Api.Reply staging = evaluate(NEWCOMER, "staging", key);
        assertThat(staging.status()).as(staging.body()).isEqualTo(200);
        assertThat(staging.json().getBoolean("value")).isTrue();
        assertRefused(evaluate(NEWCOMER, "development", key), "evaluation in development");
        assertRefused(evaluate(NEWCOMER, "production", key), "evaluation in production");
        assertThat(evaluate("viewer", "development", key).status())
                .as("the flag is live in development")
                .isEqualTo(200);
        // viewer or higher: the auditor's role opens the audit trail, nothing else
        assertRefused(evaluate("auditor", "staging", key), "evaluation by an auditor");
        assertRefused(
                Api.post("/api/v1/environments/development/evaluate", NEWCOMER, PRO), "bulk evaluation in development");
        assertThat(Api.post("/api/v1/environments/staging/evaluate", NEWCOMER, PRO)
                        .status())
                .isEqualTo(200);

        String ofrep = "{\"context\": {\"targetingKey\": \"u1\", \"plan\": \"pro\"}}";
        Api.Reply ofrepStaging = Api.post("/ofrep/v1/evaluate/flags/" + key + "?env=staging", NEWCOMER, ofrep);
        assertThat(ofrepStaging.status()).as(ofrepStaging.body()).isEqualTo(200);
        assertRefused(
                Api.post("/ofrep/v1/evaluate/flags/" + key + "?env=production", NEWCOMER, ofrep),
                "OFREP in production");
        assertRefused(Api.post("/ofrep/v1/evaluate/flags?env=development", NEWCOMER, ofrep), "OFREP bulk elsewhere");

        Api.Reply payload = Api.post(
                "/api/v1/evaluate",
                NEWCOMER,
                "{\"flag_payload\": {\"flag\": {\"key\": \"p\", \"default_value\": {\"value\": false}},"
                        + " \"active_ruleset\": {\"rules\": []}}, \"context\": {\"targeting_key\": \"u1\"}}");
        assertThat(payload.status()).as(payload.body()).isEqualTo(200);

        assertThat(Api.delete(
                                "/api/v1/admin/environments/staging/grants/" + grant,
                                "admin",
                                "{\"reason\": \"done in staging\", \"version\": "
                                        + GovernanceIT.grantsVersion("staging") + "}")
                        .status())
                .isEqualTo(204);
        assertRefused(evaluate(NEWCOMER, "staging", key), "evaluation in staging once revoked");
    }

    @Test
    void inTheBrowserTheNewcomerIsToldWhyThenAuthorsInStagingOnly() {
        assumeTrue(Workbench.available(), "Debian's chromium and chromium-driver are installed by .ci/run");
        String key = FlagSliceContract.uniqueKey("ui-grant");
        assertThat(Api.post("/api/v1/admin/flags", "admin", FlagSliceContract.flagJson(key, ""))
                        .status())
                .isEqualTo(201);
        try (Workbench browser = Workbench.open()) {
            browser.go("/admin/flags/" + key + "/rules?env=staging");
            browser.signInHere(NEWCOMER);
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("No role yet");
            assertThat(browser.text(By.id("no-role"))).contains("signed in as newcomer", "ask an admin");
            browser.screenshot("no-role");

            Grants.grant(NEWCOMER, "editor", "staging");
            browser.go("/admin/flags/" + key + "/rules?env=staging");
            assertThat(browser.all(By.cssSelector(".environments a")))
                    .extracting(org.openqa.selenium.WebElement::getText)
                    .containsExactly("Staging");
            browser.click(By.id("addRule"));
            browser.typeIn(browser.find(By.cssSelector(".rule-key")), "everyone");
            browser.typeIn(browser.find(By.cssSelector(".rule-value")), "true");
            browser.click(By.id("saveDraft"));
            assertThat(browser.text(By.id("notice"))).contains("Draft v1 saved");

            // production is not among the environments of the grant: the page says so, and stays on staging
            browser.go("/admin/flags/" + key + "/rules?env=production");
            assertThat(browser.body()).contains("There is no environment “production” among those you hold a role in");
            assertThat(browser.find(By.cssSelector(".environments .current")).getText())
                    .isEqualTo("Staging");
        }
        assertThat(Api.get(GovernanceIT.env(key, "staging") + "/rulesets/1", "viewer")
                        .json()
                        .getString("created_by"))
                .isEqualTo(NEWCOMER);
    }
}
