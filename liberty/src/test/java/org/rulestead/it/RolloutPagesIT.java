package org.rulestead.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.rulestead.it.GovernanceIT.newFlag;
import static org.rulestead.it.GovernanceIT.publish;
import static org.rulestead.it.GovernanceIT.putDraft;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The rollouts and schedule pages in a real browser (Debian's chromium, headless): the ladder with
 * its sample preview and risky-jump confirmation, the auto-advance panel, interventions labelled
 * manual or automatic, and a scheduled execution read and cancelled with a reason; axe-clean.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RolloutPagesIT {

    @Deployment(testable = false)
    static EnterpriseArchive rulestead() {
        return Deployments.rulesteadWithProbes();
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(Workbench.available(), "Debian's chromium and chromium-driver are installed by .ci/run");
    }

    private static String rolledOutAtFive() {
        String key = newFlag("pages-rollout");
        int version =
                putDraft(key, "staging", "editor", RolloutsIT.ROLLOUT).json().getInt("version");
        assertThat(publish(key, "staging", "editor", version, "start at 5%").status())
                .isEqualTo(200);
        return key;
    }

    @Test
    void anEditorAdvancesByTheLadderAfterConfirmingARiskyJumpAndSetsUpAutoAdvance() {
        String key = rolledOutAtFive();
        try (Workbench editor = Workbench.open()) {
            editor.signIn("editor").go("/admin/flags/" + key + "/rollouts?env=staging");
            assertThat(editor.text(By.id("rule-everyone")))
                    .contains("not advanced yet")
                    .contains("5%");
            assertThat(editor.text(By.id("auto-mode"))).isEqualTo("ready");
            assertThat(editor.accessibilityViolations()).isEmpty();

            editor.click(By.cssSelector(".ladder-50"));
            assertThat(editor.all(By.cssSelector("#sample-preview tbody tr"))).hasSize(20);
            assertThat(editor.text(By.cssSelector("#sample-preview caption"))).contains("at 5% now and at 50%");
            assertThat(editor.present(By.id("risky"))).isTrue();
            editor.type(By.id("advance-reason"), "the canary is clean");
            editor.click(By.id("advance"));
            assertThat(editor.text(By.id("message"))).contains("Confirm the jump");
            assertThat(Api.rows("guardrail_decisions", key)).isZero();

            editor.find(By.id("confirm-risk")).click(); // a checkbox: no postback
            editor.type(By.id("window"), "30");
            editor.type(By.id("advance-reason"), "the canary is clean");
            editor.click(By.id("advance"));
            assertThat(editor.text(By.id("notice"))).contains("Advanced everyone to canary-50 (50%)");
            assertThat(editor.text(By.id("rule-everyone")))
                    .contains("at canary-50")
                    .contains("50%");
            assertThat(editor.text(By.cssSelector("#interventions tbody tr")))
                    .contains("Rollout advance")
                    .contains("manual");

            editor.find(By.id("policy-enabled")).click();
            editor.type(By.id("policy-window"), "600");
            editor.type(By.id("policy-stage"), "full");
            editor.type(By.id("policy-percentage"), "100");
            editor.type(By.id("policy-reason"), "advance when healthy");
            editor.click(By.id("save-policy"));
            assertThat(editor.text(By.id("notice"))).contains("Auto-advance policy saved");
            assertThat(editor.text(By.id("auto-mode"))).isEqualTo("pending observation");
            assertThat(editor.text(By.id("auto-mode-sentence"))).contains("observed until its window closes");
            assertThat(editor.accessibilityViolations()).isEmpty();
            editor.screenshot("rollouts");
        }
    }

    @Test
    void aViewerSeesTheRolloutsButCannotAdvance() {
        String key = rolledOutAtFive();
        try (Workbench viewer = Workbench.open()) {
            viewer.signIn("viewer").go("/admin/flags/" + key + "/rollouts?env=staging");
            assertThat(viewer.find(By.cssSelector(".ladder-25")).isEnabled()).isFalse();
            assertThat(viewer.text(By.id("advance-refused"))).isNotBlank();
        }
    }

    @Test
    void anAdminReadsAScheduledExecutionAndCancelsItWithAReason() {
        String key = newFlag("pages-schedule");
        int version = putDraft(key, "staging", "editor", ScheduledExecutionsContract.RULES)
                .json()
                .getInt("version");
        Api.Reply scheduled = Api.post(
                ScheduledExecutionsContract.PATH,
                "editor",
                ScheduledExecutionsContract.directPublish(
                        key,
                        "staging",
                        version,
                        ScheduledExecutionsContract.inSeconds(3600),
                        "policy_bypass",
                        ", \"reason\": \"after the freeze\""));
        long id = scheduled.json().getJsonNumber("id").longValue();
        try (Workbench editor = Workbench.open()) {
            editor.signIn("editor").go("/admin/schedule/" + id + "?env=staging");
            assertThat(editor.find(By.cssSelector(".take-cancel")).isEnabled()).isFalse();
        }
        try (Workbench admin = Workbench.open()) {
            admin.signIn("admin").go("/admin/schedule?env=staging&state=scheduled");
            assertThat(admin.text(By.id("schedule"))).contains("#" + id).contains("publish ruleset v" + version);
            assertThat(admin.accessibilityViolations()).isEmpty();
            admin.screenshot("schedule");

            admin.go("/admin/schedule/" + id + "?env=staging");
            assertThat(admin.text(By.id("execution-state"))).isEqualTo("scheduled");
            assertThat(admin.text(By.id("what"))).contains("publish ruleset v" + version);
            assertThat(admin.accessibilityViolations()).isEmpty();
            admin.click(By.cssSelector(".take-cancel"));
            admin.click(By.id("confirmStep"));
            assertThat(admin.text(By.id("message"))).isNotBlank();
            admin.type(By.id("reason"), "the freeze was extended");
            admin.click(By.id("confirmStep"));
            assertThat(admin.text(By.id("notice"))).contains("Cancelled");
            assertThat(admin.text(By.id("execution-state"))).isEqualTo("cancelled");
            assertThat(admin.text(By.id("failure"))).isEqualTo("the freeze was extended");
        }
        assertThat(Api.get(ScheduledExecutionsContract.PATH + "/" + id, "viewer")
                        .json()
                        .getString("state"))
                .isEqualTo("cancelled");
    }

    @Test
    void theTimelineAndTheRolloutsPageTellAnAutomaticAdvanceApart() {
        String key = rolledOutAtFive();
        String rollouts = GovernanceIT.env(key, "staging") + "/rollouts";
        assertThat(Api.put(
                                rollouts + "/everyone/auto-advance",
                                "editor",
                                "{\"enabled\": true, \"observation_window_seconds\": 600, \"next_stage\": \"canary-50\","
                                        + " \"next_percentage\": 50, \"reason\": \"advance when healthy\"}")
                        .status())
                .isEqualTo(200);
        assertThat(Api.post(
                                rollouts + "/everyone/signals",
                                "editor",
                                "{\"signal_key\": \"error_rate\", \"observed_value\": 0.01, \"sample_size\": 500}")
                        .status())
                .isEqualTo(201);
        Api.Reply advanced = Api.post(
                rollouts + "/advance",
                "editor",
                "{\"rule_key\": \"everyone\", \"stage\": \"canary-25\", \"percentage\": 25,"
                        + " \"monitoring_window_ends_at\": \"" + ScheduledExecutionsContract.inSeconds(3)
                        + "\", \"reason\": \"next stage\"}");
        assertThat(advanced.status()).as(advanced.body()).isEqualTo(200);
        long tick = Api.get("/api/v1/admin/audit?flag=" + key + "&action=rollout.advance", "auditor")
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonObject("metadata")
                .getJsonObject("auto_advance")
                .getJsonNumber("scheduled_execution_id")
                .longValue();
        ScheduledExecutionsContract.awaitExecution(
                tick, execution -> execution.getString("state").equals("completed"));

        try (Workbench viewer = Workbench.open()) {
            viewer.signIn("viewer").go("/admin/flags/" + key + "/timeline?env=staging");
            String automatic = viewer.all(By.cssSelector("tr.automated")).stream()
                    .map(org.openqa.selenium.WebElement::getText)
                    .filter(row -> row.contains("rollout.advance"))
                    .findFirst()
                    .orElseThrow();
            assertThat(automatic)
                    .contains("Automatic rollout advance, window")
                    .contains("Advanced automatically from canary-25")
                    .contains("automation");
            assertThat(viewer.accessibilityViolations()).isEmpty();
            viewer.go("/admin/flags/" + key + "/rollouts?env=staging");
            assertThat(viewer.text(By.id("rule-everyone"))).contains("at canary-50");
            assertThat(viewer.text(By.cssSelector(".guardrails tbody tr"))).contains("healthy");
            assertThat(viewer.text(By.id("interventions"))).contains("Automatic rollout advance");
            assertThat(viewer.accessibilityViolations()).isEmpty();
        }
    }
}
