package org.rulestead.web.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rulestead.audit.AuditTrail;
import org.rulestead.audit.FlagHistoryQuery;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.flags.FlagService;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.rollout.RolloutEvaluated;
import org.rulestead.rollout.RolloutService;
import org.rulestead.rollout.RolloutStatus;
import org.rulestead.rollout.SamplePreview;
import org.rulestead.validation.Finding;

/**
 * {@code /admin/flags/{key}/rollouts?env=…}: each guarded rollout rule of the flag here: where it
 * stands, what its guardrails say now (a dry run, spec §5.5), the ladder to advance it with a
 * preview on twenty sample identities and a confirmation for a risky jump, its auto-advance
 * policy in the mode the rule allows (§5.7) with the next tick's time, and the latest
 * interventions, automatic ones told apart from manual ones.
 */
@Named
@ViewScoped
public class RolloutsPage extends FlagPage {

    private static final long serialVersionUID = 1L;

    /** The percentages the ladder offers. */
    public static final List<Integer> LADDER = List.of(5, 25, 50, 100);

    /** A jump of more than this many points at once is confirmed explicitly. */
    static final int RISKY_JUMP = 25;

    private static final Set<String> INTERVENTIONS = Set.of(
            "rollout.advance",
            "rollout.guardrail_evaluated",
            "rollout.guardrail_held",
            "rollout.guardrail_rollback",
            "rollout.auto_advance_policy_saved",
            "scheduled_execution.scheduled",
            "scheduled_execution.succeeded",
            "scheduled_execution.failed",
            "scheduled_execution.quarantined",
            "scheduled_execution.cancelled");

    private static final int HISTORY = 15;

    /** One rollout rule as the page shows it. */
    public record RuleCard(
            RolloutStatus status, RolloutEvaluated now, AutoAdvanceMode mode, List<Map<String, Object>> facts) {

        /** The fact of guardrail {@code signalKey} now, or an empty map when there is none. */
        public Map<String, Object> fact(Object signalKey) {
            return facts.stream()
                    .filter(fact -> java.util.Objects.equals(fact.get("signal_key"), signalKey))
                    .findFirst()
                    .orElse(Map.of());
        }
    }

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;
    private RolloutService rollouts;
    private AuditTrail auditTrail;
    private Capabilities capabilities;

    private List<RuleCard> cards = List.of();
    private List<AuditLine> interventions = List.of();
    private Permission advancing;
    private String message;
    private String notice;
    private final FieldErrors errors = new FieldErrors();

    private String ruleKey;
    private String stage;
    private String percentage;
    private String windowMinutes;
    private String reason;
    private boolean riskConfirmed;
    private SamplePreview preview;

    private boolean policyEnabled;
    private String policyWindowSeconds;
    private String policyNextStage;
    private String policyNextPercentage;
    private String policyReason;

    protected RolloutsPage() {}

    @Inject
    public RolloutsPage(
            EnvironmentCatalog environmentCatalog,
            FlagService flagService,
            RolloutService rollouts,
            AuditTrail auditTrail,
            Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.flagService = flagService;
        this.rollouts = rollouts;
        this.auditTrail = auditTrail;
        this.capabilities = capabilities;
    }

    public void load() {
        choose(environmentCatalog);
        if (cards.isEmpty() && message == null) {
            read();
        }
    }

    private void read() {
        try {
            Located located = locate(flagService);
            if (located.problem() != null) {
                message = located.problem();
                return;
            }
            Instant now = Instant.now();
            List<RuleCard> read = new ArrayList<>();
            for (RolloutStatus status : rollouts.rollouts(key, selection.currentKey())) {
                RolloutEvaluated check = status.stage() == null ? null : dryRun(status.ruleKey());
                read.add(new RuleCard(status, check, AutoAdvanceMode.of(status, now), facts(check)));
            }
            cards = read;
            advancing = capabilities.of(Action.ADVANCE_ROLLOUT, ResourceRef.flag(key), selection.currentKey());
            interventions = AuditLine.of(auditTrail
                    .history(FlagHistoryQuery.latest(key, selection.currentKey(), INTERVENTIONS, HISTORY))
                    .items());
            if (ruleKey == null && !cards.isEmpty()) {
                selectRule(cards.get(0).status());
            }
        } catch (CommandRejected rejected) {
            message = rejected instanceof CommandRejected.Forbidden
                    ? "Your role may not read the rollouts of this flag here."
                    : Refusals.describe(rejected);
        }
    }

