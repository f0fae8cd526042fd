package org.rulestead.web.admin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.ruleset.Condition;
import org.rulestead.ruleset.RulesetCodec;

class RuleFormTest {

    @Test
    void aRuleReadAndWrittenBackIsTheSameRuleWithWhatTheEditorDoesNotShowKept() {
        Map<String, Object> rule = Map.of(
                "key",
                "pro-half",
                "description",
                "kept as it is",
                "strategy",
                "percentage_rollout",
                "value",
                Map.of("value", true),
                "conditions",
                List.of(Map.of("attribute", "plan", "operator", "in", "value", Map.of("in", List.of("pro", "team")))),
                "rollout",
                Map.of(
                        "bucket_by",
                        "account",
                        "percentage",
                        25,
                        "guardrails",
                        List.of(Map.of(
                                "signal_key",
                                "errors",
                                "threshold_operator",
                                "gt",
                                "threshold_value",
                                0.05,
                                "freshness_window_seconds",
                                300,
                                "min_sample_size",
                                100))));

        Map<String, Object> written = RuleForm.from(RulesetCodec.readRule(rule)).toDocument();

        assertThat(written).isEqualTo(rule);
    }

    @Test
    void onlyWhatTheStrategyUsesIsWritten() {
        RuleForm form = RuleForm.blank(1);
        form.setStrategy("variant_split");
        form.setValue("ignored");
        form.setPercentage("100");
        form.addVariant();
        form.getVariants().get(0).setValue("blue");

        Map<String, Object> written = form.toDocument();

        assertThat(written).doesNotContainKey("value").containsKeys("variants", "rollout");
        assertThat(written.get("variants"))
                .isEqualTo(List.of(Map.of("key", "variant-1", "value", Map.of("value", "blue"), "weight", 100)));
    }

    @Test
    void typedOperandsReadAsJsonWhereTheyParseAndAsTextOtherwise() {
        ConditionForm equals = new ConditionForm();
        equals.setAttribute("plan");
        equals.setOperand("pro");
        ConditionForm greater = new ConditionForm();
        greater.setAttribute("age");
        greater.setOperator("gte");
        greater.setOperand("18");
        ConditionForm quoted = new ConditionForm();
        quoted.setAttribute("zip");
        quoted.setOperand("\"01234\"");

        assertThat(equals.toDocument().get("value")).isEqualTo(Map.of("equals", "pro"));
        assertThat(greater.toDocument().get("value")).isEqualTo(Map.of("gte", 18L));
        assertThat(quoted.toDocument().get("value")).isEqualTo(Map.of("equals", "01234"));
        // not JSON (a leading zero), so text: shown bare, and typed bare it reads the same, never as 0
        assertThat(ConditionForm.from(condition(quoted.toDocument())).getOperand())
                .isEqualTo("01234");
        quoted.setOperand("01234");
        assertThat(quoted.toDocument().get("value")).isEqualTo(Map.of("equals", "01234"));
    }

    @Test
    void aPercentageThatIsNotANumberReachesTheValidatorAsTyped() {
        RuleForm form = RuleForm.blank(1);
        form.setStrategy("percentage_rollout");
        form.setPercentage("half");

        assertThat(((Map<?, ?>) form.toDocument().get("rollout")).get("percentage"))
                .isEqualTo("half");
    }

    /** A condition document as the ruleset model reads it, inside a rule. */
    private static Condition condition(Map<String, Object> document) {
        return RulesetCodec.readRule(Map.of(
                        "key",
                        "r",
                        "strategy",
                        "forced_value",
                        "value",
                        Map.of("value", true),
                        "conditions",
                        List.of(document)))
                .conditions()
                .get(0);
    }
}
