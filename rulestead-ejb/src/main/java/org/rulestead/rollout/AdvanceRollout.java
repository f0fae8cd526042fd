package org.rulestead.rollout;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rulestead.audit.AuditDiff;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagStore;
import org.rulestead.flags.Ruleset;
import org.rulestead.flags.SnapshotWriter;
import org.rulestead.governance.Action;
import org.rulestead.governance.GovernedAction;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.GovernedExecution;
import org.rulestead.governance.GovernedPreview;
import org.rulestead.governance.ResourceRef;
import org.rulestead.guardrail.GuardrailQuery;
import org.rulestead.guardrail.SignalFacts;
import org.rulestead.guardrail.SignalReport;
import org.rulestead.json.JsonTrees;
import org.rulestead.ruleset.Guardrail;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.Variant;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

/**
 * {@code advance_rollout} (spec §5.2): moves one rollout rule to a stage, in one transaction: a
 * new published ruleset with only that rule's percentage changed, a runtime snapshot, the stage's
 * guardrail decision (pending data until its facts come in) and the audit event. Governed like a
 * publish: in a protected environment it goes through a change request. A kill switch stays
 * engaged (PD-3).
 */
@Dependent
public class AdvanceRollout implements GovernedAction<RolloutAdvanced> {

    static final Set<String> FIELDS = Set.of(
            "rule_key",
            "stage",
            "percentage",
            "monitoring_window_started_at",
            "monitoring_window_ends_at",
            "signal_facts");

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    private final FlagStore flags;
    private final AuditLog auditLog;
    private final Now now;
    private final SnapshotWriter snapshots;
    private final AutoAdvanceTicks ticks;

    @Inject
    public AdvanceRollout(
            FlagStore flags, AuditLog auditLog, Now now, SnapshotWriter snapshots, AutoAdvanceTicks ticks) {
        this.flags = flags;
        this.auditLog = auditLog;
        this.now = now;
        this.snapshots = snapshots;
        this.ticks = ticks;
    }

    @Override
    public Action action() {
        return Action.ADVANCE_ROLLOUT;
    }

    @Override
    public String eventType() {
        return "rollout.advance";
    }

