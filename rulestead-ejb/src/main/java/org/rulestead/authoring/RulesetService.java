package org.rulestead.authoring;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditOutcome;
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
import org.rulestead.governance.ResourceRef;
import org.rulestead.runtime.SnapshotWriter;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;
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
    private SnapshotWriter snapshots;

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
        String salt = draft.get("salt") instanceof String text && !text.isBlank() ? text.trim() : null;
        List<?> rules = draft.get("rules") instanceof List<?> list ? list : List.of();
        Ruleset saved = state.saveDraft(salt, rules, actor.id(), now.instant());
        entityManager.flush();

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", saved.rulesetVersion());
        metadata.put("after", Map.of("version", saved.rulesetVersion(), "rules", ruleKeys(rules)));
        metadata.put("context", context.auditContext());
        audit("ruleset.save_draft", flagKey, environmentKey, actor, context, metadata);
        return saved.view();
    }

    /**
     * Publishes draft {@code version}: governed (spec §6.4), so in a protected environment it is
     * refused with {@code change_request_required}. A kill switch stays engaged (PD-3). No version,
     * or one that is no ruleset here, is 422; a version that is no longer a draft, 409.
     */
    public RulesetView publish(String flagKey, String environmentKey, Integer version, CommandContext context) {
        Actor actor = authorization.requireDirect(
                Action.PUBLISH_RULESET,
                ResourceRef.flag(flagKey),
                environmentKey,
                new Attempt("ruleset.publish", context));
        if (version == null || version <= 0) {
            throw CommandRejected.invalid(
                    "the publish command is invalid",
                    List.of(new Finding("version", "is required: the draft version to publish, a whole number")));
        }
        return publishAs(actor, flagKey, environmentKey, version, context, Map.of());
    }

    /**
     * The draft {@code version} of the flag in the environment, ready to publish: 422 {@code
     * ruleset_not_found} when there is no such ruleset (at {@code field} of the command), 409
     * {@code ruleset_not_publishable} when it is published already. For a publish, and for a
     * change request proposing one, which is refused at submit rather than approved in vain.
     */
    public Ruleset publishableDraft(FlagEnvironment state, int version, String field) {
        Ruleset ruleset = state.ruleset(version)
                .orElseThrow(() -> new CommandRejected.Invalid(
                        ErrorDomain.RULESET,
                        ErrorType.RULESET_NOT_FOUND,
                        "ruleset was not found",
                        List.of(new Finding(
                                field,
                                "is no ruleset of flag " + state.flagKey() + " in " + state.environmentKey()
                                        + " (its newest is version "
                                        + state.view().latestRulesetVersion() + ")"))));
        if (!ruleset.isDraft()) {
            throw new CommandRejected.Conflict(
                    ErrorDomain.RULESET,
                    ErrorType.INVALID_COMMAND,
                    "ruleset_not_publishable",
                    Map.of("flag_key", state.flagKey(), "environment_key", state.environmentKey(), "version", version));
        }
        return ruleset;
    }

    /**
     * Publishes as {@code actor} without asking governance again: for a change request's execution,
     * whose approvals are the governance.
     */
    public RulesetView publishAs(
            Actor actor,
            String flagKey,
            String environmentKey,
            int version,
            CommandContext context,
            Map<String, Object> governance) {
        FlagStore.requireReason(context.reason());
        snapshots.lock(environmentKey);
        Flag flag = flags.changeableFlag(flagKey);
        FlagEnvironment state = flags.in(flag, environmentKey);
        Ruleset draft = publishableDraft(state, version, "version");
        Integer previous = state.view().activeRulesetVersion();
        List<?> previousRules = previous == null
                ? List.of()
                : state.ruleset(previous).map(ruleset -> ruleset.view().rules()).orElse(List.of());
        Instant at = now.instant();
        state.publish(draft, actor.id(), at);
        entityManager.flush();
        long snapshot = snapshots.write(environmentKey);

        Map<String, Object> metadata = new LinkedHashMap<>(governance);
        metadata.put("version", version);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("active_ruleset_version", previous);
        metadata.put("before", before);
        metadata.put(
                "after",
                Map.of(
                        "active_ruleset_version",
                        version,
                        "status",
                        state.status().name().toLowerCase()));
        metadata.put("context", context.auditContext());
        audit("ruleset.publish", flagKey, environmentKey, actor, context, metadata);
        return draft.view();
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
        return flags.in(flags.flag(flagKey), environmentKey)
                .ruleset(version)
                .map(Ruleset::view)
                .orElseThrow(() -> new CommandRejected.NotFound(
                        ErrorDomain.RULESET,
                        ErrorType.RULESET_NOT_FOUND,
                        "ruleset was not found",
                        Map.of("flag_key", flagKey, "environment_key", environmentKey, "version", version)));
    }

    private void audit(
            String eventType,
            String flagKey,
            String environmentKey,
            Actor actor,
            CommandContext context,
            Map<String, Object> metadata) {
        auditLog.record(new AuditRecord(
                eventType,
                "flag",
                flagKey,
                environmentKey,
                actor,
                context.reason(),
                AuditOutcome.OK,
                metadata,
                context.correlationId()));
    }

    private static List<Object> ruleKeys(List<?> rules) {
        return rules.stream()
                .<Object>map(rule -> rule instanceof Map<?, ?> map ? map.get("key") : null)
                .toList();
    }
}
