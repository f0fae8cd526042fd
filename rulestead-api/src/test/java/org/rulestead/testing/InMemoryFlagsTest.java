package org.rulestead.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rulestead.evaluation.ErrorType;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.FlagEvaluator;
import org.rulestead.evaluation.Reason;

/** The host-application test double (spec §13), as a host's own test would use it. */
class InMemoryFlagsTest {

    private final InMemoryFlags flags = new InMemoryFlags();
    private final FlagEvaluator evaluator = flags.evaluator();
    private final EvaluationContext ana = EvaluationContext.of("ana", Map.of("plan", "pro"));

    @AfterEach
    void clear() {
        flags.clearFlags();
    }

    @Test
    void aPutFlagServesItsValueToEverybody() {
        flags.putFlag("new-checkout", true).putFlag("max-items", 25L).putFlag("banner", "spring");

        assertThat(evaluator.isEnabled("new-checkout", ana)).isTrue();
        assertThat(evaluator.value("max-items", EvaluationContext.empty(), 10L)).isEqualTo(25L);
        assertThat(evaluator.value("banner", ana, "none")).isEqualTo("spring");
        assertThat(evaluator.evaluate("new-checkout", ana).matchedRule()).isEqualTo("forced-value");
    }

    @Test
    void aLiteralFalseIsKept() {
        flags.putFlag("new-checkout", false);

        assertThat(evaluator.value("new-checkout", ana, true)).isFalse();
        assertThat(evaluator.evaluate("new-checkout", ana).reason()).isEqualTo(Reason.RULE_MATCH);
    }

    @Test
    void anUnknownFlagGivesTheFallbackAndANotFoundError() {
        assertThat(evaluator.value("nothing", ana, "fallback")).isEqualTo("fallback");
        assertThat(evaluator.isEnabled("nothing", ana)).isFalse();
        assertThat(evaluator.evaluate("nothing", ana).error().type()).isEqualTo(ErrorType.FLAG_NOT_FOUND);
    }

    @Test
    void aValueOfAnotherTypeGivesTheFallback() {
        flags.putFlag("max-items", 25L);

        assertThat(evaluator.value("max-items", ana, "many")).isEqualTo("many");
    }

    @Test
    void pinnedKeysGetTheirVariantAndOthersNone() {
        flags.pinVariant("button-color", "ana", "green").pinVariant("button-color", "bob", "blue");

        assertThat(evaluator.variant("button-color", ana)).contains("green");
        assertThat(evaluator.variant("button-color", EvaluationContext.of("bob", Map.of())))
                .contains("blue");
        assertThat(evaluator.variant("button-color", EvaluationContext.of("carol", Map.of())))
                .isEmpty();
    }

    @Test
    void withFlagRestoresWhatWasThere() {
        flags.putFlag("new-checkout", false);

        flags.withFlag("new-checkout", true, () -> assertThat(evaluator.isEnabled("new-checkout", ana))
                .isTrue());

        assertThat(evaluator.isEnabled("new-checkout", ana)).isFalse();
    }

    @Test
    void clearingForgetsEverything() {
        flags.putFlag("new-checkout", true);
        evaluator.isEnabled("new-checkout", ana);

        flags.clearFlags();

        assertThat(flags.evaluations()).isEmpty();
        assertThat(evaluator.evaluate("new-checkout", ana).isError()).isTrue();
    }

    @Test
    void assertFlagEvaluatedPassesWhenTheCodeAsked() {
        flags.putFlag("new-checkout", true);

        assertThat(flags.assertFlagEvaluated("new-checkout", () -> evaluator.isEnabled("new-checkout", ana)))
                .containsExactly(new InMemoryFlags.Evaluation("new-checkout", Reason.RULE_MATCH));
    }

    @Test
    void assertFlagEvaluatedFailsWhenTheCodeDidNotAsk() {
        flags.putFlag("new-checkout", true);

        assertThatThrownBy(() -> flags.assertFlagEvaluated("new-checkout", () -> evaluator.isEnabled("other", ana)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("new-checkout")
                .hasMessageContaining("other");
    }

    @Test
    void flagsOfOneEnvironmentAreNotServedInAnother() {
        flags.putFlag("new-checkout", true, "staging");

        assertThat(flags.evaluator("staging").isEnabled("new-checkout", ana)).isTrue();
        assertThat(evaluator.isEnabled("new-checkout", ana)).isFalse();
    }
}
