package org.rulestead.evaluation;

/**
 * Told of every evaluation a {@link FlagEvaluator} makes: which flag and why, never the context
 * or the value (they may be personal data).
 */
@FunctionalInterface
public interface EvaluationListener {

    EvaluationListener NONE = (flagKey, reason) -> {};

    void evaluated(String flagKey, Reason reason);
}
