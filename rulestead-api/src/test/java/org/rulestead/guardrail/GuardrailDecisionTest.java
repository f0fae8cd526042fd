package org.rulestead.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rulestead.guardrail.FactReason.BREACHED;
import static org.rulestead.guardrail.FactReason.HEALTHY;
import static org.rulestead.guardrail.FactReason.INSUFFICIENT_SAMPLE;
import static org.rulestead.guardrail.FactReason.INVALID_PROVIDER_RESPONSE;
import static org.rulestead.guardrail.FactReason.PROVIDER_MISSING;
import static org.rulestead.guardrail.FactReason.STALE;
import static org.rulestead.guardrail.FactReason.UNSUPPORTED_SCOPE;
import static org.rulestead.guardrail.FactReason.UNSUPPORTED_SIGNAL;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §5.4, row by row: the decision on a stage from its facts, with the window open or closed. */
class GuardrailDecisionTest {

    private static final Instant ENDS = Instant.parse("2026-12-04T12:00:00Z");
    private static final Instant OPEN = ENDS.minusSeconds(1);

    @ParameterizedTest(name = "{0} with the window {1} → {2} {3}")
    @CsvSource({
        // facts (space separated; '-' for none), window, state, reason
        "-,                                   open,   PENDING_DATA,       monitoring_window_active",
        "-,                                   closed, HELD,               monitoring_window_expired",
        "PROVIDER_MISSING,                    open,   HELD,               provider_missing",
        "UNSUPPORTED_SIGNAL,                  closed, HELD,               unsupported_signal",
        "UNSUPPORTED_SCOPE,                   open,   HELD,               unsupported_scope",
        "INVALID_PROVIDER_RESPONSE,           open,   HELD,               invalid_provider_response",
        "BREACHED PROVIDER_MISSING,           open,   HELD,               provider_missing",
        "HEALTHY BREACHED,                    open,   ROLLBACK_TRIGGERED, breached",
        "STALE BREACHED,                      closed, ROLLBACK_TRIGGERED, breached",
        "STALE,                               open,   PENDING_DATA,       stale",
        "STALE,                               closed, HELD,               stale",
        "HEALTHY INSUFFICIENT_SAMPLE,         open,   PENDING_DATA,       insufficient_sample",
        "INSUFFICIENT_SAMPLE,                 closed, HELD,               insufficient_sample",
        "HEALTHY,                             open,   HEALTHY,            healthy",
        "HEALTHY HEALTHY,                     closed, HEALTHY,            healthy",
    })
    void everyRowOfTheClassification(String facts, String window, DecisionState state, String reason) {
        GuardrailDecision decision =
                GuardrailDecision.classify(reasons(facts), "open".equals(window) ? OPEN : ENDS.plusSeconds(60), ENDS);

        assertThat(decision).isEqualTo(new GuardrailDecision(state, reason));
    }

    @Test
    void theWindowClosesAtItsEndAndNeverWithoutOne() {
        assertThat(GuardrailDecision.classify(List.of(), ENDS, ENDS).state()).isEqualTo(DecisionState.HELD);
        assertThat(GuardrailDecision.classify(List.of(STALE), ENDS.plusSeconds(3600), null))
                .isEqualTo(new GuardrailDecision(DecisionState.PENDING_DATA, "stale"));
    }

    @Test
    void theFirstFaultOrInconclusiveFactNamesTheReason() {
        assertThat(GuardrailDecision.classify(List.of(UNSUPPORTED_SIGNAL, INVALID_PROVIDER_RESPONSE), OPEN, ENDS)
                        .reason())
                .isEqualTo("unsupported_signal");
        assertThat(GuardrailDecision.classify(List.of(INSUFFICIENT_SAMPLE, STALE), OPEN, ENDS)
                        .reason())
                .isEqualTo("insufficient_sample");
    }

    @Test
    void onlyHostFaultsAreTerminalAndOnlyStaleOrThinEvidenceIsInconclusive() {
        assertThat(List.of(FactReason.values()))
                .filteredOn(FactReason::isTerminalFault)
                .containsExactly(PROVIDER_MISSING, UNSUPPORTED_SIGNAL, UNSUPPORTED_SCOPE, INVALID_PROVIDER_RESPONSE);
        assertThat(List.of(FactReason.values()))
                .filteredOn(FactReason::isInconclusive)
                .containsExactly(STALE, INSUFFICIENT_SAMPLE);
        assertThat(HEALTHY.isTerminalFault() || BREACHED.isInconclusive()).isFalse();
    }

    @Test
    void aDecisionNeedsTheTimeItWasMade() {
        assertThatThrownBy(() -> GuardrailDecision.classify(List.of(), null, ENDS))
                .isInstanceOf(NullPointerException.class);
    }

    private static List<FactReason> reasons(String facts) {
        return "-".equals(facts.trim())
                ? List.of()
                : java.util.Arrays.stream(facts.trim().split(" +"))
                        .map(FactReason::valueOf)
                        .toList();
    }
}
