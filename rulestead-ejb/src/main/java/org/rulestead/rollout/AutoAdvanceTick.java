package org.rulestead.rollout;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rulestead.changerequests.ChangeRequestService;
import org.rulestead.changerequests.ChangeRequestView;
import org.rulestead.changerequests.Proposal;
import org.rulestead.command.CommandContext;
import org.rulestead.command.CommandRejected;
import org.rulestead.flags.FlagStore;
import org.rulestead.governance.Action;
import org.rulestead.governance.Actor;
import org.rulestead.governance.Authorization;
import org.rulestead.governance.GateOutcome;
import org.rulestead.governance.GovernanceGate;
import org.rulestead.governance.GovernedCommand;
import org.rulestead.governance.ResourceRef;
import org.rulestead.governance.Route;
import org.rulestead.guardrail.ActionType;
import org.rulestead.guardrail.DecisionState;
import org.rulestead.guardrail.GuardrailDecision;
import org.rulestead.guardrail.SignalFact;
import org.rulestead.guardrail.SignalFacts;
import org.rulestead.ruleset.Rule;
import org.rulestead.schedule.DueExecution;
import org.rulestead.schedule.ScheduledAutomation;
import org.rulestead.time.Now;

/**
 * One auto-advance tick (spec §5.6), run by the scheduler when a stage's observation window
 * closes. It first checks it is still the current tick (the stage, percentage and window it was
 * scheduled for are still the rule's latest decision: else {@code auto_advance_superseded} or
 * {@code rollout_stage_conflict}), then decides fail-closed: only an enabled, complete policy and
 * guardrails all healthy after the window closed advance. Missing, stale, thin or breached facts,
 * and a rule without guardrails, never do; a blocked tick changes nothing and never rolls back.
 * Eligible, it advances through the gate as the scheduler, or, where governance wants a change
 * request (a protected environment), submits one instead and applies nothing.
 */
@Dependent
public class AutoAdvanceTick implements ScheduledAutomation {

    private final FlagStore flags;
    private final GovernanceGate gate;
    private final ChangeRequestService changeRequests;
    private final SignalSources signals;
    private final AutoAdvanceTicks ticks;
    private final Now now;
    private final Authorization authorization;
    private final GuardrailDecisions decisions;

    @Inject
    public AutoAdvanceTick(
            FlagStore flags,
            GovernanceGate gate,
            ChangeRequestService changeRequests,
            SignalSources signals,
            AutoAdvanceTicks ticks,
            Now now,
            Authorization authorization,
            GuardrailDecisions decisions) {
        this.flags = flags;
        this.gate = gate;
        this.changeRequests = changeRequests;
        this.signals = signals;
        this.ticks = ticks;
        this.now = now;
        this.authorization = authorization;
        this.decisions = decisions;
    }

