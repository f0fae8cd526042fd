package org.rulestead.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rulestead.evaluation.BucketBy;
import org.rulestead.evaluation.RuleStrategy;
import org.rulestead.model.ValueType;
import org.rulestead.model.WireNamed;
import org.rulestead.validation.RulesetValidation;
import org.rulestead.validation.RulesetValidator;

/**
 * For generated rulesets the validator accepts, {@code write(read(tree))} is the tree: every
 * strategy, optional fields left out, spelt as null or given, empty lists, guardrails with and
 * without scopes. Fields the model does not know survive anywhere in a rule.
 */
class RoundTripPropertiesTest {

    /** Marks an optional field the generated document leaves out. */
    private static final Object ABSENT = new Object();

    private static final Set<String> AUDIENCES = Set.of("vip-users");

    @Property(tries = 300)
    void aValidRulesetWritesBackAsItWasRead(@ForAll("rulesets") Map<String, Object> tree) {
        RulesetValidation validation = RulesetValidator.validate(tree, ValueType.BOOLEAN, AUDIENCES);
        assertThat(validation.findings())
                .as("the generator makes valid rulesets")
                .isEmpty();

        assertThat(RulesetCodec.write(RulesetCodec.read(tree))).isEqualTo(tree);
    }

    @Property(tries = 200)
    @SuppressWarnings("unchecked")
    void unknownFieldsSurviveTheRoundTrip(
            @ForAll("rulesets") Map<String, Object> tree, @ForAll("unknownFields") Map<String, Object> unknown) {
        Map<String, Object> extended = new LinkedHashMap<>(tree);
        extended.putAll(unknown);
        List<Object> rules = new ArrayList<>();
        for (Object rule : (List<?>) tree.get("rules")) {
            Map<String, Object> withExtras = new LinkedHashMap<>((Map<String, Object>) rule);
            withExtras.putAll(unknown);
            rules.add(withExtras);
        }
        extended.put("rules", rules);

        assertThat(RulesetCodec.write(RulesetCodec.read(extended))).isEqualTo(extended);
    }

    @Provide
    Arbitrary<Map<String, Object>> unknownFields() {
        return Arbitraries.maps(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofLength(12)
                                .map(name -> "x_" + name),
                        Arbitraries.oneOf(
                                Arbitraries.strings().ofMaxLength(5),
                                Arbitraries.longs(),
                                Arbitraries.just(List.of(1L, "two"))))
                .ofMaxSize(2);
    }

