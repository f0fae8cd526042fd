package org.rulestead.rollout;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.audit.AuditDiff;
import org.rulestead.audit.AuditLog;
import org.rulestead.audit.AuditRecord;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.evaluation.Bucketing;
import org.rulestead.flags.FlagEnvironment;
import org.rulestead.flags.FlagStore;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Attempt;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.ResourceRef;
import org.rulestead.guardrail.GuardrailQuery;
import org.rulestead.guardrail.SignalFacts;
import org.rulestead.guardrail.SignalReport;
import org.rulestead.ruleset.Guardrail;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.RulesetCodec;
import org.rulestead.time.Now;
import org.rulestead.validation.Finding;

/**
 * Guarded rollouts of a flag in an environment (spec §5), for the signed-in operator: what each
 * rollout rule stands at; advancing one to a stage (through the governance gate); the signal facts
 * hosts push; evaluating a stage on them; and the rule's auto-advance policy.
 */
@Stateless
public class RolloutService {

    @PersistenceContext(unitName = "rulestead")
    private EntityManager entityManager;

    @Inject
    private Authorization authorization;

    @Inject
    private FlagStore flags;

    @Inject
    private GovernanceGate gate;

    @Inject
    private AdvanceRollout advanceRollout;

    @Inject
    private Now now;

    @Inject
    private GuardedEvaluation guardedEvaluation;

    @Inject
    private AuditLog auditLog;

    @Inject
    private AutoAdvanceTicks ticks;

    @Inject
    private AutoAdvanceTick autoAdvanceTick;

    @Inject
    private GuardrailDecisions decisions;

    /**
     * Advances a rollout rule (spec §5.2): {@code command} holds {@code rule_key} (optional when
     * the ruleset has one rollout rule), {@code stage}, {@code percentage}, the monitoring window
     * and signal facts. In a protected environment, 403 {@code change_request_required}.
     */
    public RolloutAdvanced advance(
            String flagKey, String environmentKey, Map<String, Object> command, CommandContext context) {
        return gate.direct(
                advanceRollout,
                GovernedCommand.onFlag(Action.ADVANCE_ROLLOUT, flagKey, environmentKey, command),
                context);
    }

    /**
     * Stores a signal fact a host pushed for a guardrail of rule {@code ruleKey} (spec §5.3) and
     * answers it normalized now. Facts are observations, not changes: they are kept with who
     * reported them, and the decisions taken on them are audited. Needs the capability to advance
     * the rollout, since a breach it reports can roll it back.
     */
    public Map<String, Object> reportSignal(
            String flagKey, String environmentKey, String ruleKey, Map<String, Object> fields, CommandContext context) {
        Actor actor = authorization.require(
                Action.ADVANCE_ROLLOUT,
                ResourceRef.flag(flagKey),
                environmentKey,
                new Attempt("rollout.signal_reported", context));
        FlagEnvironment state = flags.in(flags.flag(flagKey), environmentKey);
        Rule rule = ruleInForce(state, flagKey, environmentKey, ruleKey);
        List<Guardrail> guardrails = RolloutRules.rolloutOf(rule).orElseThrow().guardrails();
        List<Finding> findings = SignalReports.findings(fields, ruleKey, guardrails);
        if (!findings.isEmpty()) {
            throw CommandRejected.invalid("the signal fact is invalid", findings);
        }
        Instant at = now.instant();
        Map<String, Object> reported = new LinkedHashMap<>(fields);
        Instant captured = fields.get("captured_at") == null ? at : SignalFacts.instant(fields.get("captured_at"));
        reported.put("captured_at", captured.toString());
        GuardrailSignal signal =
                new GuardrailSignal(flagKey, environmentKey, ruleKey, reported, captured, at, actor.id());
        entityManager.persist(signal);
        entityManager.flush();
        Guardrail guardrail = SignalReports.guardrail(guardrails, (String) fields.get("signal_key"))
                .orElseThrow();
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("id", signal.id());
        fact.put("rule_key", ruleKey);
        fact.putAll(SignalFacts.normalize(
                        GuardrailQuery.of(guardrail, environmentKey, signal.tenantKey()),
                        new SignalReport.Reported(reported),
                        at)
                .toMap());
        return fact;
    }

