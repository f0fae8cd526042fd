package org.rulestead.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rulestead.evaluation.CompiledFlag;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.FlagCompiler;

/** The shapes as Rulestead runtime payloads (spec §2.2), compiled once. */
final class RulesteadSide {

    static final String RULESET_SALT = "bench:v1";
    static final String ROLLOUT_SALT = "r1";

    private RulesteadSide() {}

    static CompiledFlag flag(Shape shape) {
        return FlagCompiler.compile(payload(shape));
    }

    static EvaluationContext[] contexts(Shape shape) {
        return contexts(shape.userAttributes());
    }

    static EvaluationContext[] contexts(Map<String, String> attributes) {
        EvaluationContext[] contexts = new EvaluationContext[Users.COUNT];
        for (int i = 0; i < Users.COUNT; i++) {
            contexts[i] = EvaluationContext.of(Users.key(i), Map.<String, Object>copyOf(attributes));
        }
        return contexts;
    }

    /** The rule key of the rollout shape, for the hash floor's payload. */
    static String rolloutRuleKey() {
        return "rollout-50";
    }

    private static Map<String, Object> payload(Shape shape) {
        List<Map<String, Object>> rules = new ArrayList<>();
        switch (shape) {
            case FORCED -> rules.add(Map.of("key", "everyone", "strategy", "forced_value", "value", wrap(true)));
            case TARGETING_SHARED, TARGETING_DISTINCT -> {
                for (Targeting.Rule rule : shape.targeting().rules()) {
                    rules.add(Map.of(
                            "key",
                            rule.key(),
                            "strategy",
                            "forced_value",
                            "value",
                            wrap(true),
                            "conditions",
                            rule.conditions().stream()
                                    .map(RulesteadSide::equals)
                                    .toList()));
                }
            }
            case ROLLOUT -> rules.add(Map.of(
                    "key", rolloutRuleKey(),
                    "strategy", "percentage_rollout",
                    "value", wrap(true),
                    "rollout", Map.of("bucket_by", "subject", "percentage", 50L, "salt", ROLLOUT_SALT)));
            case SPLIT -> rules.add(Map.of(
                    "key",
                    "abc",
                    "strategy",
                    "variant_split",
                    "rollout",
                    Map.of("bucket_by", "subject", "percentage", 100L, "salt", ROLLOUT_SALT),
                    "variants",
                    List.of(variant("a", 33), variant("b", 33), variant("c", 34))));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(
                "flag",
                Map.of("key", Shape.FLAG_KEY, "default_value", wrap(shape == Shape.SPLIT ? "none" : (Object) false)));
        payload.put("environment", Map.of("key", "production"));
        payload.put("active_ruleset", Map.of("version", 1L, "salt", RULESET_SALT, "rules", rules));
        return payload;
    }

    private static Map<String, Object> equals(Targeting.Condition condition) {
        return Map.of(
                "attribute",
                condition.attribute(),
                "operator",
                "equals",
                "value",
                Map.of("equals", condition.operand()));
    }

    private static Map<String, Object> variant(String key, long weight) {
        return Map.of("key", key, "value", wrap(key), "weight", weight);
    }

    private static Map<String, Object> wrap(Object value) {
        return Map.of("value", value);
    }
}
