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

    private final Answers answers;
    private final Rule[] rules;
    private final Condition[] conditions;
    private final EvaluationError malformed;

    CompiledFlag(Answers answers, Rule[] rules, Condition[] conditions, EvaluationError malformed) {
        this.answers = answers;
        this.rules = rules;
        this.conditions = conditions;
        this.malformed = malformed;
    }

    public String key() {
        return answers.flagKey();
    }

    /** The version of the active ruleset. */
    public Long version() {
        return answers.version();
    }

    public String environment() {
        return answers.environment();
    }

    /** Why the payload cannot be evaluated at all, if it cannot. */
    public Optional<EvaluationError> malformed() {
        return Optional.ofNullable(malformed);
    }

    /**
     * The answer for {@code context}, without a trace: the hot path. Apart from errors, it hands
     * out results prepared when the flag was compiled, so it allocates nothing.
     */
    public EvaluationResult evaluate(EvaluationContext context) {
        if (malformed != null) {
            return answers.failure(malformed);
        }
        long evaluated = 0;
        long passed = 0;
        AttributePath lastPath = null;
        Object lastValue = null;
        rules:
        for (Rule rule : rules) {
            for (int id : rule.conditionIds()) {
                long bit = id < ConditionTable.REMEMBERED ? 1L << id : 0;
                if ((evaluated & bit) == 0) {
                    Condition condition = conditions[id];
                    if (condition.path() != lastPath) {
                        lastPath = condition.path();
                        lastValue = lastPath.resolve(context);
                    }
                    boolean holds = condition.holds(lastValue);
                    evaluated |= bit;
                    passed |= holds ? bit : 0;
                    if (!holds) {
                        continue rules;
                    }
                } else if ((passed & bit) == 0) {
                    continue rules;
                }
            }
            EvaluationResult answer = rule.answer(context, answers);
            if (answer != null) {
                return answer;
            }
        }
        return answers.defaulted();
    }

    /** The answer for {@code context} with the debug trace of every rule walked. */
    public EvaluationResult evaluateWithTrace(EvaluationContext context) {
        if (malformed != null) {
            return answers.failure(malformed);
        }
        List<DebugTrace.RuleTrace> traces = new ArrayList<>();
        List<DebugTrace.Warning> warnings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleRecorder recorder = new RuleRecorder();
            Outcome outcome = rule.evaluate(new Walk(context, answers.environment(), recorder));
            warnings.addAll(recorder.warnings);
            if (outcome instanceof Outcome.Match match) {
                traces.add(recorder.finish(rule.key(), true, null));
                return matched(rule, match, trace(context, "rule_match", rule.key(), traces, warnings));
            }
            if (outcome instanceof Outcome.Fail fail) {
                traces.add(recorder.finish(rule.key(), false, "error"));
                return EvaluationResult.failure(
                        answers.flagKey(),
                        answers.version(),
                        fail.error(),
                        trace(context, "error", null, traces, warnings));
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
        return new DebugTrace(answers.environment(), context.strict(), outcome, matchedRule, traces, warnings);
    }

    private EvaluationResult matched(Rule rule, Outcome.Match match, DebugTrace trace) {
        return new EvaluationResult(
                match.value(),
                Values.truthy(match.value()),
                match.variant(),
                Reason.RULE_MATCH,
                rule.key(),
                answers.flagKey(),
                answers.version(),
                false,
                null,
                trace);
    }

    private EvaluationResult defaulted(DebugTrace trace) {
        EvaluationResult plain = answers.defaulted();
        return new EvaluationResult(
                plain.value(),
                plain.enabled(),
                null,
                Reason.DEFAULT,
                null,
                plain.flagKey(),
                plain.flagVersion(),
                plain.killSwitch(),
                null,
                trace);
    }
}
