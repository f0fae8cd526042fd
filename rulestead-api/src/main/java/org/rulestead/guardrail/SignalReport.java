package org.rulestead.guardrail;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What came back when a guardrail asked for its signal (spec §5.3): the fields the host reported
 * (pushed over REST or answered by its provider), a refusal with a reason, no provider at all, or
 * a provider that failed or timed out.
 */
public sealed interface SignalReport {

    /** The host's fields ({@code observed_value}, {@code sample_size}, {@code captured_at}, …). */
    record Reported(Map<String, Object> fields) implements SignalReport {
        public Reported {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /** The provider answered {@code {error, reason}}. */
    record Refused(String reason) implements SignalReport {}

    /** No provider is configured for the signal. */
    record NoProvider() implements SignalReport {}

    /** The provider threw, timed out or answered something unreadable. */
    record ProviderFailed() implements SignalReport {}
}
