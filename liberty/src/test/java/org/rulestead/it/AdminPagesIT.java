package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operator workbench in a real browser (Debian's chromium, headless): the flows of issue 6,
 * each from sign-in, with a screenshot of every page for docs/admin-ui.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPagesIT {

    private static final AtomicInteger FLAGS = new AtomicInteger();

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(Workbench.available(), "Debian's chromium and chromium-driver are installed by .ci/run");
    }

    private static String newKey(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + FLAGS.incrementAndGet();
    }

    /** Fills the new-flag form and creates the flag; the browser ends on the flag's page. */
    private static void createFlag(Workbench browser, String key) {
        browser.go("/admin/flags/new?env=staging");
        browser.type(By.id("flagKey"), key)
                .type(By.id("description"), "The new checkout, step by step")
                .type(By.id("defaultValue"), "false")
                .type(By.id("ownerRef"), "team-checkout")
                .type(By.id("tags"), "checkout, ui");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('reviewBy').value = '2027-06-30'");
        browser.click(By.id("create"));
    }

    /** On the rules page: one 50 % rollout rule serving true, saved as a draft. */
    private static void authorHalfRollout(Workbench browser, String key, String env) {
        browser.go("/admin/flags/" + key + "/rules?env=" + env);
        browser.click(By.id("addRule"));
        browser.typeIn(browser.find(By.cssSelector(".rule-key")), "half");
        browser.selectAndWait(browser.find(By.cssSelector("select.strategy")), "percentage_rollout");
        browser.typeIn(browser.find(By.cssSelector(".rule-value")), "true");
        browser.typeIn(browser.find(By.cssSelector(".percentage")), "50");
        browser.click(By.id("saveDraft"));
    }

    @Test
    void anEditorCreatesAuthorsPublishesExplainsAndKillsAFlagInStaging() {
        String key = newKey("ui-checkout");
        try (Workbench browser = Workbench.open()) {
            browser.go("/login");
            browser.screenshot("login");
            browser.signInHere("editor");
            assertThat(browser.url()).contains("/admin/flags");

            browser.go("/admin/flags/new?env=staging");
            browser.screenshot("flag-new");
            createFlag(browser, key);
            assertThat(browser.url()).endsWith("/admin/flags/" + key + "?env=staging");
            assertThat(browser.text(By.tagName("h1"))).contains(key).contains("Staging");
            assertThat(browser.text(By.id("environment-states")))
                    .contains("Production")
                    .contains("draft");

            // a rule with a percentage over 100 is refused at its field, and nothing is saved
            browser.go("/admin/flags/" + key + "/rules?env=staging");
            browser.click(By.id("addRule"));
            browser.typeIn(browser.find(By.cssSelector(".rule-key")), "half");
            browser.selectAndWait(browser.find(By.cssSelector("select.strategy")), "percentage_rollout");
            browser.typeIn(browser.find(By.cssSelector(".rule-value")), "true");
            browser.typeIn(browser.find(By.cssSelector(".percentage")), "150");
            browser.click(By.id("saveDraft"));
            assertThat(browser.text(By.id("message"))).contains("not saved");
            assertThat(browser.text(By.cssSelector("fieldset.rule .field-error")))
                    .contains("percentage");
            browser.screenshot("rules-findings");

            browser.typeIn(browser.find(By.cssSelector(".percentage")), "50");
            browser.click(By.id("saveDraft"));
            assertThat(browser.text(By.id("notice"))).contains("Draft v1 saved");
            assertThat(browser.text(By.id("diff"))).contains("+").contains("\"percentage\": 50");

            browser.click(By.id("review"));
            browser.screenshot("rules-publish");
            browser.click(By.id("confirmPublish")); // no reason yet
            assertThat(browser.text(By.id("confirm"))).contains("is required");
            browser.type(By.id("reason"), "Half of staging gets the new checkout");
            browser.click(By.id("confirmPublish"));
            assertThat(browser.text(By.id("notice"))).contains("Published v1 in Staging");

            // explain two users: one inside the 50 %, one outside
            String inside = null;
            String outside = null;
            for (int user = 1; user < 40 && (inside == null || outside == null); user++) {
                browser.go("/admin/flags/" + key + "/explain?env=staging&targeting_key=u_" + user);
                String value = browser.text(By.id("returned-value"));
                if (value.equals("true") && inside == null) {
                    inside = "u_" + user;
                } else if (value.equals("false") && outside == null) {
                    outside = "u_" + user;
                }
            }
            assertThat(inside).isNotNull();
            assertThat(outside).isNotNull();
            browser.go("/admin/flags/" + key + "/explain?env=staging&targeting_key=" + inside);
            assertThat(browser.text(By.id("matched-rule"))).isEqualTo("half");
            assertThat(browser.text(By.id("explanation")))
                    .startsWith("Matched rule half. Bucket ")
                    .contains("Environment staging used snapshot v");
            browser.screenshot("explain");
            browser.go("/admin/flags/" + key + "/explain?env=staging&targeting_key=" + outside);
            assertThat(browser.text(By.id("matched-rule"))).isEqualTo("Default path");
            assertThat(browser.text(By.id("explanation"))).startsWith("No rule matched.");

            // simulate with attributes: the share link carries identity only
            browser.go("/admin/flags/" + key + "/simulate?env=staging");
            browser.type(By.id("targetingKey"), inside).type(By.id("attributes"), "plan=pro\ncountry=DE");
            browser.click(By.id("run"));
            assertThat(browser.text(By.id("returned-value"))).isEqualTo("true");
            String shared = browser.find(By.id("explain-link")).getAttribute("href");
            assertThat(shared)
                    .contains("targeting_key=" + inside)
                    .doesNotContain("plan")
                    .doesNotContain("pro");
            browser.screenshot("simulate");

            // the kill switch: preview, confirm with a reason, and the explanation changes
            browser.go("/admin/flags/" + key + "/kill?env=staging");
            assertThat(browser.text(By.id("switch-state"))).isEqualTo("released");
            browser.click(By.id("preview"));
            assertThat(browser.text(By.id("preview-text"))).contains("default value false");
            browser.screenshot("kill-preview");
            browser.type(By.id("reason"), "Checkout errors in staging");
            browser.click(By.id("confirmKill"));
            assertThat(browser.text(By.id("notice"))).contains("Kill switch engaged in Staging");
            assertThat(browser.text(By.id("switch-state"))).isEqualTo("engaged");
            browser.screenshot("kill");

            browser.go("/admin?env=staging");
            assertThat(browser.text(By.id("killed"))).contains(key);
            assertThat(browser.text(By.id("recent-changes"))).contains("kill_switch.engage");
            browser.screenshot("overview");

            browser.go("/admin/flags/" + key + "/explain?env=staging&targeting_key=" + inside);
            assertThat(browser.text(By.id("returned-value"))).isEqualTo("false");
            assertThat(browser.text(By.id("reason"))).contains("Kill switch engaged");
            browser.screenshot("explain-killed");

            browser.go("/admin/flags/" + key + "?env=staging");
            assertThat(browser.text(By.id("switch-state-summary"))).contains("Engaged");
            browser.screenshot("flag");

            browser.go("/admin/flags/" + key + "/timeline?env=staging");
            assertThat(browser.text(By.id("timeline")))
                    .contains("kill_switch.engage")
                    .contains("ruleset.publish")
                    .contains("Checkout errors in staging");
            browser.screenshot("timeline");
            browser.go("/admin/flags/" + key + "/timeline?env=staging&event=kill_switch.engage");
            assertThat(browser.all(By.cssSelector("#timeline tbody tr"))).hasSize(1);
            browser.go("/admin/flags/" + key + "/timeline?env=staging&by=automation");
            assertThat(browser.present(By.id("timeline"))).isFalse();

            browser.go("/admin/flags?env=staging&q=" + key);
            assertThat(browser.all(By.cssSelector("#flags tbody tr"))).hasSize(1);
            browser.go("/admin/flags?env=staging&owner=team-checkout&sort=status");
            browser.screenshot("flags");
        }
    }

    @Test
    void aProductionPublishGoesThroughAChangeRequestThatAdmin2Approves() {
        String key = newKey("ui-prod");
        String crUrl;
        try (Workbench editor = Workbench.open()) {
            editor.signIn("editor");
            createFlag(editor, key);
            authorHalfRollout(editor, key, "production");
            assertThat(editor.text(By.id("notice"))).contains("submit it for approval");
            assertThat(editor.find(By.id("review")).getAttribute("value")).startsWith("Submit change request");
            editor.click(By.id("review"));
            editor.type(By.id("reason"), "Release the new checkout to half of production");
            editor.click(By.id("confirmChangeRequest"));
            assertThat(editor.text(By.id("notice"))).contains("Change request #");
            crUrl = editor.find(By.cssSelector("#notice a")).getAttribute("href");
            editor.go("/admin?env=production");
            assertThat(editor.text(By.id("awaiting"))).contains(key);
            editor.go(crUrl.substring(Api.BASE.length()));
            assertThat(editor.text(By.id("approval-policy"))).contains("other than the submitter");
            assertThat(editor.find(By.cssSelector(".decide-approve")).isEnabled())
                    .isFalse();
        }
        try (Workbench admin = Workbench.open()) {
            admin.signIn("admin");
            admin.go("/admin/change-requests?env=production&status=submitted");
            assertThat(admin.text(By.id("change-requests"))).contains(key);
            admin.screenshot("change-requests");
        }
        try (Workbench admin2 = Workbench.open()) {
            admin2.go(crUrl.substring(Api.BASE.length()));
            admin2.signInHere("admin2");
            assertThat(admin2.url()).isEqualTo(crUrl);
            assertThat(admin2.text(By.id("diff"))).contains("+").contains("\"strategy\": \"percentage_rollout\"");
            admin2.screenshot("change-request");
            admin2.click(By.cssSelector(".decide-approve"));
            admin2.type(By.id("reason"), "Reviewed the rollout, looks right");
            admin2.click(By.id("confirmDecision"));
            assertThat(admin2.text(By.id("notice"))).isEqualTo("Approved.");
            assertThat(admin2.text(By.id("cr-status"))).isEqualTo("approved");
            admin2.click(By.cssSelector(".decide-execute"));
            admin2.type(By.id("reason"), "Shipping");
            admin2.click(By.id("confirmDecision"));
            assertThat(admin2.text(By.id("cr-status"))).isEqualTo("executed");
            assertThat(admin2.text(By.id("cr-trail")))
                    .contains("change_request.submitted")
                    .contains("change_request.approved")
                    .contains("ruleset.publish")
                    .contains("change_request.merged");
            admin2.screenshot("change-request-executed");

            admin2.go("/admin/audit?env=production&flag=" + key);
            assertThat(admin2.text(By.id("verification"))).contains("Hash chain verified");
            assertThat(admin2.text(By.id("audit"))).contains("ruleset.publish");
            admin2.screenshot("audit");
        }
    }

    @Test
    void aViewerSeesWhatTheyMayNotDoAndWhy() {
        String key = LiveEvaluationIT.published("ui-viewer");
        try (Workbench viewer = Workbench.open()) {
            viewer.signIn("viewer");
            viewer.go("/admin/flags?env=staging");
            assertThat(viewer.present(By.linkText("New flag"))).isFalse();
            assertThat(viewer.body()).contains("needs the editor or admin role");

            viewer.go("/admin/flags/" + key + "/rules?env=staging");
            assertThat(viewer.find(By.id("saveDraft")).isEnabled()).isFalse();
            assertThat(viewer.body()).contains("You are signed in as viewer (viewer)");

            viewer.go("/admin/flags/" + key + "/kill?env=production");
            assertThat(viewer.find(By.id("preview")).isEnabled()).isFalse();
            viewer.screenshot("kill-viewer");
        }
    }

    @Test
    void aLinkCopiedFromOnePageOpensTheSameViewAndEnvironmentInAFreshSession() {
        String key = LiveEvaluationIT.published("ui-link");
        List<String> paths = List.of(
                "/admin/flags/" + key + "/explain?env=staging&targeting_key=u_7",
                "/admin/flags/" + key + "/timeline?env=staging&by=manual",
                "/admin/flags?env=production&q=" + key);
        for (String path : paths) {
            try (Workbench fresh = Workbench.open()) {
                fresh.go(path);
                assertThat(fresh.url()).contains("/login");
                fresh.signInHere("viewer");
                assertThat(fresh.url()).isEqualTo(Api.BASE + path);
                String env = path.contains("production") ? "Production" : "Staging";
                assertThat(fresh.find(By.cssSelector(".environments .current")).getText())
                        .isEqualTo(env);
            }
        }
    }

    @Test
    void aForgedPostbackIsRefusedAndChangesNothing() {
        String key = newKey("ui-forged");
        try (Workbench browser = Workbench.open()) {
            browser.signIn("editor");
            browser.go("/admin/flags/new?env=staging");
            browser.type(By.id("flagKey"), key).type(By.id("ownerRef"), "team-a");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('input[name=\"jakarta.faces.ViewState\"]').value = 'forged';"
                            + "document.getElementById('reviewBy').value = '2027-06-30'");
            browser.click(By.id("create"));
            assertThat(browser.text(By.tagName("h1"))).isEqualTo("This form was not accepted");
        }
        assertThat(Api.get("/api/v1/admin/flags/" + key, "viewer").status()).isEqualTo(404);
    }

    @Test
    void rulesAreReorderedWithConditionsAndAFlagIsEdited() {
        String key = GovernanceIT.newFlag("ui-edit");
        GovernanceIT.draft(key, "staging", "editor");
        try (Workbench browser = Workbench.open()) {
            browser.signIn("editor");
            browser.go("/admin/flags/" + key + "/rules?env=staging");
            // the API's draft holds one rule (pro-users); add a second and put it first
            browser.click(By.id("addRule"));
            List<WebElement> keys = browser.all(By.cssSelector(".rule-key"));
            browser.typeIn(keys.get(keys.size() - 1), "beta-testers");
            browser.typeIn(browser.all(By.cssSelector(".rule-value")).get(keys.size() - 1), "true");
            browser.click(By.cssSelector("#rule-" + (keys.size() - 1) + " .add-condition"));
            browser.typeIn(browser.find(By.cssSelector("#rule-" + (keys.size() - 1) + " .attribute")), "email");
            browser.select(By.cssSelector("#rule-" + (keys.size() - 1) + " select.operator"), "ends_with");
            browser.typeIn(browser.find(By.cssSelector("#rule-" + (keys.size() - 1) + " .operand")), "@example.com");
            browser.click(By.cssSelector("#rule-" + (keys.size() - 1) + " input[value='Move up']"));
            assertThat(browser.all(By.cssSelector(".rule-key")).get(0).getAttribute("value"))
                    .isEqualTo("beta-testers");
            browser.click(By.id("saveDraft"));
            assertThat(browser.text(By.id("notice"))).contains("saved");
            String diff = browser.text(By.id("diff"));
            assertThat(diff.indexOf("beta-testers")).isLessThan(diff.indexOf("pro-users"));
            assertThat(diff).contains("\"ends_with\": \"@example.com\"");

            browser.go("/admin/flags/" + key + "/edit?env=staging");
            assertThat(browser.find(By.id("flagKey")).isEnabled()).isFalse();
            browser.type(By.id("description"), "Edited in the browser").type(By.id("ownerRef"), "team-search");
            browser.click(By.id("save"));
            assertThat(browser.url()).endsWith("/admin/flags/" + key + "?env=staging");
            assertThat(browser.body()).contains("Edited in the browser").contains("team-search");
        }
    }

    @Test
    void aVariantSplitIsAuthoredWithWeightsThatMustSumTo100() {
        String key = GovernanceIT.newFlag("ui-split");
        try (Workbench browser = Workbench.open()) {
            browser.signIn("editor");
            browser.go("/admin/flags/" + key + "/rules?env=staging");
            browser.click(By.id("addRule"));
            browser.typeIn(browser.find(By.cssSelector(".rule-key")), "split");
            browser.selectAndWait(browser.find(By.cssSelector("select.strategy")), "variant_split");
            browser.typeIn(browser.find(By.cssSelector(".percentage")), "100");
            browser.click(By.cssSelector("#rule-0 input[value='Add variant']"));
            browser.click(By.cssSelector("#rule-0 input[value='Add variant']"));
            List<WebElement> cells = browser.all(By.cssSelector("#rule-0 .sub table input[type=text]"));
            // key, value, weight per variant
            browser.typeIn(cells.get(0), "on").typeIn(cells.get(1), "true").typeIn(cells.get(2), "60");
            browser.typeIn(cells.get(3), "off").typeIn(cells.get(4), "false").typeIn(cells.get(5), "30");
            browser.click(By.id("saveDraft"));
            assertThat(browser.text(By.cssSelector("#rule-0 .field-error")))
                    .contains("must sum to 100% (they sum to 90)");

            cells = browser.all(By.cssSelector("#rule-0 .sub table input[type=text]"));
            browser.typeIn(cells.get(5), "40");
            browser.click(By.id("saveDraft"));
            assertThat(browser.text(By.id("notice"))).contains("Draft v1 saved");
            assertThat(browser.text(By.id("diff"))).contains("\"key\": \"off\"").contains("\"weight\": 40");
        }
    }

    @Test
    void aChangeRequestIsRejectedOrCancelledWithAReason() {
        String key = GovernanceIT.newFlag("ui-reject");
        int version = GovernanceIT.draft(key, "production", "editor");
        long rejected = GovernanceIT.submit(
                        "editor", key, "production", "publish_ruleset", "{\"version\": " + version + "}", "ui-r-" + key)
                .json()
                .getJsonNumber("id")
                .longValue();
        long cancelled = GovernanceIT.submit(
                        "editor", key, "production", "publish_ruleset", "{\"version\": " + version + "}", "ui-c-" + key)
                .json()
                .getJsonNumber("id")
                .longValue();
        try (Workbench admin2 = Workbench.open()) {
            admin2.signIn("admin2");
            admin2.go("/admin/change-requests/" + rejected + "?env=production");
            admin2.click(By.cssSelector(".decide-reject"));
            admin2.click(By.id("confirmDecision")); // no reason
            assertThat(admin2.text(By.id("message"))).contains("reason is required");
            admin2.type(By.id("reason"), "Not this quarter");
            admin2.click(By.id("confirmDecision"));
            assertThat(admin2.text(By.id("cr-status"))).isEqualTo("rejected");
            assertThat(admin2.text(By.id("approvals"))).contains("Not this quarter");
        }
        try (Workbench editor = Workbench.open()) {
            editor.signIn("editor");
            editor.go("/admin/change-requests/" + cancelled + "?env=production");
            assertThat(editor.find(By.cssSelector(".decide-reject")).isEnabled())
                    .isFalse();
            editor.click(By.cssSelector(".decide-cancel"));
            editor.type(By.id("reason"), "Superseded");
            editor.click(By.id("confirmDecision"));
            assertThat(editor.text(By.id("cr-status"))).isEqualTo("cancelled");
            editor.go("/admin/change-requests?env=production&status=cancelled&flag=" + key);
            assertThat(editor.all(By.cssSelector("#change-requests tbody tr"))).hasSize(1);
        }
    }

    @Test
    void everyPageMeetsWcag2AaAsAxeChecksIt() {
        String key = LiveEvaluationIT.published("ui-a11y");
        java.util.Map<String, List<String>> violations = new java.util.LinkedHashMap<>();
        try (Workbench admin = Workbench.open()) {
            admin.go("/login");
            violations.put("/login", admin.accessibilityViolations());
            // the checker itself: an unlabelled field is found
            ((org.openqa.selenium.JavascriptExecutor) admin.driver())
                    .executeScript("document.body.appendChild(document.createElement('input'))");
            assertThat(admin.accessibilityViolations()).anyMatch(found -> found.startsWith("label"));
            admin.go("/login");
            admin.signInHere("admin");
            List<String> pages = List.of(
                    "/admin?env=staging",
                    "/admin/flags?env=staging",
                    "/admin/flags/new?env=staging",
                    "/admin/flags/" + key + "?env=staging",
                    "/admin/flags/" + key + "/edit?env=staging",
                    "/admin/flags/" + key + "/rules?env=staging",
                    "/admin/flags/" + key + "/simulate?env=staging",
                    "/admin/flags/" + key + "/explain?env=staging&targeting_key=u_1",
                    "/admin/flags/" + key + "/kill?env=production",
                    "/admin/flags/" + key + "/timeline?env=staging",
                    "/admin/flags/" + key + "/rollouts?env=staging",
                    "/admin/schedule?env=staging",
                    "/admin/change-requests?env=production&scope=all",
                    "/admin/audit?env=staging");
            for (String page : pages) {
                admin.go(page);
                violations.put(page, admin.accessibilityViolations());
            }

            // keyboard only: Tab reaches the kill switch's first step, Enter opens its preview
            admin.go("/admin/flags/" + key + "/kill?env=staging");
            assertThat(admin.tabUntil("preview", 80)).isTrue();
            admin.pressEnterOnFocused();
            assertThat(admin.text(By.id("preview-text"))).contains("Engaging makes every evaluation");
        }
        assertThat(violations)
                .allSatisfy((page, found) -> assertThat(found).as(page).isEmpty());
    }
}