    @Override
    public String source() {
        return AutoAdvanceTicks.SOURCE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(DueExecution due) {
        String flagKey = due.command().resource().key();
        String environmentKey = due.command().environmentKey();
        Map<String, Object> rollout =
                due.command().fields().get("rollout") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        String ruleKey = rollout.get("rule_key") instanceof String key ? key : null;
        String stage = rollout.get("stage") instanceof String label ? label : null;
        if (ruleKey == null || stage == null) {
            throw RolloutRules.conflict(flagKey, environmentKey, ruleKey);
        }
        Instant windowEnds = SignalFacts.instant(rollout.get("monitoring_window_ends_at"));
        GuardrailDecisionRecord latest = decisions
                .latest(flagKey, environmentKey, ruleKey)
                .orElseThrow(() -> superseded(due, "the rule has no guardrail decision"));
        if (!latest.stage().equals(stage)) {
            throw superseded(due, "the rule is at stage " + latest.stage() + " now");
        }
        if (!(rollout.get("percentage") instanceof Number percentage)
                || latest.effectivePercentage() != percentage.intValue()) {
            throw RolloutRules.conflict(flagKey, environmentKey, ruleKey);
        }
        if (!sameSecond(latest.windowEndsAt(), windowEnds)) {
            throw superseded(due, "the stage's window was changed");
        }
        if (latest.actionType() == ActionType.ROLLBACK) {
            throw superseded(due, "the stage was rolled back");
        }

        Instant at = now.instant().truncatedTo(ChronoUnit.SECONDS);
        Tick tick = new Tick(flagKey, environmentKey, ruleKey, stage, windowEnds, at);
        Verdict verdict = judge(tick, latest);
        if (!verdict.eligible()) {
            return tick.blocked(verdict.reason(), verdict.why(), verdict.facts());
        }
        if (verdict.rule() == null) {
            throw CommandRejected.conflict(
                    "auto_advance_ruleset_conflict",
                    Map.of("flag_key", flagKey, "environment_key", environmentKey, "rule_key", ruleKey));
        }
        return advance(due, tick, verdict.plan(), verdict.facts());
    }

    /**
     * What a tick would decide now for the rule's latest stage, without acting (the evaluate
     * endpoint's dry run): {@code outcome} {@code advance}, {@code change_request} or {@code
     * blocked}, with {@code reasons} and one sentence; null before the rule's first advance.
     */
    Map<String, Object> wouldDecide(String flagKey, String environmentKey, String ruleKey) {
        Optional<GuardrailDecisionRecord> latest = decisions.latest(flagKey, environmentKey, ruleKey);
        if (latest.isEmpty()) {
            return null;
        }
        Instant at = now.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant windowEnds = latest.get().windowEndsAt() == null
                ? null
                : latest.get().windowEndsAt().truncatedTo(ChronoUnit.SECONDS);
        Tick tick = new Tick(flagKey, environmentKey, ruleKey, latest.get().stage(), windowEnds, at);
        Map<String, Object> answer = new LinkedHashMap<>();
        Verdict verdict;
        try {
            verdict = judge(tick, latest.get());
        } catch (CommandRejected conflict) {
            answer.put("outcome", "blocked");
            answer.put("reasons", List.of(conflict.getMessage()));
            answer.put("explanation", "A tick now would fail: " + conflict.getMessage() + ".");
            return answer;
        }
        if (!verdict.eligible()) {
            answer.put("outcome", "blocked");
            answer.put("reasons", List.of(verdict.reason()));
            answer.put("explanation", "A tick now would not advance from " + tick.stage() + ": " + verdict.why() + ".");
            return answer;
        }
        String target = verdict.plan().nextStage() + " (" + verdict.plan().nextPercentage() + "%)";
        boolean governed = authorization
                .requirement(Actor.SCHEDULER, Action.ADVANCE_ROLLOUT, ResourceRef.flag(flagKey), environmentKey)
                .changeRequestRequired();
        answer.put("outcome", governed ? "change_request" : "advance");
        answer.put("reasons", governed ? List.of("change_request_required") : List.of());
        answer.put(
                "explanation",
                governed
                        ? "A tick now would find " + tick.stage()
                                + " eligible and submit a change request to advance to " + target + "."
                        : "A tick now would advance from " + tick.stage() + " to " + target + ".");
        return answer;
    }

    /** A tick's verdict: eligible, or blocked with a bounded reason and why in words. */
    private record Verdict(String reason, String why, List<SignalFact> facts, AutoAdvancePlan plan, Rule rule) {

        boolean eligible() {
            return reason == null;
        }
    }

    /** Spec §5.6 steps 3 to 5 for the tick's stage: policy, facts, eligibility, failing closed. */
    private Verdict judge(Tick tick, GuardrailDecisionRecord latest) {
        Optional<AutoAdvancePlan> plan = ticks.policyOf(tick.flagKey(), tick.environmentKey(), tick.ruleKey())
                .map(AutoAdvancePolicy::plan);
        if (plan.isEmpty() || !plan.get().enabled()) {
            return new Verdict(
                    "auto_advance_disabled",
                    "auto-advance is disabled for rule " + tick.ruleKey(),
                    List.of(),
                    null,
                    null);
        }
        if (!plan.get().complete()) {
            return new Verdict(
                    "auto_advance_policy_incomplete",
                    "the auto-advance policy needs a window, a next stage and a next percentage",
                    List.of(),
                    null,
                    null);
        }
        Rule rule = flags.inForce(flags.in(flags.changeableFlag(tick.flagKey()), tick.environmentKey()))
                .flatMap(ruleset -> RolloutRules.resolve(ruleset.authored(), tick.ruleKey()))
                .orElse(null);
        if (rule != null
                && RolloutRules.rolloutOf(rule).orElseThrow().percentage().intValue() != latest.effectivePercentage()) {
            // the rules in force moved without a decision (edited and published): not this tick's stage
            throw RolloutRules.conflict(tick.flagKey(), tick.environmentKey(), tick.ruleKey());
        }
        Instant at = tick.at();
        List<SignalFact> facts = rule == null
                ? List.of()
                : signals.facts(tick.flagKey(), tick.environmentKey(), rule, latest.tenantKey(), at);
        Instant windowEnds = tick.windowEnds();
        if (windowEnds == null) {
            return new Verdict(
                    "monitoring_window_unset", "the stage has no monitoring window end", facts, plan.get(), rule);
        }
        boolean closed = !at.isBefore(windowEnds);
        GuardrailDecision decision = GuardrailDecision.classify(
                facts.stream().map(SignalFact::reason).toList(), at, windowEnds);
        if (facts.isEmpty() && closed) {
            return new Verdict(
                    GuardrailDecision.WINDOW_EXPIRED,
                    "no guardrail facts came in before the window closed (a rule without guardrails never"
                            + " auto-advances)",
                    facts,
                    plan.get(),
                    rule);
        }
        if (decision.state() != DecisionState.HEALTHY) {
            String why = facts.stream()
                    .filter(fact -> fact.reason().wireName().equals(decision.reason()))
                    .findFirst()
                    .map(fact -> FactSentences.describe(fact, at))
                    .orElse(FactSentences.words(decision.reason()));
            return new Verdict(
                    "guardrail_" + decision.state().wireName() + ":" + decision.reason(), why, facts, plan.get(), rule);
        }
        if (!closed) {
            return new Verdict(
                    GuardrailDecision.WINDOW_ACTIVE,
                    "its guardrails are healthy but the window stays open until " + windowEnds,
                    facts,
                    plan.get(),
                    rule);
        }
        return new Verdict(null, null, facts, plan.get(), rule);
    }

    /** Eligible (spec §5.6 step 6): advance as the scheduler, or submit a change request where one is required. */
    private Map<String, Object> advance(DueExecution due, Tick tick, AutoAdvancePlan plan, List<SignalFact> facts) {
        Instant windowEnds = tick.at().plusSeconds(plan.observationWindowSeconds());
        List<Map<String, Object>> factMaps =
                facts.stream().map(SignalFact::toMap).toList();
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("rule_key", tick.ruleKey());
        command.put("stage", plan.nextStage());
        command.put("percentage", plan.nextPercentage());
        command.put("monitoring_window_started_at", tick.at().toString());
        command.put("monitoring_window_ends_at", windowEnds.toString());
        command.put("signal_facts", factMaps);
        Map<String, Object> eligibility = new LinkedHashMap<>();
        eligibility.put("status", "eligible");
        eligibility.put("reasons", List.of());
        eligibility.put("policy_snapshot", planMap(plan));
        eligibility.put("decision_summary", Map.of("decision_state", "healthy", "decision_reason", "healthy"));
        eligibility.put("monitoring_window_closed", true);
        String target = plan.nextStage() + " (" + plan.nextPercentage() + "%)";
        String explanation = "Advanced automatically from " + tick.stage() + " to " + target
                + ": every guardrail stayed healthy through the window that closed at " + tick.windowEnds() + ".";
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("source", AutoAdvanceTicks.SOURCE);
        provenance.put("eligibility", eligibility);
        provenance.put("explanation", explanation);
        GovernedCommand advance =
                GovernedCommand.onFlag(Action.ADVANCE_ROLLOUT, tick.flagKey(), tick.environmentKey(), command);
        CommandContext context = due.context().withReason("auto-advance observation window close");
        GateOutcome<?> outcome = gate.pass(
                Actor.SCHEDULER,
                advance,
                new Route.Scheduled(
                        String.valueOf(due.id()),
                        Route.ExecutionMode.POLICY_BYPASS,
                        null,
                        due.context().correlationId(),
                        provenance),
                context);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("eligibility", eligibility);
        if (outcome instanceof GateOutcome.Applied<?> applied) {
            RolloutAdvanced advanced = (RolloutAdvanced) applied.result();
            result.put("outcome", "advanced");
            result.put("reasons", List.of());
            result.put("stage", advanced.stage());
            result.put("percentage", plan.nextPercentage());
            result.put("active_ruleset_version", advanced.activeRulesetVersion());
            result.put("explanation", explanation);
            return result;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", AutoAdvanceTicks.SOURCE);
        metadata.put("scheduled_execution_id", due.id());
        metadata.put("observation_window_ends_at", tick.windowEnds().toString());
        metadata.put("eligibility", eligibility);
        metadata.put("request_id", due.context().correlationId());
        ChangeRequestView request = changeRequests.submitAsSystem(
                Actor.SCHEDULER,
                new Proposal("advance_rollout", tick.environmentKey(), "flag", tick.flagKey(), command),
                new CommandContext(
                        "auto_advance eligible; change request required in protected environment",
                        UUID.randomUUID().toString(),
                        "scheduler",
                        metadata));
        result.put("outcome", "change_request_submitted");
        result.put("reasons", List.of("change_request_required"));
        result.put("change_request_id", request.id());
        result.put(
                "explanation",
                "Eligible to advance from " + tick.stage() + " to " + target + ", but " + tick.environmentKey()
                        + " needs a change request: change request #" + request.id() + " waits for approval.");
        return result;
    }

    /** What a tick looked at, and how it says it did not advance. */
    private record Tick(
            String flagKey, String environmentKey, String ruleKey, String stage, Instant windowEnds, Instant at) {

        Map<String, Object> blocked(String reason, String why, List<SignalFact> facts) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("outcome", "blocked");
            result.put("reasons", List.of(reason));
            result.put(
                    "signal_facts",
                    facts == null
                            ? List.of()
                            : facts.stream().map(SignalFact::toMap).toList());
            result.put("explanation", "Did not advance from " + stage + ": " + why + ".");
            return result;
        }
    }

    private static Map<String, Object> planMap(AutoAdvancePlan plan) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("enabled", plan.enabled());
        policy.put("observation_window_seconds", plan.observationWindowSeconds());
        policy.put("next_stage", plan.nextStage());
        policy.put("next_percentage", plan.nextPercentage());
        return policy;
    }

    private static boolean sameSecond(Instant left, Instant right) {
        if (left == null || right == null) {
            return left == right;
        }
        return left.truncatedTo(ChronoUnit.SECONDS).equals(right.truncatedTo(ChronoUnit.SECONDS));
    }

    private static CommandRejected superseded(DueExecution due, String why) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scheduled_execution_id", due.id());
        details.put("why", why);
        return CommandRejected.conflict("auto_advance_superseded", details);
    }
}
