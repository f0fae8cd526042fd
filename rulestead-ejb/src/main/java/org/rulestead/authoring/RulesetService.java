package org.rulestead.authoring;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rulestead.audit.AuditDiff;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.command.ReadVersion;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.flags.Flag;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagStore;
import org.rulestead.flags.Ruleset;
import org.rulestead.flags.RulesetView;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.ResourceRef;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.RulesetCodec;
import org.rulestead.time.Now;
import org.rulestead.validation.RulesetValidation;
import org.rulestead.validation.RulesetValidator;

/**
 * Drafts and publishes rulesets (spec §1.4). A draft is validated by the engine's authoring rules
 * and numbered; publishing puts one draft in force, for good. Each change and its audit event
 * commit together.
 */
@Stateless
public class RulesetService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private FlagStore flags;

    @Inject
    private AuditLog auditLog;

    @Inject
    private Now now;

    @Inject
    private GovernanceGate gate;

    @Inject
    private PublishRuleset publishRuleset;

    /**
     * Saves {@code {"salt", "rules"}} as the next draft of the flag in the environment. {@code read}
     * is the ruleset version the draft was edited from, as the caller read it (the newest ruleset
     * here, draft or published; 0 before the first): required, and a draft saved since makes it
     * stale, 409 (decisions 17).
     */
    public RulesetView saveDraft(
            String flagKey,
            String environmentKey,
            Map<String, Object> draft,
            ReadVersion read,
            CommandContext context) {
        Actor actor = authorization.require(
                Action.SAVE_DRAFT,
                ResourceRef.flag(flagKey),
                environmentKey,
                new Attempt("ruleset.save_draft", context));
        Flag flag = flags.changeableFlag(flagKey);
        FlagEnvironment state = flags.in(flag, environmentKey);
        read.check(
                state.view().latestRulesetVersion(),
                "draft",
                Map.of("flag_key", flagKey, "environment_key", environmentKey));
        // audiences arrive with their own feature; until then no rule can refer to one
        RulesetValidation validation =
                RulesetValidator.validate(draft, flag.definition().valueType(), Set.of());
        if (!validation.valid()) {
            throw new CommandRejected.Invalid(
                    ErrorDomain.RULESET, validation.errorType(), validation.message(), validation.findings());
        }
        org.rulestead.ruleset.Ruleset authored = RulesetCodec.read(draft);
        Integer previous =
                state.view().latestRulesetVersion() == 0 ? null : state.view().latestRulesetVersion();
        List<String> beforeKeys = previous == null
                ? List.of()
                : flags.ruleset(state, previous).map(Ruleset::ruleKeys).orElse(List.of());
        Ruleset saved = state.saveDraft(withTrimmedSalt(authored), actor.id(), now.instant());
        entityManager.flush();

        List<String> afterKeys = authored.rules().stream().map(Rule::key).toList();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", saved.rulesetVersion());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("version", previous);
        before.put("rules", beforeKeys);
        metadata.put("before", before);
        metadata.put("after", Map.of("version", saved.rulesetVersion(), "rules", afterKeys));
        metadata.put("diff", AuditDiff.ofRules(beforeKeys, afterKeys));
        metadata.put("context", context.auditContext());
        audit("ruleset.save_draft", flagKey, environmentKey, actor, context, metadata);
        return saved.view();
    }

    /**
     * Publishes draft {@code version} through the governance gate (spec §6.4): in a protected
     * environment it is refused with {@code change_request_required}. A kill switch stays engaged
     * (PD-3). No version, or one that is no ruleset here, is 422; one no longer a draft, 409.
     */
    public RulesetView publish(String flagKey, String environmentKey, Integer version, CommandContext context) {
        return gate.direct(
                publishRuleset,
                GovernedCommand.onFlag(
                        Action.PUBLISH_RULESET,
                        flagKey,
                        environmentKey,
                        version == null ? Map.of() : Map.of("version", version)),
                context);
    }

    /** Every ruleset of the flag in the environment, oldest first. */
    public List<RulesetView> history(String flagKey, String environmentKey) {
        authorization.require(Action.READ_RULESETS, ResourceRef.flag(flagKey), environmentKey);
        return flags.in(flags.flag(flagKey), environmentKey).rulesets().stream()
                .map(Ruleset::view)
                .toList();
    }

    /** One ruleset version, or 404 {@code ruleset_not_found}. */
    public RulesetView version(String flagKey, String environmentKey, int version) {
        authorization.require(Action.READ_RULESETS, ResourceRef.flag(flagKey), environmentKey);
        return flags.ruleset(flags.in(flags.flag(flagKey), environmentKey), version)
                .map(Ruleset::view)
                .orElseThrow(() -> new CommandRejected.NotFound(
                        ErrorDomain.RULESET,
                        ErrorType.RULESET_NOT_FOUND,
                        "ruleset was not found",
                        Map.of("flag_key", flagKey, "environment_key", environmentKey, "version", version)));
    }

    /**
     * What the rules editor starts from: the ruleset in force, the newest draft after it, and the
     * newest version, each read by its number (the newest ruleset is the newest draft when it is
     * a draft, since versions only grow and one newer than the one in force is unpublished).
     */
    public RulesetWorkbench workbench(String flagKey, String environmentKey) {
        authorization.require(Action.READ_RULESETS, ResourceRef.flag(flagKey), environmentKey);
        FlagEnvironment state = flags.in(flags.flag(flagKey), environmentKey);
        Integer active = state.view().activeRulesetVersion();
        int latest = state.view().latestRulesetVersion();
        RulesetView published = active == null
                ? null
                : flags.ruleset(state, active).map(Ruleset::view).orElse(null);
        RulesetView newest = latest == 0
                ? null
                : flags.ruleset(state, latest).map(Ruleset::view).orElse(null);
        RulesetView draft = newest != null && newest.status() == Ruleset.Status.DRAFT ? newest : null;
        return new RulesetWorkbench(published, draft, latest);
    }

    private void audit(
            String eventType,
            String flagKey,
            String environmentKey,
            Actor actor,
            CommandContext context,
            Map<String, Object> metadata) {
        auditLog.record(
                AuditRecord.ofChange(eventType, ResourceRef.flag(flagKey), environmentKey, actor, context, metadata));
    }

    /** The ruleset-level salt is kept trimmed, and none when blank. */
    private static org.rulestead.ruleset.Ruleset withTrimmedSalt(org.rulestead.ruleset.Ruleset authored) {
        String salt = authored.salt() == null || authored.salt().isBlank()
                ? null
                : authored.salt().trim();
        return new org.rulestead.ruleset.Ruleset(salt, authored.rules(), authored.extras());
    }
}
