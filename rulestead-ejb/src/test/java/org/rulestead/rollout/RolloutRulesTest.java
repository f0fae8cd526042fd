package org.rulestead.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.ruleset.Rule;
import org.rulestead.ruleset.Ruleset;
import org.rulestead.ruleset.RulesetCodec;

/** Spec §5.2 steps 3 and 5: which rule an advance moves, and that it moves nothing else. */
class RolloutRulesTest {

    private static final Map<String, Object> GUARDRAIL = Map.of(
            "signal_key",
            "error_rate",
            "threshold_operator",
            "gte",
            "threshold_value",
            0.05,
            "freshness_window_seconds",
            300,
            "min_sample_size",
            100);

    private static final Ruleset TWO_ROLLOUTS = RulesetCodec.read(Map.of(
            "salt",
            "s1",
            "rules",
            List.of(
                    Map.of("key", "pro", "strategy", "forced_value", "value", Map.of("value", true)),
                    Map.of(
                            "key",
                            "everyone",
                            "description",
                            "kept",
                            "strategy",
                            "percentage_rollout",
                            "value",
                            Map.of("value", true),
                            "rollout",
                            Map.of(
                                    "bucket_by",
                                    "account",
                                    "percentage",
                                    5,
                                    "salt",
                                    "r1",
                                    "guardrails",
                                    List.of(GUARDRAIL))),
                    Map.of(
                            "key",
                            "colours",
                            "strategy",
                            "variant_split",
                            "variants",
                            List.of(Map.of("key", "blue", "value", Map.of("value", true), "weight", 100)),
                            "rollout",
                            Map.of("bucket_by", "subject", "percentage", 10)))));

    @Test
    void theRuleIsFoundByKeyOrAsTheOnlyRolloutRule() {
        assertThat(RolloutRules.resolve(TWO_ROLLOUTS, "everyone"))
                .map(Rule::key)
                .contains("everyone");
        assertThat(RolloutRules.resolve(TWO_ROLLOUTS, "pro")).isEmpty(); // no rollout
        assertThat(RolloutRules.resolve(TWO_ROLLOUTS, "nope")).isEmpty();
        assertThat(RolloutRules.resolve(TWO_ROLLOUTS, null)).isEmpty(); // two rollout rules: ambiguous
        Ruleset one = new Ruleset("s1", TWO_ROLLOUTS.rules().subList(0, 2), null);
        assertThat(RolloutRules.resolve(one, null)).map(Rule::key).contains("everyone");
        assertThat(RolloutRules.of(TWO_ROLLOUTS)).extracting(Rule::key).containsExactly("everyone", "colours");
    }

    @Test
    void anAdvanceChangesThatRulesPercentageAndNothingElse() {
        Map<String, Object> before = RulesetCodec.write(TWO_ROLLOUTS);

        Map<String, Object> after = RulesetCodec.write(RolloutRules.withPercentage(TWO_ROLLOUTS, "everyone", 50));

        List<?> rulesBefore = (List<?>) before.get("rules");
        List<?> rulesAfter = (List<?>) after.get("rules");
        assertThat(rulesAfter.get(0)).isEqualTo(rulesBefore.get(0));
        assertThat(rulesAfter.get(2)).isEqualTo(rulesBefore.get(2));
        Map<?, ?> moved = (Map<?, ?>) rulesAfter.get(1);
        Map<?, ?> rollout = (Map<?, ?>) moved.get("rollout");
        assertThat(rollout.get("percentage")).isEqualTo(50);
        assertThat(rollout.get("salt")).isEqualTo("r1");
        assertThat(rollout.get("bucket_by")).isEqualTo("account");
        assertThat(rollout.get("guardrails")).isEqualTo(List.of(GUARDRAIL));
        assertThat(moved.get("description")).isEqualTo("kept");
        assertThat(after.get("salt")).isEqualTo("s1");
    }

    @Test
    void aVariantSplitMovesToo() {
        Map<?, ?> split =
                (Map<?, ?>) ((List<?>) RulesetCodec.write(RolloutRules.withPercentage(TWO_ROLLOUTS, "colours", 100))
                                .get("rules"))
                        .get(2);

        assertThat(((Map<?, ?>) split.get("rollout")).get("percentage")).isEqualTo(100);
        assertThat(split.get("variants"))
                .isEqualTo(
                        ((Map<?, ?>) ((List<?>) RulesetCodec.write(TWO_ROLLOUTS).get("rules")).get(2)).get("variants"));
    }

    @Test
    void aPercentageIsAWholeNumberFromZeroToOneHundred() {
        assertThat(AdvanceRollout.percentage(0)).isZero();
        assertThat(AdvanceRollout.percentage(100L)).isEqualTo(100);
        assertThat(AdvanceRollout.percentage(25.0)).isEqualTo(25);
        assertThat(AdvanceRollout.percentage(101)).isNull();
        assertThat(AdvanceRollout.percentage(-1)).isNull();
        assertThat(AdvanceRollout.percentage(12.5)).isNull();
        assertThat(AdvanceRollout.percentage("50")).isNull();
    }
}
