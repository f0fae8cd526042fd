package org.rulestead.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulestead.evaluation.EvaluationContext;
import org.rulestead.evaluation.FlagCompiler;

/** The explanation templates of spec §4.1 and the redaction of §4.2. */
class ExplanationTest {

    private static final Map<String, Object> TEN_PERCENT = Map.of(
            "flag",
            Map.of("key", "checkout-redesign", "default_value", Map.of("value", false)),
            "environment",
            Map.of("key", "production"),
            "active_ruleset",
            Map.of(
                    "version",
                    3L,
                    "salt",
                    "checkout:v1",
                    "rules",
                    List.of(Map.of(
                            "key",
                            "rollout-10",
                            "strategy",
                            "percentage_rollout",
                            "value",
                            Map.of("value", true),
                            "rollout",
                            Map.of("bucket_by", "subject", "percentage", 10L, "salt", "r1")))));

    @Test
    void theRuntimeSuffixNamesTheSnapshotAndItsAge() {
        String base = Explanation.of(FlagCompiler.compile(TEN_PERCENT)
                .evaluateWithTrace(EvaluationContext.of("user-123", Map.of("email", "ana@example.com"))));

        assertThat(Explanation.withRuntime(base, "production", 42L, "memory", 1200L))
                .isEqualTo("Matched rule rollout-10. Bucket 369 determined the rollout path. Environment production"
                        + " used snapshot v42 from source memory (cache age 1200ms).");
        assertThat(Explanation.withRuntime("No rule matched.", null, null, null, null))
                .isEqualTo(
                        "No rule matched. Environment unknown used snapshot vunknown from source unknown (cache age 0ms).");
    }

    @Test
    void theTextNeverCarriesIdentitiesOrAttributeValues() {
        String text = Explanation.of(FlagCompiler.compile(TEN_PERCENT)
                .evaluateWithTrace(EvaluationContext.of("user-123", Map.of("email", "ana@example.com"))));

        assertThat(text).doesNotContain("user-123", "ana@example.com");
    }

    @Test
    void aResultWithoutTraceSaysSo() {
        assertThat(Explanation.of(FlagCompiler.compile(TEN_PERCENT).evaluate(EvaluationContext.of("u", Map.of()))))
                .isEqualTo("No evaluation trace was available.");
    }

    @Test
    void redactionKeepsOnlyAllowedLeaves() {
        Map<String, Object> attributes =
                Map.of("plan", "pro", "email", "ana@example.com", "org", Map.of("tier", "gold"));

        Redaction redaction = Redaction.of(attributes, List.of("plan", "traits.org.tier"));

        assertThat(redaction.audit())
                .isEqualTo(Map.of(
                        "traits", Map.of("plan", "pro", "email", Redaction.REDACTED, "org", Map.of("tier", "gold"))));
        assertThat(redaction.telemetry())
                .isEqualTo(Map.of("traits", Map.of("plan", "pro", "org", Map.of("tier", "gold"))));
    }
}
