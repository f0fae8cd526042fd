package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of sticky percentage rollouts and variant splits (spec §2.8–§2.9). */
class RolloutPropertiesTest {

    @Property(tries = 200)
    void raisingThePercentageNeverDropsAnIncludedKey(
            @ForAll @StringLength(min = 1, max = 30) String targetingKey,
            @ForAll @IntRange(max = 100) int lower,
            @ForAll @IntRange(max = 100) int raise) {
        int higher = Math.min(100, lower + raise);
        EvaluationContext context = EvaluationContext.of(targetingKey, Map.of());
        boolean includedLow = rollout(lower).evaluate(context).reason() == Reason.RULE_MATCH;
        boolean includedHigh = rollout(higher).evaluate(context).reason() == Reason.RULE_MATCH;
        assertThat(!includedLow || includedHigh)
                .as("included at %d%% but not at %d%%", lower, higher)
                .isTrue();
    }

    @Property(tries = 12)
    void aHundredThousandKeysLandWithinOnePointOfTheRollout(@ForAll @IntRange(max = 100) int percentage) {
        CompiledFlag flag = rollout(percentage);
        long included = IntStream.range(0, 100_000)
                .filter(i -> flag.evaluate(EvaluationContext.of("user-" + i, Map.of()))
                        .enabled())
                .count();
        assertThat(included / 1000.0).isCloseTo(percentage, org.assertj.core.data.Offset.offset(1.0));
    }

    @Property(tries = 10)
    void variantsGetShareOfKeysFollowingTheirWeights(@ForAll("weights") List<Long> weights) {
        CompiledFlag flag = FlagCompiler.compile(
                Payloads.flag("split-flag", null, List.of(Payloads.variantSplit("split", 100, weights))));
        int[] served = new int[weights.size()];
        int keys = 50_000;
        for (int i = 0; i < keys; i++) {
            String variant =
                    flag.evaluate(EvaluationContext.of("k" + i, Map.of())).variant();
            served[Integer.parseInt(variant.substring(1))]++;
        }
        for (int i = 0; i < weights.size(); i++) {
            assertThat(served[i] * 100.0 / keys)
                    .as("share of v%d with weight %d", i, weights.get(i))
                    .isCloseTo(weights.get(i), org.assertj.core.data.Offset.offset(1.5));
        }
    }

    @Property(tries = 300)
    void eachVariantBucketBelongsToTheVariantWhoseRangeHoldsIt(
            @ForAll("weights") List<Long> weights, @ForAll @AlphaChars @StringLength(min = 1, max = 20) String key) {
        CompiledFlag flag = FlagCompiler.compile(
                Payloads.flag("split-flag", null, List.of(Payloads.variantSplit("split", 100, weights))));
        EvaluationResult result = flag.evaluateWithTrace(EvaluationContext.of(key, Map.of()));
        int bucket = result.trace().matchedRuleTrace().rollout().variantBucket();
        long lower = 0;
        int owner = -1;
        for (int i = 0; i < weights.size(); i++) {
            long upper = lower + weights.get(i) * 100;
            if (bucket >= lower && bucket < upper) {
                owner = i;
            }
            lower = upper;
        }
        assertThat(result.variant()).isEqualTo("v" + owner);
    }

    @Provide
    Arbitrary<List<Long>> weights() {
        return Arbitraries.integers().between(1, 5).flatMap(count -> Arbitraries.longs()
                .between(0, 100)
                .list()
                .ofSize(count - 1)
                .filter(prefix -> prefix.stream().mapToLong(Long::longValue).sum() <= 100)
                .map(prefix -> {
                    List<Long> all = new java.util.ArrayList<>(prefix);
                    all.add(100 - prefix.stream().mapToLong(Long::longValue).sum());
                    return all;
                }));
    }

    private static CompiledFlag rollout(int percentage) {
        return FlagCompiler.compile(
                Payloads.flag("checkout-redesign", false, List.of(Payloads.percentageRollout("rollout", percentage))));
    }
}
