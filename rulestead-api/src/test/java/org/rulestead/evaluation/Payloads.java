package org.rulestead.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds runtime flag payloads (spec §2.2) for tests, as the JSON reader would produce them. */
final class Payloads {

    private Payloads() {}

    static Map<String, Object> flag(String key, Object defaultValue, List<Map<String, Object>> rules) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("flag", Map.of("key", key, "default_value", wrap(defaultValue)));
        payload.put("environment", Map.of("key", "production"));
        payload.put("active_ruleset", Map.of("version", 1L, "salt", key + ":v1", "rules", rules));
        return payload;
    }

    static Map<String, Object> percentageRollout(String ruleKey, long percentage) {
        return Map.of(
                "key",
                ruleKey,
                "strategy",
                "percentage_rollout",
                "value",
                wrap(true),
                "rollout",
                Map.of("bucket_by", "subject", "percentage", percentage, "salt", "r1"));
    }

    static Map<String, Object> variantSplit(String ruleKey, long percentage, List<Long> weights) {
        List<Map<String, Object>> variants = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            variants.add(Map.of("key", "v" + i, "value", wrap("v" + i), "weight", weights.get(i)));
        }
        return Map.of(
                "key",
                ruleKey,
                "strategy",
                "variant_split",
                "rollout",
                Map.of("bucket_by", "subject", "percentage", percentage, "salt", "split"),
                "variants",
                variants);
    }

    static Map<String, Object> wrap(Object value) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", value);
        return wrapped;
    }
}