    /**
     * Evaluates rule {@code ruleKey}'s stage now (spec §5.5): {@code command} may name the
     * {@code stage} (the latest advanced to by default). Acting needs the capability to advance
     * the rollout and may roll it back; a dry run needs only to read rollouts, changes nothing, and
     * also says what an auto-advance tick would decide now.
     */
    public RolloutEvaluated evaluate(
            String flagKey,
            String environmentKey,
            String ruleKey,
            Map<String, Object> command,
            boolean dryRun,
            CommandContext context) {
        Actor actor = dryRun
                ? authorization.require(Action.READ_ROLLOUTS, ResourceRef.flag(flagKey), environmentKey)
                : authorization.require(
                        Action.ADVANCE_ROLLOUT,
                        ResourceRef.flag(flagKey),
                        environmentKey,
                        new Attempt("rollout.guardrail_evaluated", context));
        Object stage = command.get("stage");
        if (stage != null && (!(stage instanceof String text) || text.isBlank())) {
            throw CommandRejected.invalid(
                    "the evaluation is invalid",
                    List.of(new Finding("stage", "must be the label of an advanced stage")));
        }
        CommandContext evaluation =
                context.reason() == null ? context.withReason("guarded rollout evaluation") : context;
        RolloutEvaluated evaluated =
                guardedEvaluation.evaluate(actor, flagKey, environmentKey, ruleKey, (String) stage, dryRun, evaluation);
        return dryRun
                ? evaluated.withAutoAdvance(autoAdvanceTick.wouldDecide(flagKey, environmentKey, ruleKey))
                : evaluated;
    }

    /**
     * Saves rule {@code ruleKey}'s auto-advance policy (spec §1, §5.6), replacing it whole:
     * {@code enabled}, {@code observation_window_seconds}, {@code next_stage}, {@code
     * next_percentage} (the last three required when enabled). Needs the capability to advance the
     * rollout; audited as {@code rollout.auto_advance_policy_saved} (PD-9) with before and after.
     */
    public Map<String, Object> saveAutoAdvance(
            String flagKey, String environmentKey, String ruleKey, Map<String, Object> fields, CommandContext context) {
        Actor actor = authorization.require(
                Action.ADVANCE_ROLLOUT,
                ResourceRef.flag(flagKey),
                environmentKey,
                new Attempt("rollout.auto_advance_policy_saved", context));
        FlagEnvironment state = flags.in(flags.changeableFlag(flagKey), environmentKey);
        ruleInForce(state, flagKey, environmentKey, ruleKey);
        List<Finding> findings = new java.util.ArrayList<>();
        AutoAdvancePlan plan = AutoAdvancePlan.read(fields, findings);
        if (!findings.isEmpty()) {
            throw CommandRejected.invalid("the auto-advance policy is invalid", findings);
        }
        AutoAdvancePolicy policy = ticks.policyOf(flagKey, environmentKey, ruleKey)
                .orElseGet(() -> new AutoAdvancePolicy(flagKey, environmentKey, ruleKey));
        Map<String, Object> before = policy.toMap();
        policy.replace(plan, actor.id(), now.instant());
        entityManager.persist(policy);
        entityManager.flush();
        Map<String, Object> after = policy.toMap();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("rule_key", ruleKey);
        metadata.put("before", before);
        metadata.put("after", after);
        metadata.put("diff", AuditDiff.of(before, after));
        metadata.put("context", context.auditContext());
        auditLog.record(AuditRecord.ofChange(
                "rollout.auto_advance_policy_saved",
                ResourceRef.flag(flagKey),
                environmentKey,
                actor,
                context,
                metadata));
        return after;
    }