    /** What the rule's guardrails say now, without acting; null when it cannot be told. */
    private RolloutEvaluated dryRun(String rule) {
        try {
            return rollouts.evaluate(
                    key, selection.currentKey(), rule, Map.of(), true, CommandContext.of(null, "admin_ui"));
        } catch (CommandRejected notNow) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> facts(RolloutEvaluated check) {
        if (check == null || !(check.decision().get("signal_facts") instanceof List<?> list)) {
            return List.of();
        }
        return (List<Map<String, Object>>) list;
    }

    private void selectRule(RolloutStatus status) {
        ruleKey = status.ruleKey();
        Map<String, Object> policy = status.autoAdvance();
        policyEnabled = policy != null && Boolean.TRUE.equals(policy.get("enabled"));
        policyWindowSeconds = policy == null ? "600" : text(policy.get("observation_window_seconds"));
        policyNextStage = policy == null ? "" : text(policy.get("next_stage"));
        policyNextPercentage = policy == null ? "" : text(policy.get("next_percentage"));
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private void reread(String said) {
        cards = List.of();
        read();
        notice = said;
    }

    /** A step of the ladder: fills the advance form and previews it. */
    public void ladder(String rule, int step) {
        clearMessages();
        ruleKey = rule;
        percentage = String.valueOf(step);
        stage = step == 100 ? "full" : "canary-" + step;
        riskConfirmed = false;
        previewAdvance();
    }

    /** Who the proposed percentage lets in, on twenty sample identities. */
    public void previewAdvance() {
        clearMessages();
        Integer proposed = percentageOf(percentage, "percentage");
        if (proposed == null) {
            preview = null;
            return;
        }
        try {
            preview = rollouts.preview(key, selection.currentKey(), ruleKey, proposed);
        } catch (CommandRejected rejected) {
            message = Refusals.describe(rejected);
        }
    }

    /** Advances the rule to the form's stage; a risky jump must be confirmed first. */
    public void advance() {
        clearMessages();
        Integer proposed = percentageOf(percentage, "percentage");
        Integer minutes = windowMinutes == null || windowMinutes.isBlank() ? null : minutesOf(windowMinutes);
        if (!errors.isEmpty()) {
            return;
        }
        Number current = current();
        if (current != null && isRisky(current.intValue(), proposed) && !riskConfirmed) {
            errors.addAll(List.of(new Finding(
                    "confirm_risk",
                    "This moves exposure from " + current + "% to " + proposed
                            + "% at once: tick the box to confirm the jump.")));
            message = "Confirm the jump before advancing.";
            return;
        }
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("rule_key", ruleKey);
        command.put("stage", stage == null ? null : stage.trim());
        command.put("percentage", proposed);
        if (minutes != null) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            command.put("monitoring_window_started_at", start.toString());
            command.put(
                    "monitoring_window_ends_at",
                    start.plus(minutes, ChronoUnit.MINUTES).toString());
        }
        try {
            rollouts.advance(key, selection.currentKey(), command, CommandContext.of(reason, "admin_ui"));
            String done = "Advanced " + ruleKey + " to " + command.get("stage") + " (" + proposed + "%).";
            stage = null;
            percentage = null;
            reason = null;
            windowMinutes = null;
            riskConfirmed = false;
            preview = null;
            reread(done);
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = Refusals.describe(rejected);
        }
    }

    /** Saves the selected rule's auto-advance policy, whole. */
    public void saveAutoAdvance() {
        clearMessages();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enabled", policyEnabled);
        putNumber(fields, "observation_window_seconds", policyWindowSeconds);
        fields.put("next_stage", policyNextStage == null || policyNextStage.isBlank() ? null : policyNextStage.trim());
        putNumber(fields, "next_percentage", policyNextPercentage);
        if (!errors.isEmpty()) {
            return;
        }
        save(fields, policyEnabled ? "Auto-advance policy saved." : "Auto-advance switched off.");
    }

    /** Switches the selected rule's auto-advance off, whatever the rule's health. */
    public void switchOff() {
        clearMessages();
        policyEnabled = false;
        save(new LinkedHashMap<>(Map.of("enabled", false)), "Auto-advance switched off.");
    }

    private void save(Map<String, Object> fields, String said) {
        try {
            rollouts.saveAutoAdvance(
                    key, selection.currentKey(), ruleKey, fields, CommandContext.of(policyReason, "admin_ui"));
            policyReason = null;
            reread(said);
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = Refusals.describe(rejected);
        }
    }

    private void putNumber(Map<String, Object> fields, String field, String value) {
        if (value == null || value.isBlank()) {
            fields.put(field, null);
            return;
        }
        try {
            fields.put(field, Long.parseLong(value.trim()));
        } catch (NumberFormatException notANumber) {
            errors.addAll(List.of(new Finding(field, "must be a whole number")));
        }
    }

    /** A whole number 0–100 from a form field, or null with a finding. */
    private Integer percentageOf(String value, String field) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.trim());
            if (number >= 0 && number <= 100) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.addAll(List.of(new Finding(field, "must be a whole number from 0 to 100")));
        return null;
    }

    /** A monitoring window of 1 minute to a day, or null with a finding. */
    private Integer minutesOf(String value) {
        try {
            int minutes = Integer.parseInt(value.trim());
            if (minutes >= 1 && minutes <= 1440) {
                return minutes;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.addAll(List.of(new Finding("window_minutes", "must be a whole number of minutes from 1 to 1440")));
        return null;
    }

    /** The card of the rule the forms work on. */
    public RuleCard getSelected() {
        return cards.stream()
                .filter(card -> card.status().ruleKey().equals(ruleKey))
                .findFirst()
                .orElse(null);
    }

    /** Switches the forms to another rule. */
    public void select(String rule) {
        clearMessages();
        cards.stream()
                .filter(card -> card.status().ruleKey().equals(rule))
                .findFirst()
                .ifPresent(card -> selectRule(card.status()));
        preview = null;
    }

    /** Whether moving from {@code current} to {@code proposed} percent is a jump to confirm. */
    static boolean isRisky(int current, int proposed) {
        return proposed - current > RISKY_JUMP || (proposed == 100 && current < 50);
    }

    private Number current() {
        return cards.stream()
                .filter(card -> card.status().ruleKey().equals(ruleKey))
                .findFirst()
                .map(card -> card.status().percentage())
                .orElse(null);
    }

    /** Whether the form's proposal is a jump the operator must confirm. */
    public boolean isRiskyProposal() {
        Number current = current();
        try {
            return current != null
                    && percentage != null
                    && isRisky(current.intValue(), Integer.parseInt(percentage.trim()));
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private void clearMessages() {
        message = null;
        notice = null;
        errors.clear();
    }

    public List<Integer> getLadder() {
        return LADDER;
    }

    public List<RuleCard> getCards() {
        return cards;
    }

    public List<AuditLine> getInterventions() {
        return interventions;
    }

    public Permission getAdvancing() {
        return advancing;
    }

    public boolean isProtectedEnvironment() {
        return selection.current().protectedEnvironment();
    }

    public SamplePreview getPreview() {
        return preview;
    }

    public String getMessage() {
        return message;
    }

    public String getNotice() {
        return notice;
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getRuleKey() {
        return ruleKey;
    }

    public void setRuleKey(String ruleKey) {
        this.ruleKey = ruleKey;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    public String getPercentage() {
        return percentage;
    }

    public void setPercentage(String percentage) {
        this.percentage = percentage;
    }

    public String getWindowMinutes() {
        return windowMinutes;
    }

    public void setWindowMinutes(String windowMinutes) {
        this.windowMinutes = windowMinutes;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isRiskConfirmed() {
        return riskConfirmed;
    }

    public void setRiskConfirmed(boolean riskConfirmed) {
        this.riskConfirmed = riskConfirmed;
    }

    public boolean isPolicyEnabled() {
        return policyEnabled;
    }

    public void setPolicyEnabled(boolean policyEnabled) {
        this.policyEnabled = policyEnabled;
    }

    public String getPolicyWindowSeconds() {
        return policyWindowSeconds;
    }

    public void setPolicyWindowSeconds(String policyWindowSeconds) {
        this.policyWindowSeconds = policyWindowSeconds;
    }

    public String getPolicyNextStage() {
        return policyNextStage;
    }

    public void setPolicyNextStage(String policyNextStage) {
        this.policyNextStage = policyNextStage;
    }

    public String getPolicyNextPercentage() {
        return policyNextPercentage;
    }

    public void setPolicyNextPercentage(String policyNextPercentage) {
        this.policyNextPercentage = policyNextPercentage;
    }

    public String getPolicyReason() {
        return policyReason;
    }

    public void setPolicyReason(String policyReason) {
        this.policyReason = policyReason;
    }
}
