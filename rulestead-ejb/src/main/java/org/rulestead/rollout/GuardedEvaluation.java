package org.rulestead.rollout;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagStore;
import org.rulestead.flags.Ruleset;
import org.rulestead.flags.RulesetPublished;
import org.rulestead.flags.SnapshotWriter;
import org.rulestead.governance.Actor;
import org.rulestead.governance.ResourceRef;
import org.rulestead.guardrail.ActionType;
import org.rulestead.guardrail.DecisionState;
import org.rulestead.guardrail.GuardrailDecision;
import org.rulestead.guardrail.SignalFact;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.RulesetCodec;
import org.rulestead.time.Now;

/**
 * Evaluates a guarded rollout stage now (spec §5.5): the newest pushed fact of each of the rule's
 * guardrails, normalized now, classified (§5.4) against the stage's observation window, and acted
 * on: a healthy stage whose window has closed becomes a stable target; a breach rolls the rule
 * back to the last stable target (salt and variants unchanged, compared null-safely, PD-7), or
 * holds with {@code stable_target_missing} when there is none. Every outcome is a decision row and
 * an audit event with the deciding fact in {@code metadata.guardrail}; a dry run writes neither.
 */
@Dependent
public class GuardedEvaluation {

    /** How many healthy decisions, newest first, a rollback looks through for one on the same buckets. */
    private static final int STABLE_TARGET_CANDIDATES = 50;

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    private final FlagStore flags;
    private final AuditLog auditLog;
    private final Now now;
    private final SnapshotWriter snapshots;
    private final SignalSources signals;
    private final GuardrailDecisions decisions;
    private final Event<RulesetPublished> publishedEvents;

    @Inject
    public GuardedEvaluation(
            FlagStore flags,
            AuditLog auditLog,
            Now now,
            SnapshotWriter snapshots,
            SignalSources signals,
            GuardrailDecisions decisions,
            Event<RulesetPublished> publishedEvents) {
        this.flags = flags;
        this.auditLog = auditLog;
        this.now = now;
        this.snapshots = snapshots;
        this.signals = signals;
        this.decisions = decisions;
        this.publishedEvents = publishedEvents;
    }

    RolloutEvaluated evaluate(
            Actor actor,
            String flagKey,
            String environmentKey,
            String ruleKey,
            String stage,
            boolean dryRun,
            CommandContext context) {
        if (!dryRun) {
            snapshots.lock(environmentKey);
        }
        FlagEnvironment state = flags.in(dryRun ? flags.flag(flagKey) : flags.changeableFlag(flagKey), environmentKey);
        Ruleset inForce =
                flags.inForce(state).orElseThrow(() -> RolloutRules.conflict(flagKey, environmentKey, ruleKey));
        Rule rule = RolloutRules.resolve(inForce.authored(), ruleKey)
                .orElseThrow(() -> RolloutRules.conflict(flagKey, environmentKey, ruleKey));
        GuardrailDecisionRecord advance = decisions
                .latestAdvance(flagKey, environmentKey, rule.key())
                .filter(found -> stage == null || found.stage().equals(stage))
                .orElseThrow(() -> RolloutRules.conflict(flagKey, environmentKey, ruleKey));
        Instant at = now.instant();
        List<SignalFact> facts = signals.facts(flagKey, environmentKey, rule, advance.tenantKey(), at);
        GuardrailDecision decided = GuardrailDecision.classify(
                facts.stream().map(SignalFact::reason).toList(), at, advance.windowEndsAt());
        boolean closed = advance.windowEndsAt() != null && !at.isBefore(advance.windowEndsAt());
        List<Map<String, Object>> factMaps =
                facts.stream().map(SignalFact::toMap).toList();
        Outcome outcome = outcome(decided, closed, advance, inForce, context.correlationId());

        int activeVersion = inForce.rulesetVersion();
        GuardrailDecisionRecord record = advance.next(
                outcome.state(),
                outcome.action(),
                outcome.reason(),
                factMaps,
                outcome.action() == ActionType.ROLLBACK || outcome.stable() ? RolloutRules.snapshotOf(inForce) : null,
                outcome.target() == null ? null : outcome.target().authoredSnapshot(),
                context.correlationId(),
                at);
        String explanation = explain(outcome, advance, facts, at);
        if (dryRun) {
            return new RolloutEvaluated(summary(record, null), activeVersion, explanation, true);
        }
        Long snapshot = null;
        if (outcome.action() == ActionType.ROLLBACK) {
            Map<String, Object> target = outcome.target().authoredSnapshot();
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("salt", target.get("salt"));
            document.put("rules", target.get("rules"));
            Ruleset published = state.publishNew(RulesetCodec.read(document), actor.id(), at);
            entityManager.flush();
            snapshot = snapshots.write(environmentKey);
            activeVersion = published.rulesetVersion();
            // the rules pending ticks watched are no longer in force
            publishedEvents.fire(new RulesetPublished(flagKey, environmentKey, activeVersion, context.correlationId()));
        }
        entityManager.persist(record);
        entityManager.flush();
        audit(
                actor,
                context,
                flagKey,
                environmentKey,
                rule,
                record,
                outcome,
                inForce,
                activeVersion,
                snapshot,
                factMaps,
                explanation);
        return new RolloutEvaluated(summary(record, record.id()), activeVersion, explanation, false);
    }

