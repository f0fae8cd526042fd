package org.rulestead.rollout;

import java.time.Duration;
import java.time.Instant;
import org.rulestead.guardrail.SignalFact;

/** The plain words for a guardrail fact and a decision's reason, as explanations use them (decisions 19). */
final class FactSentences {

    private FactSentences() {}

    /** "error_rate is stale (captured 14 min ago, freshness window 5 min)". */
    static String describe(SignalFact fact, Instant at) {
        String signal = fact.signalKey();
        return switch (fact.reason()) {
            case BREACHED -> signal + " breached (observed " + plain(fact.observedValue()) + " "
                    + fact.thresholdOperator().wireName() + " " + plain(fact.thresholdValue()) + ")";
            case STALE -> signal + " is stale (captured "
                    + span(Duration.between(fact.capturedAt(), at).toSeconds()) + " ago, freshness window "
                    + span(fact.freshnessWindowSeconds().longValue()) + ")";
            case INSUFFICIENT_SAMPLE -> fact.sampleSize() == null
                            || fact.sampleSize().longValue() == 0
                    ? signal + " has no observations yet"
                    : signal + " has too few samples (" + fact.sampleSize()
                            + (fact.minSampleSize() == null ? "" : " of " + fact.minSampleSize()) + ")";
            default -> signal + ": " + words(fact.reason().wireName());
        };
    }

    /** "14 min", or "40 s" under two minutes. */
    static String span(long seconds) {
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }

    static String plain(java.math.BigDecimal number) {
        return number == null ? "?" : number.stripTrailingZeros().toPlainString();
    }

    static String words(String reason) {
        return switch (reason) {
            case "monitoring_window_active" -> "no facts yet while the window is open";
            case "monitoring_window_expired" -> "no facts came in before the window closed";
            default -> reason.replace('_', ' ');
        };
    }
}
