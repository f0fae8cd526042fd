package org.rulestead.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.launchdarkly.sdk.server.LDClient;
import io.getunleash.Unleash;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rulestead.evaluation.CompiledFlag;

/**
 * The benchmark compares like with like: for each shape, the three SDKs, all offline, give the
 * same answers to the benchmark users (the same shares for bucketed shapes, each by its own hash).
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
        var rulesteadUsers = RulesteadSide.contexts();
        launchDarkly = LaunchDarklySide.client(shape);
        var launchDarklyUsers = LaunchDarklySide.contexts();
        unleash = UnleashSide.client(shape);
        var unleashUsers = UnleashSide.contexts();

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

    private static double share(IntFunction<Object> answer, Object wanted) {
        Map<Object, Integer> counts = new HashMap<>();
        for (int i = 0; i < Users.COUNT; i++) {
            counts.merge(answer.apply(i), 1, Integer::sum);
        }
        return counts.getOrDefault(wanted, 0) / (double) Users.COUNT;
    }
}
