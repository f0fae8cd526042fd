package org.rulestead.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rulestead.model.ValueType;

/** Authoring validation of draft rulesets (spec §1.4–§1.5, decisions 3–4). */
class RulesetValidatorTest {

    private static final Set<String> AUDIENCES = Set.of("vip-users");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return (Map<String, Object>) toJava(reader.readValue());
        }
    }

    private static Object toJava(jakarta.json.JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> true;
            case FALSE -> false;
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) value).isIntegral()
                    ? (Object) ((jakarta.json.JsonNumber) value).longValue()
                    : ((jakarta.json.JsonNumber) value).bigDecimalValue();
            case ARRAY -> value.asJsonArray().stream()
                    .map(RulesetValidatorTest::toJava)
                    .toList();
            case OBJECT -> {
                Map<String, Object> map = new java.util.LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, toJava(v)));
                yield map;
            }
        };
    }

    private static RulesetValidation validate(String rules) {
        return RulesetValidator.validate(
                json("{\"salt\": \"s\", \"rules\": " + rules + "}"), ValueType.BOOLEAN, AUDIENCES);
    }

    @Test
    void aCompleteRulesetHasNoFindings() {
        RulesetValidation validation = validate(
                """
                [{"key": "enterprise", "strategy": "forced_value", "value": {"value": true},
                  "conditions": [{"attribute": "attributes.plan", "operator": "equals", "value": {"equals": "enterprise"}},
                                 {"attribute": "email", "operator": "regex", "value": {"pattern": "@corp\\\\.com$", "options": "i"}},
                                 {"attribute": "country", "operator": "in", "value": {"in": ["PT", "ES"]}, "negate": true}]},
                 {"key": "vips", "strategy": "segment_match", "audience_key": "vip-users", "value": {"value": true}},
                 {"key": "ten-percent", "strategy": "percentage_rollout", "value": {"value": true},
                  "rollout": {"bucket_by": "subject", "percentage": 10, "salt": "r1",
                              "guardrails": [{"signal_key": "error_rate", "threshold_operator": "gt", "threshold_value": 0.05,
                                              "freshness_window_seconds": 300, "min_sample_size": 100}]}},
                 {"key": "split", "strategy": "variant_split", "rollout": {"bucket_by": "account", "percentage": 100},
                  "variants": [{"key": "on", "value": {"value": true}, "weight": 30}, {"key": "off", "value": {"value": false}, "weight": 70}]},
                 {"key": "exp", "strategy": "experiment", "experiment": {"iteration_salt": "iter-1", "holdout_percentage": 5},
                  "variants": [{"key": "control", "value": {"value": false}, "weight": 50}, {"key": "treatment", "value": {"value": true}, "weight": 50}]}]
                """);

        assertThat(validation.findings()).isEmpty();
        assertThat(validation.valid()).isTrue();
    }

    @Test
    void weightsThatMissAHundredAreTheirOwnError() {
        RulesetValidation validation = validate(
                """
                [{"key": "a", "strategy": "forced_value", "value": {"value": true}},
                 {"key": "split", "strategy": "variant_split", "rollout": {"bucket_by": "subject", "percentage": 100},
                  "variants": [{"key": "on", "value": {"value": true}, "weight": 30}, {"key": "off", "value": {"value": false}, "weight": 60}]}]
                """);

        assertThat(validation.findings())
                .containsExactly(new Finding("rules[1].variants", "variant weights must sum to 100% (they sum to 90)"));
        assertThat(validation.errorType().wireName()).isEqualTo("variant_weights_invalid");
        assertThat(validation.message()).isEqualTo("variant weights must sum to 100%");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "duplicate rule keys | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}}, {\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": false}}] | rules[1].key",
                "a missing key | [{\"strategy\": \"forced_value\", \"value\": {\"value\": true}}] | rules[0].key",
                "an unknown strategy | [{\"key\": \"a\", \"strategy\": \"time_of_day\"}] | rules[0].strategy",
                "a forced value without value | [{\"key\": \"a\", \"strategy\": \"forced_value\"}] | rules[0].value",
                "a value of the wrong type | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": \"yes\"}}] | rules[0].value.value",
                "a bare value | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": true}] | rules[0].value",
                "a rollout strategy without rollout | [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"value\": {\"value\": true}}] | rules[0].rollout",
                "a rollout on a forced value | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 5}}] | rules[0].rollout",
                "a percentage above 100 | [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"value\": {\"value\": true}, \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 101}}] | rules[0].rollout.percentage",
                "a fractional percentage | [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"value\": {\"value\": true}, \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 10.5}}] | rules[0].rollout.percentage",
                "an unknown bucket_by | [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"value\": {\"value\": true}, \"rollout\": {\"bucket_by\": \"device\", \"percentage\": 10}}] | rules[0].rollout.bucket_by",
                "a split without variants | [{\"key\": \"a\", \"strategy\": \"variant_split\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 10}}] | rules[0].variants",
                "a variant value of the wrong type | [{\"key\": \"a\", \"strategy\": \"variant_split\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 10}, \"variants\": [{\"key\": \"x\", \"value\": {\"value\": 1}, \"weight\": 100}]}] | rules[0].variants[0].value.value",
                "a variant weight out of range | [{\"key\": \"a\", \"strategy\": \"variant_split\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 10}, \"variants\": [{\"key\": \"x\", \"value\": {\"value\": true}, \"weight\": 120}]}] | rules[0].variants[0].weight",
                "an experiment without its block | [{\"key\": \"a\", \"strategy\": \"experiment\", \"variants\": [{\"key\": \"x\", \"value\": {\"value\": true}, \"weight\": 100}]}] | rules[0].experiment",
                "an experiment without iteration salt | [{\"key\": \"a\", \"strategy\": \"experiment\", \"experiment\": {}, \"variants\": [{\"key\": \"x\", \"value\": {\"value\": true}, \"weight\": 100}]}] | rules[0].experiment.iteration_salt",
                "an audience that does not exist | [{\"key\": \"a\", \"strategy\": \"segment_match\", \"audience_key\": \"ghosts\", \"value\": {\"value\": true}}] | rules[0].audience_key",
                "a segment match without audience | [{\"key\": \"a\", \"strategy\": \"segment_match\", \"value\": {\"value\": true}}] | rules[0].audience_key",
                "an attribute with an index | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"items[0]\", \"operator\": \"exists\", \"value\": {}}]}] | rules[0].conditions[0].attribute",
                "an attribute with an empty segment | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"org..tier\", \"operator\": \"exists\", \"value\": {}}]}] | rules[0].conditions[0].attribute",
                "an unknown operator | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"plan\", \"operator\": \"like\", \"value\": {\"like\": \"x\"}}]}] | rules[0].conditions[0].operator",
                "an invalid pattern | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"plan\", \"operator\": \"regex\", \"value\": {\"pattern\": \"(\"}}]}] | rules[0].conditions[0].value.pattern",
                "a backreference RE2 refuses | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"plan\", \"operator\": \"regex\", \"value\": {\"pattern\": \"(a)\\\\1\"}}]}] | rules[0].conditions[0].value.pattern",
                "an unsupported regex option | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"plan\", \"operator\": \"regex\", \"value\": {\"pattern\": \"a\", \"options\": \"U\"}}]}] | rules[0].conditions[0].value.options",
                "a mixed in list | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"plan\", \"operator\": \"in\", \"value\": {\"in\": [\"a\", 1]}}]}] | rules[0].conditions[0].value.in",
                "an empty in list | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"plan\", \"operator\": \"in\", \"value\": {\"in\": []}}]}] | rules[0].conditions[0].value.in",
                "a text bound for gt | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"age\", \"operator\": \"gt\", \"value\": {\"gt\": \"18\"}}]}] | rules[0].conditions[0].value.gt",
                "exists with an operand | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"age\", \"operator\": \"exists\", \"value\": {\"exists\": true}}]}] | rules[0].conditions[0].value",
                "an invalid date | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"since\", \"operator\": \"before\", \"value\": {\"before\": \"yesterday\"}}]}] | rules[0].conditions[0].value.before",
                "an invalid version | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"app\", \"operator\": \"semver_gt\", \"value\": {\"semver_gt\": \"2.4\"}}]}] | rules[0].conditions[0].value.semver_gt",
                "a negate that is not a boolean | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"app\", \"operator\": \"exists\", \"value\": {}, \"negate\": \"yes\"}]}] | rules[0].conditions[0].negate",
                "a guardrail without threshold | [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"value\": {\"value\": true}, \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 5, \"guardrails\": [{\"signal_key\": \"errors\", \"threshold_operator\": \"gt\", \"freshness_window_seconds\": 60, \"min_sample_size\": 10}]}}] | rules[0].rollout.guardrails[0].threshold_value",
                "rules that are not a list | {\"key\": \"a\"} | rules",
                "a rule that is not an object | [\"a\"] | rules[0]",
                "a misspelt rule field | [{\"key\": \"a\", \"stratgy\": \"forced_value\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}}] | rules[0].stratgy",
                "an unknown condition field | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true}, \"conditions\": [{\"attribute\": \"age\", \"operator\": \"exists\", \"value\": {}, \"negated\": true}]}] | rules[0].conditions[0].negated",
                "an unknown variant field | [{\"key\": \"a\", \"strategy\": \"variant_split\", \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 10}, \"variants\": [{\"key\": \"x\", \"value\": {\"value\": true}, \"weight\": 100, \"wieght\": 1}]}] | rules[0].variants[0].wieght",
                "an unknown rollout field | [{\"key\": \"a\", \"strategy\": \"percentage_rollout\", \"value\": {\"value\": true}, \"rollout\": {\"bucket_by\": \"subject\", \"percentage\": 5, \"percent\": 50}}] | rules[0].rollout.percent",
                "an unknown experiment field | [{\"key\": \"a\", \"strategy\": \"experiment\", \"experiment\": {\"iteration_salt\": \"i\", \"holdout\": 5}, \"variants\": [{\"key\": \"x\", \"value\": {\"value\": true}, \"weight\": 100}]}] | rules[0].experiment.holdout",
                "a value with more than its value | [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": true, \"variant\": \"b\"}}] | rules[0].value.variant",
            })
    void eachProblemIsAFindingAtItsField(String problem, String rules, String field) {
        RulesetValidation validation = validate(rules);

        assertThat(validation.findings()).extracting(Finding::field).contains(field);
        assertThat(validation.valid()).isFalse();
        assertThat(validation.errorType().wireName()).isEqualTo("invalid_ruleset");
    }

    @Test
    void aRulesetOfUnknownFieldsNamesEachOfThem() {
        RulesetValidation validation = RulesetValidator.validate(
                json("{\"salt\": \"s\", \"rules\": [], \"rulez\": [], \"colour\": \"red\"}"),
                ValueType.BOOLEAN,
                AUDIENCES);

        assertThat(validation.findings()).extracting(Finding::field).containsExactly("rulez", "colour");
        assertThat(validation.findings().get(0).message()).contains("salt, rules");
    }

    @Test
    void variantFlagsServeVariantNames() {
        RulesetValidation validation = RulesetValidator.validate(
                json(
                        "{\"rules\": [{\"key\": \"a\", \"strategy\": \"forced_value\", \"value\": {\"value\": \"blue\"}}]}"),
                ValueType.VARIANT,
                Set.of());

        assertThat(validation.findings()).isEmpty();
    }
}