    @Provide
    Arbitrary<Map<String, Object>> rulesets() {
        return Combinators.combine(optional(text()), rule().list().ofMaxSize(4)).as((salt, rules) -> {
            List<Object> keyed = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("key", "rule-" + i);
                rule.putAll(rules.get(i));
                keyed.add(rule);
            }
            return object("salt", salt, "rules", keyed);
        });
    }

    private Arbitrary<Map<String, Object>> rule() {
        return Arbitraries.of(RuleStrategy.class).flatMap(strategy -> Combinators.combine(
                        optional(text()), optional(text()), conditions(), strategyFields(strategy))
                .as((name, description, conditions, fields) -> {
                    Map<String, Object> rule =
                            object("name", name, "description", description, "strategy", strategy.wireName());
                    if (conditions != ABSENT) {
                        rule.put("conditions", conditions);
                    }
                    rule.putAll(fields);
                    return rule;
                }));
    }

    private Arbitrary<Map<String, Object>> strategyFields(RuleStrategy strategy) {
        return switch (strategy) {
            case FORCED_VALUE -> served().map(value -> object("value", value));
            case SEGMENT_MATCH -> Combinators.combine(optional(served()), optional(text()))
                    .as((value, id) -> object("value", value, "audience_id", id, "audience_key", "vip-users"));
            case PERCENTAGE_ROLLOUT -> Combinators.combine(optional(served()), rollout())
                    .as((value, rollout) -> object("value", value, "rollout", rollout));
            case VARIANT_SPLIT -> Combinators.combine(variants(), rollout())
                    .as((variants, rollout) -> object("variants", variants, "rollout", rollout));
            case EXPERIMENT -> Combinators.combine(variants(), experiment())
                    .as((variants, experiment) -> object("variants", variants, "experiment", experiment));
        };
    }

    private Arbitrary<Object> conditions() {
        Arbitrary<Map<String, Object>> condition = Combinators.combine(
                        Arbitraries.of("plan", "attributes.plan", "actor.tier", "app_version"),
                        Arbitraries.of(
                                object("operator", "equals", "value", object("equals", "enterprise")),
                                object("operator", "in", "value", object("in", List.of("PT", "ES"))),
                                object("operator", "gte", "value", object("gte", 18L)),
                                object("operator", "lt", "value", object("lt", new java.math.BigDecimal("2.5"))),
                                object("operator", "regex", "value", object("pattern", "^beta-", "options", "i")),
                                object("operator", "exists", "value", object()),
                                object("operator", "semver_gte", "value", object("semver_gte", "2.4.0")),
                                object("operator", "before", "value", object("before", "2026-03-31"))),
                        optional(Arbitraries.of(true, false)))
                .as((attribute, operator, negate) -> {
                    Map<String, Object> written = object("attribute", attribute);
                    written.putAll(operator);
                    written.putAll(object("negate", negate));
                    return written;
                });
        return Arbitraries.oneOf(
                Arbitraries.just(ABSENT), condition.list().ofMaxSize(3).map(list -> (Object) list));
    }

    private Arbitrary<Map<String, Object>> served() {
        return Arbitraries.of(true, false).map(value -> object("value", value));
    }

    private Arbitrary<List<Map<String, Object>>> variants() {
        return Arbitraries.of(List.of(100L), List.of(50L, 50L), List.of(30L, 70L), List.of(10L, 0L, 90L))
                .map(weights -> {
                    List<Map<String, Object>> variants = new ArrayList<>();
                    for (int i = 0; i < weights.size(); i++) {
                        variants.add(
                                object("key", "v" + i, "value", object("value", i % 2 == 0), "weight", weights.get(i)));
                    }
                    return variants;
                });
    }

    private Arbitrary<Map<String, Object>> rollout() {
        Arbitrary<Object> guardrails = Arbitraries.oneOf(
                Arbitraries.just(ABSENT), guardrail().list().ofMaxSize(2).map(list -> (Object) list));
        return Combinators.combine(
                        Arbitraries.of(WireNamed.wireNames(BucketBy.class)),
                        Arbitraries.longs().between(0, 100),
                        optional(text()),
                        guardrails)
                .as((bucketBy, percentage, salt, guardrailList) -> object(
                        "bucket_by", bucketBy, "percentage", percentage, "salt", salt, "guardrails", guardrailList));
    }

    private Arbitrary<Map<String, Object>> guardrail() {
        return Combinators.combine(
                        Arbitraries.of(WireNamed.wireNames(ThresholdOperator.class)),
                        Arbitraries.oneOf(
                                Arbitraries.longs().between(0, 1000).map(n -> (Number) n),
                                Arbitraries.bigDecimals()
                                        .between(java.math.BigDecimal.ZERO, java.math.BigDecimal.TEN)
                                        .ofScale(3)
                                        .map(n -> (Number) n)),
                        Arbitraries.longs().between(0, 3600),
                        Arbitraries.longs().between(0, 10_000),
                        optional(Arbitraries.of(WireNamed.wireNames(EnvironmentScope.class))),
                        optional(Arbitraries.of(WireNamed.wireNames(TenantScope.class))))
                .as((operator, threshold, freshness, sample, environment, tenant) -> object(
                        "signal_key", "error_rate",
                        "threshold_operator", operator,
                        "threshold_value", threshold,
                        "freshness_window_seconds", freshness,
                        "min_sample_size", sample,
                        "environment_scope", environment,
                        "tenant_scope", tenant));
    }

    private Arbitrary<Map<String, Object>> experiment() {
        return Combinators.combine(
                        text(),
                        optional(Arbitraries.of(WireNamed.wireNames(BucketBy.class))),
                        optional(Arbitraries.longs().between(0, 100)))
                .as((salt, bucketBy, holdout) ->
                        object("iteration_salt", salt, "bucket_by", bucketBy, "holdout_percentage", holdout));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    }

    /** Left out, spelt as null, or given. */
    private static Arbitrary<Object> optional(Arbitrary<?> value) {
        return Arbitraries.oneOf(
                Arbitraries.just(ABSENT), value.map(v -> (Object) v).injectNull(0.3));
    }

    /** An object of the given fields in order, leaving out the absent ones. */
    private static Map<String, Object> object(Object... fieldsAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != ABSENT) {
                object.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
            }
        }
        return object;
    }
}