    @Override
    public List<Finding> validate(GovernedCommand command) {
        Map<String, Object> fields = command.fields();
        List<Finding> findings = new ArrayList<>();
        fields.keySet().stream()
                .filter(field -> !FIELDS.contains(field))
                .sorted()
                .forEach(field -> findings.add(new Finding(
                        field,
                        "is not a field of an advance_rollout command (it takes rule_key, stage, percentage,"
                                + " monitoring_window_started_at, monitoring_window_ends_at, signal_facts)")));
        if (fields.get("rule_key") != null && !(fields.get("rule_key") instanceof String)) {
            findings.add(new Finding("rule_key", "must be the key of a rollout rule"));
        }
        if (!(fields.get("stage") instanceof String stage) || stage.isBlank() || stage.length() > 255) {
            findings.add(
                    new Finding("stage", "is required: the stage's label, e.g. canary-50 (at most 255 characters)"));
        }
        if (percentage(fields.get("percentage")) == null) {
            findings.add(new Finding("percentage", "is required: a whole number from 0 to 100"));
        }
        Instant started = time(fields, "monitoring_window_started_at", findings);
        Instant ends = time(fields, "monitoring_window_ends_at", findings);
        if (started != null && ends != null && !ends.isAfter(started)) {
            findings.add(new Finding("monitoring_window_ends_at", "must be after monitoring_window_started_at"));
        }
        Object facts = fields.get("signal_facts");
        if (facts != null) {
            if (!(facts instanceof List<?> list)) {
                findings.add(new Finding("signal_facts", "must be a list of signal facts"));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    if (!(list.get(i) instanceof Map<?, ?> fact)
                            || !(fact.get("signal_key") instanceof String key)
                            || key.isBlank()) {
                        findings.add(new Finding("signal_facts[" + i + "].signal_key", "is required"));
                    }
                }
            }
        }
        return findings;
    }

    /** The flag must serve a ruleset here, with the rollout rule the command names. */
    @Override
    public void checkApplicable(GovernedCommand command) {
        FlagEnvironment state = flags.in(flags.changeableFlag(command.resource().key()), command.environmentKey());
        ruleOf(state, inForce(state, command), command);
    }

    @Override
    public GovernedPreview preview(GovernedCommand command) {
        FlagEnvironment state = flags.in(flags.flag(command.resource().key()), command.environmentKey());
        Object percentage = command.fields().get("percentage");
        Object stage = command.fields().get("stage");
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        String ruleKey = String.valueOf(command.fields().get("rule_key"));
        try {
            Ruleset active = inForce(state, command);
            Rule rule = ruleOf(state, active, command);
            ruleKey = rule.key();
            before.put("active_ruleset_version", active.rulesetVersion());
            before.put("percentage", RolloutRules.rolloutOf(rule).orElseThrow().percentage());
        } catch (CommandRejected.Conflict conflict) {
            before.put("rollout", conflict.getMessage());
        }
        after.put("stage", stage);
        after.put("percentage", percentage);
        return new GovernedPreview(
                "advance rollout " + ruleKey + " to " + stage + " (" + percentage + "%)", before, after);
    }

    @Override
    public RolloutAdvanced apply(GovernedExecution execution) {
        execution.context().requireReason();
        GovernedCommand command = execution.command();
        String flagKey = execution.flagKey();
        String environmentKey = execution.environmentKey();
        snapshots.lock(environmentKey);
        FlagEnvironment state = flags.in(flags.changeableFlag(flagKey), environmentKey);
        Ruleset active = inForce(state, command);
        Rule rule = ruleOf(state, active, command);
        int percentage = percentage(command.fields().get("percentage"));
        Number previousPercentage = RolloutRules.rolloutOf(rule).orElseThrow().percentage();
        org.rulestead.ruleset.Ruleset advanced = RolloutRules.withPercentage(active.authored(), rule.key(), percentage);
        Instant at = now.instant();
        Ruleset published = state.publishNew(advanced, execution.actor().id(), at);
        entityManager.flush();
        long snapshot = snapshots.write(environmentKey);

        StageAdvance advance = new StageAdvance(
                flagKey,
                environmentKey,
                rule.key(),
                ((String) command.fields().get("stage")).trim(),
                percentage,
                time(command.fields(), "monitoring_window_started_at", new ArrayList<>()),
                time(command.fields(), "monitoring_window_ends_at", new ArrayList<>()),
                normalized(rule, environmentKey, command.fields().get("signal_facts"), at),
                null,
                RolloutRules.rolloutOf(rule).orElseThrow().salt(),
                variantFingerprint(rule),
                execution.context().correlationId());
        GuardrailDecisionRecord decision =
                GuardrailDecisionRecord.advance(advance, RolloutRules.snapshotOf(published), at);
        entityManager.persist(decision);
        entityManager.flush();
        Map<String, Object> tick = ticks.afterAdvance(advance, runningExecution(execution), execution.context());

        List<String> keys = advanced.rules().stream().map(Rule::key).toList();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("active_ruleset_version", active.rulesetVersion());
        before.put("percentage", previousPercentage);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("active_ruleset_version", published.rulesetVersion());
        after.put("percentage", percentage);
        after.put("stage", advance.stage());
        Map<String, Object> metadata = new LinkedHashMap<>(execution.governance());
        metadata.put("rule_key", rule.key());
        metadata.put("stage", advance.stage());
        metadata.put("before", before);
        metadata.put("after", after);
        metadata.put("diff", AuditDiff.ofRules(keys, keys));
        metadata.put("links", Map.of("guardrail_decision_id", decision.id()));
        metadata.put("auto_advance", tick);
        if (advance.windowEndsAt() != null) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put(
                    "started_at",
                    advance.windowStartedAt() == null
                            ? null
                            : advance.windowStartedAt().toString());
            window.put("ends_at", advance.windowEndsAt().toString());
            metadata.put("monitoring_window", window);
        }
        metadata.put("snapshot_version", snapshot);
        metadata.put("context", execution.context().auditContext());
        auditLog.record(AuditRecord.ofChange(
                eventType(),
                ResourceRef.flag(flagKey),
                environmentKey,
                execution.actor(),
                execution.context(),
                metadata));
        return new RolloutAdvanced(
                flagKey, environmentKey, rule.key(), advance.stage(), published.rulesetVersion(), decision.toMap());
    }

    /** The scheduled execution applying this advance, if one is: its own tick is not superseded by it. */
    private static Long runningExecution(GovernedExecution execution) {
        Object id = execution.governance().get("scheduled_execution_id");
        return id == null ? null : Long.valueOf(String.valueOf(id));
    }

    private Ruleset inForce(FlagEnvironment state, GovernedCommand command) {
        return flags.inForce(state).orElseThrow(() -> conflict(command));
    }

    private static Rule ruleOf(FlagEnvironment state, Ruleset active, GovernedCommand command) {
        return RolloutRules.resolve(active.authored(), ruleKey(command)).orElseThrow(() -> conflict(command));
    }

    private static CommandRejected conflict(GovernedCommand command) {
        return RolloutRules.conflict(command.resource().key(), command.environmentKey(), ruleKey(command));
    }

    private static String ruleKey(GovernedCommand command) {
        return command.fields().get("rule_key") instanceof String ruleKey ? ruleKey : null;
    }

    /** A whole number from 0 to 100, or null. */
    static Integer percentage(Object value) {
        if (value instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() >= 0
                && number.doubleValue() <= 100) {
            return number.intValue();
        }
        return null;
    }

    private static Instant time(Map<String, Object> fields, String field, List<Finding> findings) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException notATime) {
                // reported below
            }
        }
        findings.add(new Finding(field, "must be an ISO-8601 instant, e.g. 2026-12-04T12:00:00Z"));
        return null;
    }

    /**
     * The facts an advance came with, normalized (spec §5.3) against the rule's guardrail of the
     * same signal, or against the signal alone where the rule has none for it.
     */
    private static List<Map<String, Object>> normalized(Rule rule, String environmentKey, Object value, Instant at) {
        List<Map<String, Object>> facts = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            return facts;
        }
        List<Guardrail> guardrails = RolloutRules.rolloutOf(rule).orElseThrow().guardrails();
        for (Object item : list) {
            Map<String, Object> fact = new LinkedHashMap<>();
            ((Map<?, ?>) item).forEach((name, field) -> fact.put(String.valueOf(name), field));
            String signalKey = (String) fact.get("signal_key");
            GuardrailQuery query = guardrails.stream()
                    .filter(guardrail -> guardrail.signalKey().equals(signalKey))
                    .findFirst()
                    .map(guardrail -> GuardrailQuery.of(guardrail, environmentKey, null))
                    .orElseGet(() -> new GuardrailQuery(
                            signalKey, environmentKey, null, null, null, null, null, null, null, Map.of()));
            facts.add(SignalFacts.normalize(query, new SignalReport.Reported(fact), at)
                    .toMap());
        }
        return facts;
    }

    /** The JSON text of the rule's variants, {@code [{key, weight, value}]} (spec §1), {@code []} without. */
    private static String variantFingerprint(Rule rule) {
        List<Variant> variants = rule instanceof Rule.VariantSplit split ? split.variants() : List.of();
        List<Map<String, Object>> fingerprint = new ArrayList<>();
        for (Variant variant : variants) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", variant.key());
            entry.put("weight", variant.weight());
            entry.put("value", variant.value().value());
            fingerprint.add(entry);
        }
        return JsonTrees.write(fingerprint);
    }
}
