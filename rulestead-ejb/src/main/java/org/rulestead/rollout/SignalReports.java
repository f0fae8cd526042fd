package org.rulestead.rollout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rulestead.guardrail.SignalFacts;
import org.rulestead.ruleset.Guardrail;
import org.rulestead.validation.Finding;

/** What a pushed signal fact must hold (spec §5.3), for the guardrails of the rule it is pushed for. */
final class SignalReports {

    private SignalReports() {}

    /** The findings of a report, none when it is one the rule's guardrails can judge. */
    static List<Finding> findings(Map<String, Object> fields, String ruleKey, List<Guardrail> guardrails) {
        List<Finding> findings = new ArrayList<>();
        Object signal = fields.get("signal_key");
        if (!(signal instanceof String key) || key.isBlank()) {
            findings.add(new Finding("signal_key", "is required: the signal a guardrail watches, e.g. error_rate"));
        } else if (guardrail(guardrails, key).isEmpty()) {
            List<String> watched = guardrails.stream().map(Guardrail::signalKey).toList();
            findings.add(new Finding(
                    "signal_key",
                    "is no guardrail of rule " + ruleKey
                            + (watched.isEmpty()
                                    ? " (it has none)"
                                    : " (it watches " + String.join(", ", watched) + ")")));
        }
        if (SignalFacts.decimal(fields.get("observed_value")) == null) {
            findings.add(new Finding("observed_value", "is required: the observed value, a number"));
        }
        Object sample = fields.get("sample_size");
        if (sample != null && (SignalFacts.whole(sample) == null || SignalFacts.whole(sample) < 0)) {
            findings.add(new Finding("sample_size", "must be a whole number of observations, 0 or more"));
        }
        Object captured = fields.get("captured_at");
        if (captured != null && SignalFacts.instant(captured) == null) {
            findings.add(new Finding("captured_at", "must be an ISO-8601 instant, e.g. 2026-12-04T12:00:00Z"));
        }
        Object tenant = fields.get("tenant_key");
        if (tenant != null && !(tenant instanceof String)) {
            findings.add(new Finding("tenant_key", "must be a string"));
        }
        return findings;
    }

    static Optional<Guardrail> guardrail(List<Guardrail> guardrails, String signalKey) {
        return guardrails.stream()
                .filter(guardrail -> guardrail.signalKey().equals(signalKey))
                .findFirst();
    }
}