    /**
     * Twenty sample identities of rule {@code ruleKey} at its percentage now and at {@code
     * proposed} (spec §5.1's preview), bucketed as evaluation buckets them: raising a percentage
     * only ever adds identities.
     */
    public SamplePreview preview(String flagKey, String environmentKey, String ruleKey, Number proposed) {
        authorization.require(Action.READ_ROLLOUTS, ResourceRef.flag(flagKey), environmentKey);
        FlagEnvironment state = flags.in(flags.flag(flagKey), environmentKey);
        org.rulestead.flags.Ruleset inForce =
                flags.inForce(state).orElseThrow(() -> RolloutRules.conflict(flagKey, environmentKey, ruleKey));
        Rule rule = RolloutRules.resolve(inForce.authored(), ruleKey)
                .orElseThrow(() -> RolloutRules.conflict(flagKey, environmentKey, ruleKey));
        org.rulestead.ruleset.Rollout rollout = RolloutRules.rolloutOf(rule).orElseThrow();
        String salt = Bucketing.effectiveSalt(
                inForce.authored().salt(),
                rollout.salt(),
                rollout.bucketBy() == null ? null : rollout.bucketBy().wireName(),
                Bucketing.ROLLOUT);
        List<SamplePreview.Sample> samples = new java.util.ArrayList<>();
        for (int i = 1; i <= SamplePreview.SIZE; i++) {
            String identity = String.format(java.util.Locale.ROOT, "user-%03d", i);
            int bucket = Bucketing.bucket(flagKey, rule.key(), salt, identity, Bucketing.ROLLOUT);
            samples.add(new SamplePreview.Sample(
                    identity,
                    bucket,
                    bucket < rollout.percentage().doubleValue() * 100,
                    bucket < proposed.doubleValue() * 100));
        }
        return new SamplePreview(rule.key(), rollout.percentage(), proposed, samples);
    }

    /** The rollout rule {@code ruleKey} of the ruleset in force, or 409 {@code rollout_stage_conflict}. */
    private Rule ruleInForce(FlagEnvironment state, String flagKey, String environmentKey, String ruleKey) {
        return flags.inForce(state)
                .flatMap(ruleset -> RolloutRules.resolve(ruleset.authored(), ruleKey))
                .orElseThrow(() -> RolloutRules.conflict(flagKey, environmentKey, ruleKey));
    }

    /** Each rollout rule of the ruleset in force here, with its latest decision; none before a publish. */
    public List<RolloutStatus> rollouts(String flagKey, String environmentKey) {
        authorization.require(Action.READ_ROLLOUTS, ResourceRef.flag(flagKey), environmentKey);
        FlagEnvironment state = flags.in(flags.flag(flagKey), environmentKey);
        return flags.inForce(state)
                .map(ruleset -> RolloutRules.of(ruleset.authored()).stream()
                        .map(rule -> status(flagKey, environmentKey, rule))
                        .toList())
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private RolloutStatus status(String flagKey, String environmentKey, Rule rule) {
        GuardrailDecisionRecord latest =
                decisions.latest(flagKey, environmentKey, rule.key()).orElse(null);
        Map<String, Object> rollout =
                (Map<String, Object>) RulesetCodec.writeRule(rule).get("rollout");
        List<Map<String, Object>> guardrails =
                rollout.get("guardrails") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        return new RolloutStatus(
                rule.key(),
                latest == null ? null : latest.stage(),
                RolloutRules.rolloutOf(rule).orElseThrow().percentage(),
                guardrails,
                latest == null ? null : latest.toMap(),
                ticks.policyOf(flagKey, environmentKey, rule.key())
                        .map(AutoAdvancePolicy::toMap)
                        .orElse(null),
                ticks.nextTickAt(flagKey, environmentKey, rule.key()).orElse(null));
    }
}
