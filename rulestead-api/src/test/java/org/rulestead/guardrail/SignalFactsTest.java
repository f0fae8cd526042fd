package org.rulestead.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rulestead.ruleset.EnvironmentScope;
import org.rulestead.ruleset.TenantScope;
import org.rulestead.ruleset.ThresholdOperator;

/** Spec §5.3: what a host reported for a guardrail, normalized into one signal fact. */
class SignalFactsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00.750Z");

    /** error_rate breaches at 0.05 and above; facts must be at most 5 minutes old and 100 strong. */
    private static final GuardrailQuery ERROR_RATE = new GuardrailQuery(
            "error_rate",
            "staging",
            null,
            EnvironmentScope.ENVIRONMENT,
            null,
            ThresholdOperator.GTE,
            0.05,
            300,
            100,
            Map.of());

    private static SignalFact reported(Map<String, Object> fields) {
        return SignalFacts.normalize(ERROR_RATE, new SignalReport.Reported(fields), NOW);
    }

    private static Map<String, Object> observed(Object value) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("observed_value", value);
        fields.put("sample_size", 500);
        fields.put("captured_at", "2026-12-04T11:58:00Z");
        return fields;
    }

    @ParameterizedTest(name = "observed {0} against {1} {2} → {3}")
    @CsvSource({
        "0.14, gte, 0.05, breached",
        "0.01, gte, 0.05, healthy",
        "0.05, gte, 0.05, breached",
        "0.05, gt,  0.05, healthy",
        "0.04, lt,  0.05, breached",
        "0.05, lte, 0.05, breached",
        "0.06, lte, 0.05, healthy",
    })
    void theThresholdOperatorIsTheBreachCondition(String observed, String operator, String threshold, String reason) {
        Map<String, Object> fields = observed(observed);
        fields.put("threshold_operator", operator);
        fields.put("threshold_value", threshold);

        SignalFact fact = reported(fields);

        assertThat(fact.reason().wireName()).isEqualTo(reason);
        assertThat(fact.status().wireName()).isEqualTo(reason);
    }

    @Test
    void numbersMayArriveAsStringsAndMissingFieldsComeFromTheQuery() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("observed_value", "0.14");
        fields.put("sample_size", "120");

        SignalFact fact = reported(fields);

        assertThat(fact.reason()).isEqualTo(FactReason.BREACHED);
        assertThat(fact.observedValue()).isEqualByComparingTo("0.14");
        assertThat(fact.sampleSize()).isEqualTo(120L);
        assertThat(fact.signalKey()).isEqualTo("error_rate");
        assertThat(fact.environmentKey()).isEqualTo("staging");
        assertThat(fact.thresholdOperator()).isEqualTo(ThresholdOperator.GTE);
        assertThat(fact.thresholdValue()).isEqualByComparingTo(new BigDecimal("0.05"));
        assertThat(fact.freshnessWindowSeconds()).isEqualTo(300L);
        assertThat(fact.minSampleSize()).isEqualTo(100L);
    }

    @Test
    void aFactOlderThanItsFreshnessWindowIsStaleBeforeAnythingElse() {
        Map<String, Object> old = observed(0.14);
        old.put("captured_at", "2026-12-04T11:54:59Z"); // 301 s before now, at second precision
        old.put("sample_size", 3);
        Map<String, Object> justInTime = observed(0.01);
        justInTime.put("captured_at", "2026-12-04T11:55:00Z"); // 300 s: not older than the window

        assertThat(reported(old).reason()).isEqualTo(FactReason.STALE);
        assertThat(reported(old).status()).isEqualTo(FactStatus.FAILED_CLOSED);
        assertThat(reported(justInTime).reason()).isEqualTo(FactReason.HEALTHY);
    }

    @Test
    void maxAgeSecondsNamesTheFreshnessWindowToo() {
        Map<String, Object> fields = observed(0.01);
        fields.put("max_age_seconds", 60);

        assertThat(reported(fields).reason()).isEqualTo(FactReason.STALE);
        assertThat(reported(fields).freshnessWindowSeconds()).isEqualTo(60L);
    }

    @Test
    void aSampleSmallerThanTheMinimumIsInsufficient() {
        Map<String, Object> fields = observed(0.14);
        fields.put("sample_size", 99);

        assertThat(reported(fields).reason()).isEqualTo(FactReason.INSUFFICIENT_SAMPLE);
    }

    @Test
    void withoutAComparableObservationTheResponseIsInvalid() {
        assertThat(reported(observed(null)).reason()).isEqualTo(FactReason.INVALID_PROVIDER_RESPONSE);
        assertThat(reported(observed("lots")).reason()).isEqualTo(FactReason.INVALID_PROVIDER_RESPONSE);
    }

    @Test
    void anExplicitReasonWinsOverInferenceAndAnUnknownOneIsInvalid() {
        Map<String, Object> healthy = observed(0.14);
        healthy.put("reason", "healthy");
        Map<String, Object> unknown = observed(0.01);
        unknown.put("reason", "looks fine");

        assertThat(reported(healthy).reason()).isEqualTo(FactReason.HEALTHY);
        assertThat(reported(unknown).reason()).isEqualTo(FactReason.INVALID_PROVIDER_RESPONSE);
    }

    @Test
    void anExplicitValidStatusWinsAndAnInvalidOneIsIgnored() {
        Map<String, Object> failed = observed(0.01);
        failed.put("status", "failed_closed");
        Map<String, Object> odd = observed(0.01);
        odd.put("status", "green");

        assertThat(reported(failed).status()).isEqualTo(FactStatus.FAILED_CLOSED);
        assertThat(reported(odd).status()).isEqualTo(FactStatus.HEALTHY);
    }

    @Test
    void theHostsFailuresFailClosed() {
        SignalFact missing = SignalFacts.normalize(ERROR_RATE, new SignalReport.NoProvider(), NOW);
        SignalFact threw = SignalFacts.normalize(ERROR_RATE, new SignalReport.ProviderFailed(), NOW);
        SignalFact unsupported = SignalFacts.normalize(ERROR_RATE, new SignalReport.Refused("unsupported_signal"), NOW);
        SignalFact garbled = SignalFacts.normalize(ERROR_RATE, new SignalReport.Refused("kaput"), NOW);

        assertThat(missing.reason()).isEqualTo(FactReason.PROVIDER_MISSING);
        assertThat(threw.reason()).isEqualTo(FactReason.INVALID_PROVIDER_RESPONSE);
        assertThat(unsupported.reason()).isEqualTo(FactReason.UNSUPPORTED_SIGNAL);
        assertThat(garbled.reason()).isEqualTo(FactReason.INVALID_PROVIDER_RESPONSE);
        assertThat(missing.status()).isEqualTo(FactStatus.FAILED_CLOSED);
        assertThat(missing.signalKey()).isEqualTo("error_rate");
        assertThat(missing.thresholdValue()).isEqualByComparingTo("0.05");
    }

    @Test
    void timesAreAtSecondPrecisionAndEvaluationDefaultsToNow() {
        Map<String, Object> fields = observed(0.01);
        fields.put("captured_at", "2026-12-04T11:59:30.900Z");

        SignalFact fact = reported(fields);

        assertThat(fact.evaluatedAt()).isEqualTo(Instant.parse("2026-12-04T12:00:00Z"));
        assertThat(fact.capturedAt()).isEqualTo(Instant.parse("2026-12-04T11:59:30Z"));
    }

    @Test
    void aTenantKeyMakesTheScopeRequiredAndExplicit() {
        Map<String, Object> tenanted = observed(0.01);
        tenanted.put("tenant_key", "acme");

        assertThat(reported(tenanted).tenantScope()).isEqualTo(TenantScope.REQUIRED);
        assertThat(reported(tenanted).scopeSource()).isEqualTo(ScopeSource.EXPLICIT);
        assertThat(reported(observed(0.01)).tenantScope()).isEqualTo(TenantScope.NOT_APPLICABLE);
        assertThat(reported(observed(0.01)).scopeSource()).isEqualTo(ScopeSource.HOST_RESOLVED);
    }

    @Test
    void theFactsJsonShapeNamesEveryField() {
        Map<String, Object> shape = reported(observed(0.14)).toMap();

        assertThat(shape)
                .containsEntry("signal_key", "error_rate")
                .containsEntry("status", "breached")
                .containsEntry("reason", "breached")
                .containsEntry("threshold_operator", "gte")
                .containsEntry("environment_scope", "environment")
                .containsEntry("tenant_scope", "not_applicable")
                .containsEntry("scope_source", "host_resolved")
                .containsEntry("captured_at", "2026-12-04T11:58:00Z")
                .containsEntry("evaluated_at", "2026-12-04T12:00:00Z")
                .containsKeys(
                        "observed_value", "sample_size", "min_sample_size", "freshness_window_seconds", "metadata");
    }
}
