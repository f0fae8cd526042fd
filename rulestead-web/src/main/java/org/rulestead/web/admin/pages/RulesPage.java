package org.rulestead.web.admin.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.authoring.RulesetService;
import org.rulestead.authoring.RulesetWorkbench;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.changerequests.Proposal;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;
import org.rulestead.environments.EnvironmentCatalog;
import org.rulestead.flags.FlagService;
import org.rulestead.flags.FlagView;
import org.rulestead.flags.RulesetView;
import org.rulestead.governance.Action;
import org.rulestead.governance.Capabilities;
import org.rulestead.governance.Permission;
import org.rulestead.governance.ResourceRef;
import org.rulestead.web.admin.rules.ConditionForm;
import org.rulestead.web.admin.rules.RuleForm;
import org.rulestead.web.admin.rules.RulesetText;
import org.rulestead.web.admin.rules.VariantForm;

/**
 * {@code /admin/flags/{key}/rules?env=...}: the rules workspace. Ordered rules with their
 * conditions, strategy, rollout and variants; save draft (findings shown at their fields); the
 * draft against what is published; publish with a reason after a preview, or, where the
 * environment is protected, submit a change request.
 */
@Named
@ViewScoped
public class RulesPage extends FlagPage {

    private static final long serialVersionUID = 1L;

    private EnvironmentCatalog environmentCatalog;
    private FlagService flagService;
    private RulesetService rulesetService;
    private ChangeRequestService changeRequests;
    private Capabilities capabilities;

    private FlagView flag;
    private String message;
    private String notice;
    private Long submittedChangeRequest;
    private final FieldErrors errors = new FieldErrors();

    private Permission saveDraft;
    private Permission publish;
    private Permission propose;
    private String salt;
    private List<RuleForm> rules = new ArrayList<>();
    private RulesetView published;
    private RulesetView latestDraft;
    /** The newest ruleset version when the form was filled (0 before the first): what a save edits. */
    private int editedFrom;

    private boolean confirming;

    private String reason;

    protected RulesPage() {}

    @Inject
    public RulesPage(
            EnvironmentCatalog environmentCatalog,
            FlagService flagService,
            RulesetService rulesetService,
            ChangeRequestService changeRequests,
            Capabilities capabilities) {
        this.environmentCatalog = environmentCatalog;
        this.flagService = flagService;
        this.rulesetService = rulesetService;
        this.changeRequests = changeRequests;
        this.capabilities = capabilities;
    }

    /** Runs before the first rendering (f:viewAction). */
    public void load() {
        choose(environmentCatalog);
        if (flag != null) {
            return; // a postback of the same view: the form holds the operator's edits
        }
        try {
            Located located = locate(flagService);
            if (located.problem() != null) {
                message = located.problem();
                return;
            }
            flag = located.flag();
            readPermissions();
            readRulesets();
            RulesetView start = latestDraft != null ? latestDraft : published;
            salt = start == null ? null : start.salt();
            rules = new ArrayList<>();
            if (start != null) {
                start.authored().rules().forEach(rule -> rules.add(RuleForm.from(rule)));
            }
        } catch (CommandRejected.Forbidden forbidden) {
            message = "Your role may not read this flag's rules.";
            flag = null;
        }
    }

    private void readPermissions() {
        ResourceRef resource = ResourceRef.flag(key);
        saveDraft = capabilities.of(Action.SAVE_DRAFT, resource, selection.currentKey());
        publish = capabilities.of(Action.PUBLISH_RULESET, resource, selection.currentKey());
        propose = capabilities.of(Action.SUBMIT_CHANGE_REQUEST, resource, selection.currentKey());
    }

    private void readRulesets() {
        RulesetWorkbench workbench = rulesetService.workbench(key, selection.currentKey());
        editedFrom = workbench.latestVersion();
        published = workbench.published();
        latestDraft = workbench.latestDraft();
    }

    public void addRule() {
        rules.add(RuleForm.blank(rules.size() + 1));
        confirming = false;
    }

    public void removeRule(RuleForm rule) {
        rules.remove(rule);
        confirming = false;
    }

    public void moveUp(RuleForm rule) {
        int at = rules.indexOf(rule);
        if (at > 0) {
            Collections.swap(rules, at, at - 1);
        }
        confirming = false;
    }

    public void moveDown(RuleForm rule) {
        int at = rules.indexOf(rule);
        if (at >= 0 && at < rules.size() - 1) {
            Collections.swap(rules, at, at + 1);
        }
        confirming = false;
    }

    public void addCondition(RuleForm rule) {
        rule.addCondition();
    }

    public void removeCondition(RuleForm rule, ConditionForm condition) {
        rule.removeCondition(condition);
    }

    public void addVariant(RuleForm rule) {
        rule.addVariant();
    }

    public void removeVariant(RuleForm rule, VariantForm variant) {
        rule.removeVariant(variant);
    }

