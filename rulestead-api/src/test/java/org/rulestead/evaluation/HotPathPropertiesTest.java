package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hot path (prepared results, hashes skipped where the percentage decides) gives exactly the
 * traced path's answer, for generated payloads and contexts of every strategy.
 */
class HotPathPropertiesTest {

    @Property(tries = 2000)
    void theHotPathAnswersLikeTheTracedPath(
            @ForAll("payloads") Map<String, Object> payload, @ForAll("contexts") Map<String, Object> context) {
        CompiledFlag flag = FlagCompiler.compile(payload);
        EvaluationContext normalized = EvaluationContext.from(context);

        EvaluationResult fast = flag.evaluate(normalized);
        EvaluationResult traced = flag.evaluateWithTrace(normalized);

        assertThat(fast)
                .isEqualTo(new EvaluationResult(
                        traced.value(),
                        traced.enabled(),
                        traced.variant(),
                        traced.reason(),
                        traced.matchedRule(),
                        traced.flagKey(),
                        traced.flagVersion(),
                        traced.killSwitch(),
                        traced.error(),
                        null));
    }

    @Property
    void identitiesAreHashedAsTheirUtf8Bytes(@ForAll String identity) {
        byte[] buffer = new byte[identity.length() * 3];
        int end = Utf8.encode(identity, buffer, 0);
        assertThat(java.util.Arrays.copyOf(buffer, end)).isEqualTo(identity.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Map<String, Object>> payloads() {
        return rule().list().ofMaxSize(4).map(rules -> {
            List<Map<String, Object>> keyed = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                Map<String, Object> rule = new LinkedHashMap<>(rules.get(i));
                rule.put("key", "rule-" + i);
                keyed.add(rule);
            }
            Map<String, Object> payload = Payloads.flag("generated", "off", keyed);
            payload.put(
                    "audiences",
                    Map.of(
                            "pros", Map.of("definition", Map.of("clauses", List.of(condition("plan", "eq", "pro")))),
                            "old", Map.of("definition", Map.of(), "archived_at", "2026-01-01T00:00:00Z")));
            return payload;
        });
    }

    private Arbitrary<Map<String, Object>> rule() {
        Arbitrary<List<Map<String, Object>>> conditions = Arbitraries.oneOf(
                        Arbitraries.just(condition("plan", "equals", Map.of("equals", "pro"))),
                        Arbitraries.just(condition("attributes.age", "gte", Map.of("gte", 18L))),
                        Arbitraries.just(condition("country", "not_in", Map.of("not_in", List.of("RU", "BY")))),
                        Arbitraries.just(
                                condition("email", "regex", Map.of("pattern", "@corp\\.com$", "options", "i"))))
                .list()
                .ofMaxSize(2);
        Arbitrary<String> strategy = Arbitraries.of(
                "forced_value", "percentage_rollout", "variant_split", "segment_match", "experiment", "mystery");
        Arbitrary<Object> percentage = Arbitraries.oneOf(
                Arbitraries.of(0L, 100L).map(p -> (Object) p),
                Arbitraries.longs().between(0, 100).map(p -> (Object) p));
        Arbitrary<String> bucketBy = Arbitraries.of("subject", "tenant", "account", "session");
        Arbitrary<List<Long>> weights = Arbitraries.of(
                List.of(100L), List.of(50L, 50L), List.of(33L, 33L, 34L), List.of(0L, 100L), List.of(40L, 40L));
        Arbitrary<Long> holdout = Arbitraries.of(0L, 5L, 100L);
        Arbitrary<String> audience = Arbitraries.of("pros", "old", "ghosts");
        return Combinators.combine(
                        conditions,
                        strategy,
                        percentage,
                        bucketBy,
                        weights,
                        holdout,
                        audience,
                        Arbitraries.of(true, false))
                .as((conds, name, pct, by, w, hold, aud, withBlocks) -> {
                    Map<String, Object> rule = new LinkedHashMap<>();
                    rule.put("strategy", name);
                    rule.put("conditions", conds);
                    rule.put("value", Payloads.wrap(name.equals("percentage_rollout") && !withBlocks ? null : "on"));
                    if (withBlocks || name.equals("mystery")) {
                        rule.put("rollout", Map.of("bucket_by", by, "percentage", pct, "salt", "s"));
                        rule.put(
                                "experiment",
                                Map.of("iteration_salt", "iter", "bucket_by", by, "holdout_percentage", hold));
                    }
                    List<Map<String, Object>> variants = new ArrayList<>();
                    for (int i = 0; i < w.size(); i++) {
                        variants.add(Map.of("key", "v" + i, "value", Payloads.wrap("v" + i), "weight", w.get(i)));
                    }
                    rule.put("variants", variants);
                    rule.put("audience_key", aud);
                    return rule;
                });
    }

    @Provide
    Arbitrary<Map<String, Object>> contexts() {
        Arbitrary<String> keys = Arbitraries.strings().alpha().numeric().ofMaxLength(12);
        Arbitrary<Map<String, Object>> attributes = Combinators.combine(
                        Arbitraries.of("pro", "free"),
                        Arbitraries.longs().between(10, 40),
                        Arbitraries.of("PT", "RU"),
                        Arbitraries.of("ana@CORP.com", "bo@home.org"),
                        Arbitraries.of("acct-1", "acct-2", ""))
                .as((plan, age, country, email, account) ->
                        Map.of("plan", plan, "age", age, "country", country, "email", email, "account_key", account));
        return Combinators.combine(keys, keys, keys, attributes, Arbitraries.of(true, false))
                .as((targetingKey, tenant, session, attrs, strict) -> {
                    Map<String, Object> context = new LinkedHashMap<>();
                    context.put("targeting_key", targetingKey);
                    context.put("tenant_key", tenant);
                    context.put("session_id", session);
                    context.put("attributes", attrs);
                    context.put("strict", strict);
                    return context;
                });
    }

    private static Map<String, Object> condition(String attribute, String operator, Object value) {
        return Map.of("attribute", attribute, "operator", operator, "value", value);
    }
}
