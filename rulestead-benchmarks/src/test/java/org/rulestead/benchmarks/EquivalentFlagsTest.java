package org.rulestead.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.launchdarkly.sdk.EvaluationReason;
import com.launchdarkly.sdk.LDContext;
import com.launchdarkly.sdk.server.LDClient;
import io.getunleash.Unleash;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rulestead.evaluation.CompiledFlag;
import org.rulestead.evaluation.DebugTrace;
import org.rulestead.evaluation.EvaluationContext;

/**
 * The benchmark compares like with like: for each shape, the three SDKs, all offline, give the
 * same answers to the benchmark users (the same shares for bucketed shapes, each by its own hash),
 * and in the targeting shapes every SDK reaches every condition and answers from the last rule.
 */
class EquivalentFlagsTest {

    private LDClient launchDarkly;
    private Unleash unleash;

    @BeforeEach
    void noClientsYet() {
        launchDarkly = null;
        unleash = null;
    }

    @AfterEach
    void close() throws IOException {
        if (launchDarkly != null) {
            launchDarkly.close();
        }
        if (unleash != null) {
            unleash.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everySdkGivesTheShapesAnswers(Shape shape) {
        CompiledFlag rulestead = RulesteadSide.flag(shape);
        var rulesteadUsers = RulesteadSide.contexts(shape);
        launchDarkly = LaunchDarklySide.client(shape);
        var launchDarklyUsers = LaunchDarklySide.contexts(shape);
        unleash = UnleashSide.client(shape);
        var unleashUsers = UnleashSide.contexts(shape);

        if (shape == Shape.SPLIT) {
            for (String variant : new String[] {"a", "b", "c"}) {
                double expected = variant.equals("c") ? 0.34 : 0.33;
                assertThat(share(i -> rulestead.evaluate(rulesteadUsers[i]).variant(), variant))
                        .isCloseTo(expected, within(0.05));
                assertThat(share(
                                i -> launchDarkly.stringVariation(Shape.FLAG_KEY, launchDarklyUsers[i], "none"),
                                variant))
                        .isCloseTo(expected, within(0.05));
                assertThat(share(
                                i -> unleash.getVariant(Shape.FLAG_KEY, unleashUsers[i])
                                        .getName(),
                                variant))
                        .isCloseTo(expected, within(0.05));
            }
            return;
        }
        double expected = shape == Shape.ROLLOUT ? 0.5 : 1.0;
        assertThat(share(i -> rulestead.evaluate(rulesteadUsers[i]).enabled(), true))
                .isCloseTo(expected, within(0.05));
        assertThat(share(i -> launchDarkly.boolVariation(Shape.FLAG_KEY, launchDarklyUsers[i], false), true))
                .isCloseTo(expected, within(0.05));
        assertThat(share(i -> unleash.isEnabled(Shape.FLAG_KEY, unleashUsers[i]), true))
                .isCloseTo(expected, within(0.05));
    }

    @ParameterizedTest
    @EnumSource(
            value = Shape.class,
            names = {"TARGETING_SHARED", "TARGETING_DISTINCT"})
    void theUsersPassTheFirstTwoConditionsOfEveryRuleAndTheThirdOnlyInTheLast(Shape shape) {
        Targeting targeting = shape.targeting();
        assertThat(targeting.rules()).hasSize(Targeting.RULES);
        for (Targeting.Rule rule : targeting.rules()) {
            boolean last = rule.equals(targeting.lastRule());
            assertThat(rule.conditions())
                    .extracting(condition -> Targeting.passes(condition, targeting.userAttributes()))
                    .as(rule.key())
                    .containsExactly(true, true, last);
        }
    }

    @Test
    void theSharedShapeRepeatsTwoConditionsInEveryRule() {
        assertThat(distinctConditions(Targeting.SHARED)).hasSize(2 + Targeting.RULES);
    }

    @Test
    void theDistinctShapeHasThirtyDistinctAttributesAndOperands() {
        List<Targeting.Condition> conditions = Targeting.DISTINCT.rules().stream()
                .flatMap(rule -> rule.conditions().stream())
                .toList();
        assertThat(distinctConditions(Targeting.DISTINCT)).hasSize(Targeting.RULES * Targeting.CONDITIONS_PER_RULE);
        assertThat(conditions).extracting(Targeting.Condition::attribute).doesNotHaveDuplicates();
        assertThat(conditions).extracting(Targeting.Condition::operand).doesNotHaveDuplicates();
    }

    /**
     * Each SDK answers every user from the last rule, after checking every condition of the
     * rules before it; failing the last rule's last condition leaves every SDK at its default.
     */
    @ParameterizedTest
    @EnumSource(
            value = Shape.class,
            names = {"TARGETING_SHARED", "TARGETING_DISTINCT"})
    void everySdkMatchesOnlyTheLastRule(Shape shape) {
        Targeting targeting = shape.targeting();
        String lastRule = targeting.lastRule().key();
        CompiledFlag rulestead = RulesteadSide.flag(shape);
        launchDarkly = LaunchDarklySide.client(shape);
        unleash = UnleashSide.client(shape);

        for (EvaluationContext user : RulesteadSide.contexts(shape)) {
            DebugTrace trace = rulestead.evaluateWithTrace(user).trace();
            assertThat(trace.matchedRule()).isEqualTo(lastRule);
            assertThat(trace.ruleTraces()).hasSize(Targeting.RULES).allSatisfy(rule -> assertThat(rule.conditions())
                    .extracting(DebugTrace.ConditionTrace::passed)
                    .containsExactly(true, true, rule.ruleKey().equals(lastRule)));
        }
        for (LDContext user : LaunchDarklySide.contexts(shape)) {
            EvaluationReason reason = launchDarkly
                    .boolVariationDetail(Shape.FLAG_KEY, user, false)
                    .getReason();
            assertThat(reason.getKind()).isEqualTo(EvaluationReason.Kind.RULE_MATCH);
            assertThat(reason.getRuleId()).isEqualTo(lastRule);
        }

        Map<String, String> missingTheLastRule = targeting.attributesMissingTheLastRule();
        var rulesteadMisses = RulesteadSide.contexts(missingTheLastRule);
        var launchDarklyMisses = LaunchDarklySide.contexts(missingTheLastRule);
        var unleashMisses = UnleashSide.contexts(missingTheLastRule);
        assertThat(share(i -> rulestead.evaluate(rulesteadMisses[i]).enabled(), false))
                .isEqualTo(1.0);
        assertThat(share(i -> launchDarkly.boolVariation(Shape.FLAG_KEY, launchDarklyMisses[i], true), false))
                .isEqualTo(1.0);
        assertThat(share(i -> unleash.isEnabled(Shape.FLAG_KEY, unleashMisses[i]), false))
                .isEqualTo(1.0);
    }

    private static Set<Targeting.Condition> distinctConditions(Targeting targeting) {
        return targeting.rules().stream()
                .flatMap(rule -> rule.conditions().stream())
                .collect(Collectors.toSet());
    }

    private static double share(IntFunction<Object> answer, Object wanted) {
        Map<Object, Integer> counts = new HashMap<>();
        for (int i = 0; i < Users.COUNT; i++) {
            counts.merge(answer.apply(i), 1, Integer::sum);
        }
        return counts.getOrDefault(wanted, 0) / (double) Users.COUNT;
    }
}
