package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each operator's semantics (spec §2.5, decisions 2–3): lane-strict equality, no coercion, and
 * what a missing attribute does. Values are JSON; "missing" means the attribute is absent.
 */
class OperatorsTest {

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // equals: value.equals only, lane-strict
                "equals | {\"equals\": \"pro\"}        | \"pro\"     | true",
                "equals | {\"equals\": \"pro\"}        | \"Pro\"     | false",
                "equals | {\"equals\": 5}              | \"5\"       | false",
                "equals | {\"equals\": 5}              | 5.0         | true",
                "equals | {\"equals\": true}           | \"true\"    | false",
                "equals | {\"equals\": {\"a\": [1]}}   | {\"a\": [1.0]} | true",
                "equals | {\"equals\": \"pro\"}        | missing     | false",
                "equals | \"pro\"                      | \"pro\"     | false",
                // eq and neq: the audience forms, raw values allowed
                "eq     | \"pro\"                      | \"pro\"     | true",
                "eq     | {\"value\": 3}               | 3           | true",
                "eq     | {\"eq\": null, \"equals\": 4} | 4          | true",
                "eq     | false                        | false       | true",
                "eq     | false                        | missing     | false",
                "neq    | \"pro\"                      | \"free\"    | true",
                "neq    | \"pro\"                      | \"pro\"     | false",
                "neq    | \"pro\"                      | missing     | true",
                "neq    | {\"neq\": 1}                 | \"1\"       | true",
                // in and not_in
                "in     | {\"in\": [\"a\", \"b\"]}     | \"b\"       | true",
                "in     | {\"in\": [1, 2]}             | 2.0         | true",
                "in     | {\"in\": [1, 2]}             | \"1\"       | false",
                "in     | {\"in\": [\"a\"]}            | missing     | false",
                "in     | [\"a\", \"b\"]               | \"a\"       | true",
                "in     | {\"in\": \"a\"}              | \"a\"       | false",
                "not_in | {\"not_in\": [\"RU\"]}       | \"PT\"      | true",
                "not_in | {\"not_in\": [\"RU\"]}       | \"RU\"      | false",
                "not_in | {\"not_in\": [\"RU\"]}       | missing     | true",
                // numeric comparisons: numbers only
                "gt     | {\"gt\": 10}                 | 10.5        | true",
                "gt     | {\"gt\": 10}                 | 10          | false",
                "gte    | {\"gte\": 10}                | 10          | true",
                "lt     | {\"lt\": 1.5}                | 1           | true",
                "lte    | {\"lte\": 1}                 | 1.0         | true",
                "gt     | {\"gt\": 10}                 | \"11\"      | false",
                "gt     | {\"gt\": 10}                 | missing     | false",
                "gt     | {\"gt\": \"10\"}             | 11          | false",
                // regex on RE2/J: unanchored find, options i m s u, anything else never matches;
                // linear time, so a catastrophic pattern on a hostile value answers at once
                "regex  | {\"pattern\": \"^ana@\"}     | \"ana@x.io\" | true",
                "regex  | {\"pattern\": \"X\\\\.IO$\", \"options\": \"i\"} | \"ana@x.io\" | true",
                "regex  | {\"pattern\": \"X\\\\.IO$\"} | \"ana@x.io\" | false",
                "regex  | {\"pattern\": \"a\", \"options\": \"x\"} | \"a\" | false",
                "regex  | {\"pattern\": \"(\"}         | \"(\"       | false",
                "regex  | {\"pattern\": \"1\"}         | 1           | false",
                "regex  | {\"pattern\": \"a\"}         | missing     | false",
                "regex  | {\"pattern\": \"(a+)+$\"}    | \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\" | false",
                // exists: present values, false and empty string included
                "exists | {}                           | false       | true",
                "exists | {}                           | \"\"        | true",
                "exists | {}                           | missing     | false",
                // extra string operators: case-sensitive, strings only
                "contains    | {\"contains\": \"beta\"}    | \"open-beta-1\" | true",
                "contains    | {\"contains\": \"Beta\"}    | \"open-beta-1\" | false",
                "starts_with | {\"starts_with\": \"beta-\"} | \"beta-7\"   | true",
                "starts_with | {\"starts_with\": \"beta-\"} | 7           | false",
                "ends_with   | {\"ends_with\": \".io\"}   | \"x.io\"    | true",
                "ends_with   | {\"ends_with\": \".io\"}   | missing     | false",
                // before and after: instants; a date is its start in UTC
                "before | {\"before\": \"2026-01-01\"} | \"2025-12-31T23:59:59Z\" | true",
                "before | {\"before\": \"2026-01-01\"} | \"2026-01-01T00:00:00Z\" | false",
                "after  | {\"after\": \"2026-01-01T00:00:00+01:00\"} | \"2025-12-31T23:30:00Z\" | true",
                "after  | {\"after\": \"2026-01-01\"}  | \"not a date\" | false",
                "after  | {\"after\": \"2026-01-01\"}  | missing     | false",
                // semantic versions: precedence, build metadata ignored, invalid versions fail
                "semver_eq  | {\"semver_eq\": \"1.2.3\"}  | \"1.2.3+build.7\" | true",
                "semver_gt  | {\"semver_gt\": \"1.2.3\"}  | \"1.10.0\"   | true",
                "semver_gt  | {\"semver_gt\": \"1.0.0\"}  | \"1.0.0-rc.1\" | false",
                "semver_lt  | {\"semver_lt\": \"1.0.0-beta\"} | \"1.0.0-alpha.1\" | true",
                "semver_lt  | {\"semver_lt\": \"1.0.0-alpha.1\"} | \"1.0.0-alpha\" | true",
                "semver_lte | {\"semver_lte\": \"2.0.0\"} | \"2.0.0\"    | true",
                "semver_gte | {\"semver_gte\": \"2.0.0\"} | \"2.0\"      | false",
                "semver_gte | {\"semver_gte\": \"2.0.0\"} | missing     | false",
                // anything else never passes
                "matches | {\"matches\": \"a\"}        | \"a\"       | false",
            })
    void theOperatorDecides(String operator, String value, String actual, boolean expected) {
        assertThat(passes(operator, value, actual, false)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "negated {0} {1} on {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "equals   | {\"equals\": \"pro\"}  | \"pro\"  | false",
                "equals   | {\"equals\": \"pro\"}  | missing  | true",
                "not_in   | {\"not_in\": [\"RU\"]} | missing  | false",
                "contains | {\"contains\": \"x\"}  | missing  | true",
            })
    void negateInvertsTheResultMissingAttributesIncluded(
            String operator, String value, String actual, boolean expected) {
        assertThat(passes(operator, value, actual, true)).isEqualTo(expected);
    }

    private static boolean passes(String operator, String value, String actual, boolean negate) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("attribute", "subject_attribute");
        condition.put("operator", operator);
        condition.put("value", JsonDocuments.parse(value));
        condition.put("negate", negate);
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (!actual.equals("missing")) {
            attributes.put("subject_attribute", JsonDocuments.parse(actual));
        }
        Condition compiled = Condition.ofRule(condition);
        EvaluationContext context = EvaluationContext.of("u", attributes);
        boolean fast = compiled.passes(context);
        assertThat(compiled.trace(context).passed())
                .as("the traced path agrees")
                .isEqualTo(fast);
        return fast;
    }
}
