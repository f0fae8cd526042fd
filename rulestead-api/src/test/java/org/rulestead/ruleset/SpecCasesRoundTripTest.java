package org.rulestead.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.rulestead.evaluation.CompiledFlag;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.FlagCompiler;
import org.rulestead.model.ValueType;
import org.rulestead.model.WireNamed;
import org.rulestead.validation.RulesetValidation;
import org.rulestead.validation.RulesetValidator;

/**
 * The rulesets of the spec's evaluation cases ({@code spec-cases.json}, §2.12) through the codec:
 * each one an author can write reads and writes back identically, and compiles to the same
 * answers. The others are hand-built payloads for the evaluator's fallbacks, which the validator
 * refuses and the codec cannot read.
 */
class SpecCasesRoundTripTest {

    /** Payloads of runtime fallbacks: unknown strategy, missing blocks, a null bucket_by, an eq rule. */
    private static final Set<String> NOT_AUTHORABLE =
            Set.of("hero-banner", "beta-off", "unknown-strategy", "incomplete-rules", "rollout-without-value");

    private static final Map<String, Object> DOCUMENT = Trees.resource("/org/rulestead/evaluation/spec-cases.json");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> payloads() {
        return (Map<String, Map<String, Object>>) DOCUMENT.get("payloads");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() {
        return (List<Map<String, Object>>) DOCUMENT.get("cases");
    }

    private static Stream<Map.Entry<String, Map<String, Object>>> authorable() {
        return payloads().entrySet().stream()
                .filter(entry -> entry.getValue().containsKey("active_ruleset"))
                .filter(entry -> !NOT_AUTHORABLE.contains(entry.getKey()));
    }

    @TestFactory
    Stream<DynamicTest> everyAuthorableRulesetWritesBackAsItWasRead() {
        return authorable()
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    Object stored = entry.getValue().get("active_ruleset");

                    Map<String, Object> written = RulesetCodec.write(RulesetCodec.read(stored));

                    assertThat(written).isEqualTo(stored);
                    assertThat(RulesetCodec.write(RulesetCodec.read(draftOf(stored))))
                            .isEqualTo(draftOf(stored));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyAudienceDefinitionWritesBackAsItWasRead() {
        return payloads().entrySet().stream()
                .filter(entry ->
                        entry.getValue().get("audiences") instanceof Map<?, ?> audiences && !audiences.isEmpty())
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    Map<?, ?> audiences = (Map<?, ?>) entry.getValue().get("audiences");
                    audiences.forEach((key, audience) -> {
                        Object definition = ((Map<?, ?>) audience).get("definition");
                        assertThat(RulesetCodec.writeAudienceDefinition(
                                        RulesetCodec.readAudienceDefinition(definition)))
                                .as("audience %s", key)
                                .isEqualTo(definition);
                    });
                }));
    }

    @TestFactory
    Stream<DynamicTest> theWrittenRulesetCompilesToTheSameAnswers() {
        return cases().stream()
                .filter(testCase ->
                        authorable().anyMatch(entry -> entry.getKey().equals(testCase.get("payload"))))
                .map(testCase -> DynamicTest.dynamicTest(testCase.get("spec") + " " + testCase.get("name"), () -> {
                    Map<String, Object> original = payloads().get((String) testCase.get("payload"));
                    Map<String, Object> rewritten = new LinkedHashMap<>(original);
                    rewritten.put(
                            "active_ruleset", RulesetCodec.write(RulesetCodec.read(original.get("active_ruleset"))));
                    EvaluationContext context = EvaluationContext.from(testCase.get("context"));

                    CompiledFlag before = FlagCompiler.compile(original);
                    CompiledFlag after = FlagCompiler.compile(rewritten);

                    assertThat(after.evaluate(context)).isEqualTo(before.evaluate(context));
                    assertThat(after.evaluateWithTrace(context)).isEqualTo(before.evaluateWithTrace(context));
                }));
    }

    @TestFactory
    Stream<DynamicTest> whatTheValidatorAcceptsTheCodecReads() {
        return payloads().entrySet().stream()
                .filter(entry -> entry.getValue().containsKey("active_ruleset"))
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    Map<String, Object> payload = entry.getValue();
                    Map<String, Object> draft = draftOf(payload.get("active_ruleset"));
                    RulesetValidation validation = validate(payload, draft);
                    if (validation.valid()) {
                        assertThat(RulesetCodec.write(RulesetCodec.read(draft))).isEqualTo(draft);
                    }
                    if (NOT_AUTHORABLE.contains(entry.getKey())) {
                        assertThat(validation.valid())
                                .as("the validator refuses it")
                                .isFalse();
                        assertThatThrownBy(() -> RulesetCodec.read(draft))
                                .isInstanceOf(MalformedRulesetException.class);
                    }
                }));
    }

    @Test
    void mostSpecRulesetsAreAuthorable() {
        assertThat(authorable().count()).isGreaterThanOrEqualTo(20);
    }

    /** What an author writes: the stored ruleset's salt and rules. */
    private static Map<String, Object> draftOf(Object stored) {
        Map<?, ?> ruleset = (Map<?, ?>) stored;
        Map<String, Object> draft = new LinkedHashMap<>();
        if (ruleset.containsKey("salt")) {
            draft.put("salt", ruleset.get("salt"));
        }
        draft.put("rules", ruleset.get("rules"));
        return draft;
    }

    private static RulesetValidation validate(Map<String, Object> payload, Map<String, Object> draft) {
        Map<?, ?> flag = (Map<?, ?>) payload.get("flag");
        ValueType type = WireNamed.parse(ValueType.class, (String) flag.get("value_type"))
                .orElseThrow();
        Set<String> audiences = payload.get("audiences") instanceof Map<?, ?> map
                ? map.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
                : Set.of();
        return RulesetValidator.validate(draft, type, audiences);
    }
}
