package org.rulestead.evaluation;

import java.util.List;
import java.util.Map;

/** One compiled rule: all of its conditions must pass, then its strategy decides. */
final class Rule {

    private final String key;
    private final Condition[] conditions;
    private final Strategy strategy;
    private final String malformed;

    private Rule(String key, Condition[] conditions, Strategy strategy, String malformed) {
        this.key = key;
        this.conditions = conditions;
        this.strategy = strategy;
        this.malformed = malformed;
    }

    static Rule of(Answers flag, Object rulesetSalt, Object raw, Object audiences) {
        if (!(raw instanceof Map<?, ?> rule)) {
            return new Rule(null, new Condition[0], null, "a rule is not an object");
        }
        String key = rule.get("key") instanceof String text ? text : null;
        Condition[] conditions = rule.get("conditions") instanceof List<?> list
                ? list.stream().map(Condition::ofRule).toArray(Condition[]::new)
                : new Condition[0];
        String hashKey = key == null ? "" : key;
        return new Rule(key, conditions, Strategy.of(flag, key, hashKey, rulesetSalt, rule, audiences), null);
    }

    String key() {
        return key;
    }

    /** Hot path: the rule's answer, null when it does not apply, or an error result. */
    EvaluationResult answer(EvaluationContext context, Answers flag) {
        if (malformed != null) {
            return flag.failure(EvaluationError.malformed(malformed));
        }
        for (Condition condition : conditions) {
            if (!condition.passes(context)) {
                return null;
            }
        }
        return strategy.answer(context);
    }

    Outcome evaluate(Walk walk) {
        if (malformed != null) {
            return new Outcome.Fail(EvaluationError.malformed(malformed));
        }
        if (walk.tracing()) {
            boolean all = true;
            for (Condition condition : conditions) {
                DebugTrace.ConditionTrace row = condition.trace(walk.context());
                walk.recorder().conditions.add(row);
                all &= row.passed();
            }
            if (!all) {
                return Outcome.CONDITIONS_NOT_MET;
            }
        } else {
            for (Condition condition : conditions) {
                if (!condition.passes(walk.context())) {
                    return Outcome.CONDITIONS_NOT_MET;
                }
            }
        }
        return strategy.decide(walk);
    }
}
