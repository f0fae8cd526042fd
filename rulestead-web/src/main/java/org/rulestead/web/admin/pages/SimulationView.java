package org.rulestead.web.admin.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rulestead.evaluation.DebugTrace;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.EvaluationResult;
import org.rulestead.simulation.Simulation;
import org.rulestead.web.admin.rules.RulesetText;

/**
 * What the simulate and explain pages show of one evaluation: the summary, the explanation
 * sentence, each rule's step with its audience, the raw trace, and the shareable explain link,
 * which carries identity fields only, never attributes (spec §4.3).
 */
public record SimulationView(
        String value,
        String variant,
        String matchedRule,
        String reason,
        boolean killSwitch,
        String error,
        String explanation,
        List<Step> steps,
        List<String> trace,
        List<String> redactedContext,
        long snapshotVersion,
        boolean stale,
        String explainLink) {

    /** One rule as the evaluation went through it. */
    public record Step(String ruleKey, boolean matched, String reason, String bucket, String audience) {}

    private static final Map<String, String> REASONS = Map.of(
            "rule_match", "A rule matched",
            "default", "No rule matched: the default value",
            "targeting_key_missing", "No targeting key: the default value",
            "flag_off", "The flag is off: the default value",
            "error", "Evaluation failed: the default value");

    static SimulationView of(Simulation simulation, String flagKey, String env, EvaluationContext context) {
        EvaluationResult result = simulation.answer().result();
        List<Step> steps = new ArrayList<>();
        DebugTrace trace = result.trace();
        if (trace != null) {
            for (DebugTrace.RuleTrace rule : trace.ruleTraces()) {
                steps.add(new Step(
                        rule.ruleKey(),
                        rule.matched(),
                        rule.reason(),
                        rule.rollout() == null
                                ? null
                                : "bucket " + rule.rollout().bucket() + " of 10,000 against "
                                        + rule.rollout().percentage() + "%",
                        rule.audience() == null
                                ? null
                                : "Audience " + rule.audience().audienceKey()
                                        + (rule.audience().matched() ? " matched" : " missed")
                                        + (rule.audience().reason() == null
                                                ? ""
                                                : " (" + rule.audience().reason() + ")")));
            }
        }
        String reason = result.reason().wireName();
        return new SimulationView(
                JsonText.write(result.value()),
                result.variant(),
                result.matchedRule(),
                result.killSwitch() ? "Kill switch engaged: the default value" : REASONS.getOrDefault(reason, reason),
                result.killSwitch(),
                result.isError() ? result.error().message() : null,
                simulation.explanation(),
                steps,
                trace == null ? List.of() : RulesetText.lines(trace.toMap()),
                RulesetText.lines(simulation.redactedContext()),
                simulation.answer().snapshotVersion(),
                simulation.answer().stale(),
                ExplainLinks.path(flagKey, env, context));
    }
}