    /**
     * Saves the form as the next draft; the validator's findings land at their fields. The save
     * states the version the form was filled from, so a draft someone saved meanwhile is not
     * silently replaced.
     */
    public void save() {
        clearMessages();
        Map<String, Object> document = new LinkedHashMap<>();
        if (salt != null && !salt.isBlank()) {
            document.put("salt", salt.trim());
        }
        document.put("rules", rules.stream().map(RuleForm::toDocument).toList());
        try {
            RulesetView saved = rulesetService.saveDraft(
                    key,
                    selection.currentKey(),
                    document,
                    ReadVersion.of(editedFrom),
                    CommandContext.of(null, "admin_ui"));
            readRulesets();
            notice = "Draft v" + saved.version() + " saved. Review the difference below, then "
                    + (publish.direct() ? "publish it." : "submit it for approval.");
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = rejected.details().isEmpty()
                    ? Refusals.describe(rejected)
                    : "The draft was not saved: " + rejected.details().size()
                            + " problem(s), shown at their fields below.";
        }
    }

    /** Step two of publishing: the preview, with the reason to give. */
    public void review() {
        clearMessages();
        if (latestDraft == null) {
            message = "Save a draft first: there is nothing newer than what is published.";
            return;
        }
        confirming = true;
    }

    public void cancelReview() {
        confirming = false;
        reason = null;
    }

    /** Step three: publishes the draft under review, with the reason, audited. */
    public void confirmPublish() {
        clearMessages();
        try {
            RulesetView done = rulesetService.publish(
                    key, selection.currentKey(), latestDraft.version(), CommandContext.of(reason, "admin_ui"));
            confirming = false;
            reason = null;
            readRulesets();
            notice = "Published v" + done.version() + " in "
                    + selection.current().name() + ".";
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = Refusals.describe(rejected);
        }
    }

    /** Step three in a protected environment: proposes the draft as a change request. */
    public void confirmChangeRequest() {
        clearMessages();
        try {
            ChangeRequestView submitted = changeRequests.submit(
                    new Proposal(
                            "publish_ruleset",
                            selection.currentKey(),
                            "flag",
                            key,
                            Map.of("version", latestDraft.version())),
                    CommandContext.of(reason, "admin_ui"));
            confirming = false;
            reason = null;
            submittedChangeRequest = submitted.id();
            notice = "Change request #" + submitted.id() + " submitted: it needs " + submitted.requiredApprovals()
                    + " approval(s) before an admin executes it.";
        } catch (CommandRejected rejected) {
            errors.addAll(rejected.details());
            message = Refusals.describe(rejected);
        }
    }

    private void clearMessages() {
        errors.clear();
        message = null;
        notice = null;
        submittedChangeRequest = null;
    }

    /** The draft against what is published, line by line. */
    public List<RulesetText.DiffLine> getDiff() {
        List<String> before = published == null ? List.of() : RulesetText.lines(published.rules());
        List<String> after = latestDraft == null ? before : RulesetText.lines(latestDraft.rules());
        return RulesetText.diff(before, after);
    }

    /** Why publishing is not a plain button here: protected environment, or the role; null when it is. */
    public String getPublishNote() {
        if (publish == null || publish.direct()) {
            return null;
        }
        if (propose.allowed()) {
            return selection.current().name()
                    + " is protected: the draft goes live once another admin approves the change request and an admin executes it.";
        }
        return publish.reason();
    }

    public boolean isDraftPending() {
        return latestDraft != null;
    }

    /** The findings of rule {@code index}'s {@code part} ({@code key}, {@code variants}, ...), or of the rule itself. */
    public String ruleError(RuleForm rule, String part) {
        String field = "rules[" + rules.indexOf(rule) + "]" + (part.isEmpty() ? "" : "." + part);
        return part.isEmpty() ? errors.at(field) : errors.under(field);
    }

    public String conditionError(RuleForm rule, ConditionForm condition) {
        return errors.under("rules[" + rules.indexOf(rule) + "].conditions["
                + rule.getConditions().indexOf(condition) + "]");
    }

    public String variantError(RuleForm rule, Object variant) {
        return errors.under("rules[" + rules.indexOf(rule) + "].variants["
                + rule.getVariants().indexOf(variant) + "]");
    }

    public List<String> getStrategies() {
        return RuleForm.STRATEGIES;
    }

    public List<String> getBucketBy() {
        return RuleForm.BUCKET_BY;
    }

    public List<String> getOperators() {
        return ConditionForm.OPERATORS;
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public List<RuleForm> getRules() {
        return rules;
    }

    public String getSalt() {
        return salt;
    }

    public void setSalt(String salt) {
        this.salt = salt;
    }

    public RulesetView getPublished() {
        return published;
    }

    public RulesetView getLatestDraft() {
        return latestDraft;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Permission getSaveDraft() {
        return saveDraft;
    }

    public Permission getPublish() {
        return publish;
    }

    public Permission getPropose() {
        return propose;
    }

    public Long getSubmittedChangeRequest() {
        return submittedChangeRequest;
    }

    public FlagView getFlag() {
        return flag;
    }

    public String getMessage() {
        return message;
    }

    public String getNotice() {
        return notice;
    }
}
