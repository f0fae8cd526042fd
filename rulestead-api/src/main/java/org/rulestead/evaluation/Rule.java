package org.rulestead.evaluation;

import java.util.List;
import java.util.Map;

/** One compiled rule: all of its conditions must pass, then its strategy decides. */
final class Rule {

    private final String key;
    private final Condition[] conditions;
    private final int[] conditionIds;
    private final Strategy strategy;
    private final String malformed;

    private Rule(String key, Condition[] conditions, int[] conditionIds, Strategy strategy, String malformed) {
        this.key = key;
        this.conditions = conditions;
        this.conditionIds = conditionIds;
        this.strategy = strategy;
        this.malformed = malformed;
    }

    static Rule of(Answers flag, Object rulesetSalt, Object raw, Object audiences, ConditionTable table) {
        if (!(raw instanceof Map<?, ?> rule)) {
            return new Rule(null, new Condition[0], new int[0], null, "a rule is not an object");
        }
        String key = rule.get("key") instanceof String text ? text : null;
        Condition[] conditions = rule.get("conditions") instanceof List<?> list
                ? list.stream().map(Condition::ofRule).toArray(Condition[]::new)
                : new Condition[0];
        String hashKey = key == null ? "" : key;
        int[] ids = new int[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            ids[i] = table.idOf(conditions[i]);
        }
        return new Rule(key, conditions, ids, Strategy.of(flag, key, hashKey, rulesetSalt, rule, audiences), null);
    }

    String key() {
        return key;
    }

    /** Hot path: the ids of the rule's conditions in its flag's {@link ConditionTable}. */
    int[] conditionIds() {
        return conditionIds;
    }

    /** Hot path, once the conditions passed: the strategy's answer, null to go on, or the error. */
    EvaluationResult answer(EvaluationContext context, Answers flag) {
        return malformed != null ? flag.failure(EvaluationError.malformed(malformed)) : strategy.answer(context);
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