    /** The decision and what it does: a breach without a stable target holds (spec §5.5). */
    private Outcome outcome(
            GuardrailDecision decided,
            boolean closed,
            GuardrailDecisionRecord advance,
            Ruleset inForce,
            String correlationId) {
        return switch (decided.state()) {
            case HEALTHY -> new Outcome(DecisionState.HEALTHY, ActionType.EVALUATE, decided.reason(), closed, null);
            case PENDING_DATA -> new Outcome(
                    DecisionState.PENDING_DATA, ActionType.EVALUATE, decided.reason(), false, null);
            case HELD -> new Outcome(DecisionState.HELD, ActionType.HOLD, decided.reason(), false, null);
            case ROLLBACK_TRIGGERED -> stableTarget(advance, correlationId)
                    .map(target -> new Outcome(
                            DecisionState.ROLLBACK_TRIGGERED, ActionType.ROLLBACK, decided.reason(), false, target))
                    .orElseGet(() ->
                            new Outcome(DecisionState.HELD, ActionType.HOLD, "stable_target_missing", false, null));
        };
    }

    private record Outcome(
            DecisionState state, ActionType action, String reason, boolean stable, GuardrailDecisionRecord target) {

        String eventType() {
            return switch (action) {
                case ROLLBACK -> "rollout.guardrail_rollback";
                case HOLD -> "rollout.guardrail_held";
                default -> "rollout.guardrail_evaluated";
            };
        }
    }

    /**
     * The latest healthy decision of the rule that kept the ruleset it saw, on the same salt and
     * variants as this stage, from another workflow than this evaluation (spec §5.5, PD-7).
     */
    private Optional<GuardrailDecisionRecord> stableTarget(GuardrailDecisionRecord advance, String correlationId) {
        return entityManager
                .createNamedQuery("GuardrailDecisionRecord.healthyWithSnapshot", GuardrailDecisionRecord.class)
                .setParameter("flag", advance.flagKey())
                .setParameter("environment", advance.environmentKey())
                .setParameter("rule", advance.ruleKey())
                .setParameter("correlation", correlationId)
                .setMaxResults(STABLE_TARGET_CANDIDATES)
                .getResultList()
                .stream()
                .filter(candidate -> candidate.sameBucketsAs(advance))
                .findFirst();
    }

    private static Map<String, Object> summary(GuardrailDecisionRecord record, Long id) {
        Map<String, Object> decision = new LinkedHashMap<>(record.fields());
        decision.put("id", id);
        return decision;
    }

    private void audit(
            Actor actor,
            CommandContext context,
            String flagKey,
            String environmentKey,
            Rule rule,
            GuardrailDecisionRecord record,
            Outcome outcome,
            Ruleset inForce,
            int activeVersion,
            Long snapshot,
            List<Map<String, Object>> facts,
            String explanation) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("rule_key", rule.key());
        metadata.put("stage", record.stage());
        metadata.put("decision_state", outcome.state().wireName());
        metadata.put("decision_reason", outcome.reason());
        metadata.put("action_type", outcome.action().wireName());
        metadata.put("explanation", explanation);
        metadata.put("guardrail", facts.isEmpty() ? null : facts.get(0));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("guardrail_decision_id", record.id());
        if (outcome.target() != null) {
            links.put("stable_guardrail_decision_id", outcome.target().id());
        }
        metadata.put("links", links);
        metadata.put("before", Map.of("active_ruleset_version", inForce.rulesetVersion()));
        metadata.put("after", Map.of("active_ruleset_version", activeVersion));
        if (snapshot != null) {
            metadata.put("snapshot_version", snapshot);
        }
        metadata.put("context", context.auditContext());
        auditLog.record(AuditRecord.ofChange(
                outcome.eventType(), ResourceRef.flag(flagKey), environmentKey, actor, context, metadata));
    }

    /** One plain sentence: what was decided at which stage, and the fact that decided it. */
    private static String explain(
            Outcome outcome, GuardrailDecisionRecord advance, List<SignalFact> facts, Instant at) {
        String stage = advance.stage();
        String window =
                advance.windowEndsAt() == null ? "" : advance.windowEndsAt().toString();
        Optional<SignalFact> deciding = facts.stream()
                .filter(fact -> fact.reason().wireName().equals(deciding(outcome)))
                .findFirst();
        String why = deciding.map(fact -> FactSentences.describe(fact, at)).orElse("");
        return switch (outcome.action()) {
            case ROLLBACK -> "Rolled back from " + stage + " to the rules of "
                    + outcome.target().stage() + ": " + why + ".";
            case HOLD -> "stable_target_missing".equals(outcome.reason())
                    ? "Held at " + stage + ": " + why + ", and there is no stable stage to roll back to."
                    : "Held at " + stage + ": " + (why.isEmpty() ? FactSentences.words(outcome.reason()) : why) + ".";
            default -> outcome.state() == DecisionState.HEALTHY
                    ? (outcome.stable()
                            ? "Healthy at " + stage + ": every guardrail passed and the window closed; " + stage
                                    + " is now a stable stage."
                            : "Healthy at " + stage + " so far: every guardrail passes; the window closes at " + window
                                    + ".")
                    : "Waiting at " + stage + ": "
                            + (why.isEmpty() ? FactSentences.words(outcome.reason()) : why)
                            + (window.isEmpty() ? "." : "; the window closes at " + window + ".");
        };
    }

    private static String deciding(Outcome outcome) {
        return "stable_target_missing".equals(outcome.reason()) ? "breached" : outcome.reason();
    }
}
