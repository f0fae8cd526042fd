package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rulestead.explain.Explanation;

/**
 * The evaluation cases of {@code spec-cases.json}: the spec's worked examples (§2.12), its context
 * normalization (§2.1) and its strategy, operator and audience rules, each checked field by field
 * ({@code targeting_key} is the normalized context's).
 */
class SpecCasesTest {

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> everyCaseGivesTheSpecifiedAnswer() {
        Map<String, Object> document = JsonDocuments.resource(SpecCasesTest.class, "spec-cases.json");
        Map<String, Object> payloads = (Map<String, Object>) document.get("payloads");
        List<Map<String, Object>> cases = (List<Map<String, Object>>) document.get("cases");
        return cases.stream()
                .map(testCase -> DynamicTest.dynamicTest(
                        testCase.get("spec") + " " + testCase.get("name"),
                        () -> check(payloads.get((String) testCase.get("payload")), testCase.get("context"), (Map<
                                        String, Object>)
                                testCase.get("expect"))));
    }

    private static void check(Object payload, Object context, Map<String, Object> expect) {
        assertThat(payload).as("payload").isNotNull();
        CompiledFlag flag = FlagCompiler.compile(payload);
        EvaluationContext normalized = EvaluationContext.from(context);
        EvaluationResult traced = flag.evaluateWithTrace(normalized);
        EvaluationResult fast = flag.evaluate(normalized);

        assertThat(fast).as("the hot path agrees with the traced path").isEqualTo(withoutTrace(traced));
        expect.forEach((field, expected) ->
                assertThat(actual(normalized, traced, field)).as(field).isEqualTo(expected));
    }

    private static EvaluationResult withoutTrace(EvaluationResult result) {
        return new EvaluationResult(
                result.value(),
                result.enabled(),
                result.variant(),
                result.reason(),
                result.matchedRule(),
                result.flagKey(),
                result.flagVersion(),
                result.killSwitch(),
                result.error(),
                null);
    }

    private static Object actual(EvaluationContext context, EvaluationResult result, String field) {
        DebugTrace trace = result.trace();
        DebugTrace.RuleTrace matched = trace == null ? null : trace.matchedRuleTrace();
        return switch (field) {
            case "targeting_key" -> context.targetingKey();
            case "value" -> result.value();
            case "enabled" -> result.enabled();
            case "variant" -> result.variant();
            case "reason" -> result.reason().wireName();
            case "matched_rule" -> result.matchedRule();
            case "flag_key" -> result.flagKey();
            case "flag_version" -> result.flagVersion();
            case "kill_switch" -> result.killSwitch();
            case "error_type" -> result.isError() ? result.error().type().wireName() : null;
            case "error_message" -> result.isError() ? result.error().message() : null;
            case "explanation" -> Explanation.of(result);
            case "rollout_bucket" -> (long) matched.rollout().bucket();
            case "variant_bucket" -> (long)
                    (matched.rollout() != null
                            ? matched.rollout().variantBucket()
                            : matched.experiment().variantBucket());
            case "experiment_bucket" -> (long) matched.experiment().experimentBucket();
            case "holdout" -> matched.experiment().holdout();
            case "audience" -> trace.ruleTraces().stream()
                    .filter(rule -> rule.audience() != null)
                    .map(rule -> rule.audience().reason())
                    .findFirst()
                    .orElse(null);
            case "warnings" -> trace.warnings().stream()
                    .map(DebugTrace.Warning::type)
                    .toList();
            default -> throw new IllegalArgumentException("unknown expectation " + field);
        };
    }
}
