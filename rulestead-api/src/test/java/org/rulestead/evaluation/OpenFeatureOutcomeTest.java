package org.rulestead.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decisions 7: results in OpenFeature's reasons and error codes. */
class OpenFeatureOutcomeTest {

    private static EvaluationResult evaluate(Map<String, Object> rule, EvaluationContext context) {
        return FlagCompiler.compile(Payloads.flag("f", false, List.of(rule))).evaluate(context);
    }

    @Test
    void aSplitIsSplitAndOtherMatchesAreTargetingMatches() {
        EvaluationContext ana = EvaluationContext.of("ana", Map.of());
        assertThat(OpenFeatureOutcome.of(evaluate(Payloads.variantSplit("s", 100, List.of(100L)), ana), false))
                .isEqualTo(new OpenFeatureOutcome("SPLIT", null));
        assertThat(OpenFeatureOutcome.of(evaluate(Payloads.percentageRollout("r", 100), ana), false))
                .isEqualTo(new OpenFeatureOutcome("TARGETING_MATCH", null));
    }

    @Test
    void theDefaultIsDefaultOrDisabledUnderAKillSwitchAndStaleWinsOverBoth() {
        EvaluationContext ana = EvaluationContext.of("ana", Map.of());
        EvaluationResult defaulted = evaluate(Payloads.percentageRollout("r", 0), ana);
        assertThat(OpenFeatureOutcome.of(defaulted, false)).isEqualTo(new OpenFeatureOutcome("DEFAULT", null));
        assertThat(OpenFeatureOutcome.of(defaulted, true)).isEqualTo(new OpenFeatureOutcome("STALE", null));

        Map<String, Object> killed = Payloads.flag("f", false, List.of());
        killed.put("flag_environment", Map.of("status", "killswitched"));
        assertThat(OpenFeatureOutcome.of(FlagCompiler.compile(killed).evaluate(ana), false))
                .isEqualTo(new OpenFeatureOutcome("DISABLED", null));
    }

    @Test
    void errorsCarryTheirCodes() {
        EvaluationContext strictNobody = EvaluationContext.empty().withStrict(true);
        assertThat(OpenFeatureOutcome.of(evaluate(Payloads.percentageRollout("r", 50), strictNobody), false))
                .isEqualTo(new OpenFeatureOutcome("ERROR", "TARGETING_KEY_MISSING"));
        assertThat(OpenFeatureOutcome.of(
                        FlagCompiler.compile(Map.of("flag", Map.of())).evaluate(strictNobody), true))
                .isEqualTo(new OpenFeatureOutcome("ERROR", "PARSE_ERROR"));
    }
}
