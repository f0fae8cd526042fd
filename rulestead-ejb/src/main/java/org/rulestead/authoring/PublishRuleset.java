package org.rulestead.authoring;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandRejected;
import org.rulestead.evaluation.ErrorDomain;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.flags.Flag;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagStore;
import org.rulestead.flags.Ruleset;
import org.rulestead.flags.RulesetPublished;
import org.rulestead.flags.RulesetView;
import org.rulestead.flags.SnapshotWriter;
import org.rulestead.governance.Action;
import org.rulestead.governance.GovernedAction;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.GovernedExecution;
import org.rulestead.governance.GovernedPreview;
import org.rulestead.governance.ResourceRef;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

/**
 * {@code publish_ruleset} (spec §1.4, §6.4): puts one draft in force, for good, with a new runtime
 * snapshot and its audit event in the same transaction. Its command is {@code {"version": n}},
 * the draft to publish. A kill switch stays engaged (PD-3).
 */
@Dependent
public class PublishRuleset implements GovernedAction<RulesetView> {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    private final FlagStore flags;
    private final AuditLog auditLog;
    private final Now now;
    private final SnapshotWriter snapshots;
    private final Event<RulesetPublished> published;

    @Inject
    public PublishRuleset(
            FlagStore flags, AuditLog auditLog, Now now, SnapshotWriter snapshots, Event<RulesetPublished> published) {
        this.flags = flags;
        this.auditLog = auditLog;
        this.now = now;
        this.snapshots = snapshots;
        this.published = published;
    }

    @Override
    public Action action() {
        return Action.PUBLISH_RULESET;
    }

    @Override
    public String eventType() {
        return "ruleset.publish";
    }

    @Override
    public List<Finding> validate(GovernedCommand command) {
        List<Finding> findings = new ArrayList<>();
        command.fields().keySet().stream()
                .filter(field -> !"version".equals(field))
                .sorted()
                .forEach(field -> findings.add(
                        new Finding(field, "is not a field of a publish_ruleset command (it takes version)")));
        Object version = command.fields().get("version");
        if (version == null) {
            findings.add(new Finding("version", "is required: the draft version to publish, a whole number"));
        } else if (!(version instanceof Number number
                && number.doubleValue() > 0
                && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() <= Integer.MAX_VALUE)) {
            findings.add(new Finding("version", "must be the draft version to publish, a whole number"));
        }
        return findings;
    }

    /** The draft must exist here and still be a draft. */
    @Override
    public void checkApplicable(GovernedCommand command) {
        FlagEnvironment state = flags.in(flags.changeableFlag(command.resource().key()), command.environmentKey());
        publishableDraft(state, version(command));
    }

    /** The rules in force against the draft's; {@code rules} empty where there is no such ruleset. */
    @Override
    public GovernedPreview preview(GovernedCommand command) {
        FlagEnvironment state = flags.in(flags.flag(command.resource().key()), command.environmentKey());
        Object asked = command.fields().get("version");
        Integer active = state.view().activeRulesetVersion();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("active_ruleset_version", active);
        before.put("rules", active == null ? List.of() : rulesOf(state, active));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("active_ruleset_version", asked);
        after.put("rules", asked instanceof Number version ? rulesOf(state, version.intValue()) : List.of());
        return new GovernedPreview("publish ruleset v" + asked, before, after);
    }

    private List<?> rulesOf(FlagEnvironment state, int version) {
        return flags.ruleset(state, version)
                .map(ruleset -> ruleset.view().rules())
                .orElse(List.of());
    }

    @Override
    public RulesetView apply(GovernedExecution execution) {
        execution.context().requireReason();
        String flagKey = execution.flagKey();
        String environmentKey = execution.environmentKey();
        snapshots.lock(environmentKey);
        Flag flag = flags.changeableFlag(flagKey);
        FlagEnvironment state = flags.in(flag, environmentKey);
        int version = version(execution.command());
        Ruleset draft = publishableDraft(state, version);
        Integer previous = state.view().activeRulesetVersion();
        Instant at = now.instant();
        state.publish(draft, execution.actor().id(), at);
        entityManager.flush();
        snapshots.write(environmentKey);

        Map<String, Object> metadata = new LinkedHashMap<>(execution.governance());
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
                        state.status().name().toLowerCase(java.util.Locale.ROOT)));
        metadata.put("context", execution.context().auditContext());
        auditLog.record(AuditRecord.ofChange(
                eventType(),
                ResourceRef.flag(flagKey),
                environmentKey,
                execution.actor(),
                execution.context(),
                metadata));
        published.fire(new RulesetPublished(
                flagKey, environmentKey, version, execution.context().correlationId()));
        return draft.view();
    }

    private static int version(GovernedCommand command) {
        return ((Number) command.fields().get("version")).intValue();
    }

    /**
     * The draft {@code version} of the flag in the environment, ready to publish: 422 {@code
     * ruleset_not_found} at {@code version} when there is no such ruleset, 409 {@code
     * ruleset_not_publishable} when it is published already.
     */
    private Ruleset publishableDraft(FlagEnvironment state, int version) {
        Ruleset ruleset = flags.ruleset(state, version)
                .orElseThrow(() -> new CommandRejected.Invalid(
                        ErrorDomain.RULESET,
                        ErrorType.RULESET_NOT_FOUND,
                        "ruleset was not found",
                        List.of(new Finding(
                                "version",
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
}
