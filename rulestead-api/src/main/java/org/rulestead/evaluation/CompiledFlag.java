package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A flag ready to evaluate: made once by {@link FlagCompiler} from a runtime payload, immutable,
 * safe to share between threads, and evaluated many times. Evaluating does no I/O, no logging and
 * never throws: problems are error results.
 */
public final class CompiledFlag {

    private final String flagKey;
    private final Long version;
    private final String environment;
    private final Object defaultValue;
    private final boolean killSwitched;
    private final Rule[] rules;
    private final EvaluationError malformed;

    CompiledFlag(
            String flagKey,
            Long version,
            String environment,
            Object defaultValue,
            boolean killSwitched,
            Rule[] rules,
            EvaluationError malformed) {
        this.flagKey = flagKey;
        this.version = version;
        this.environment = environment;
        this.defaultValue = defaultValue;
        this.killSwitched = killSwitched;
        this.rules = rules;
        this.malformed = malformed;
    }

    public String key() {
        return flagKey;
    }

    /** The version of the active ruleset. */
    public Long version() {
        return version;
    }

    public String environment() {
        return environment;
    }

    /** Why the payload cannot be evaluated at all, if it cannot. */
    public Optional<EvaluationError> malformed() {
        return Optional.ofNullable(malformed);
    }

    /** The answer for {@code context}, without a trace: the hot path. */
    public EvaluationResult evaluate(EvaluationContext context) {
        if (malformed != null) {
            return EvaluationResult.failure(flagKey, version, malformed, null);
        }
        Walk walk = new Walk(context, environment, null);
        for (Rule rule : rules) {
            Outcome outcome = rule.evaluate(walk);
            if (outcome instanceof Outcome.Match match) {
                return matched(rule, match, null);
            }
            if (outcome instanceof Outcome.Fail fail) {
                return EvaluationResult.failure(flagKey, version, fail.error(), null);
            }
        }
        return defaulted(null);
    }

    /** The answer for {@code context} with the debug trace of every rule walked. */
    public EvaluationResult evaluateWithTrace(EvaluationContext context) {
        if (malformed != null) {
            return EvaluationResult.failure(flagKey, version, malformed, null);
        }
        List<DebugTrace.RuleTrace> traces = new ArrayList<>();
        List<DebugTrace.Warning> warnings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleRecorder recorder = new RuleRecorder();
            Outcome outcome = rule.evaluate(new Walk(context, environment, recorder));
            warnings.addAll(recorder.warnings);
            if (outcome instanceof Outcome.Match match) {
                traces.add(recorder.finish(rule.key(), true, null));
                return matched(rule, match, trace(context, "rule_match", rule.key(), traces, warnings));
            }
            if (outcome instanceof Outcome.Fail fail) {
                traces.add(recorder.finish(rule.key(), false, "error"));
                return EvaluationResult.failure(
                        flagKey, version, fail.error(), trace(context, "error", null, traces, warnings));
            }
            traces.add(recorder.finish(rule.key(), false, ((Outcome.Skip) outcome).reason()));
        }
        return defaulted(trace(context, "default", null, traces, warnings));
    }

    private DebugTrace trace(
            EvaluationContext context,
            String outcome,
            String matchedRule,
            List<DebugTrace.RuleTrace> traces,
            List<DebugTrace.Warning> warnings) {
        return new DebugTrace(environment, context.strict(), outcome, matchedRule, traces, warnings);
    }

    private EvaluationResult matched(Rule rule, Outcome.Match match, DebugTrace trace) {
        return new EvaluationResult(
                match.value(),
                Values.truthy(match.value()),
                match.variant(),
                Reason.RULE_MATCH,
                rule.key(),
                flagKey,
                version,
                false,
                null,
                trace);
    }

    private EvaluationResult defaulted(DebugTrace trace) {
        return new EvaluationResult(
                defaultValue,
                Values.truthy(defaultValue),
                null,
                Reason.DEFAULT,
                null,
                flagKey,
                version,
                killSwitched,
                null,
                trace);
    }
}
