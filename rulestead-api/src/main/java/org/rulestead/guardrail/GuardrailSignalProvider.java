package org.rulestead.guardrail;

/**
 * The host's source of guardrail signals (spec §5.3): given what a guardrail watches, the latest
 * fact the host has for it. A host application deploys one implementation as a CDI bean in the
 * EAR; Rulestead calls it at evaluation and tick time, with a timeout, and treats an exception, a
 * null, or no answer in time as {@code invalid_provider_response}: automation never advances on a
 * provider it cannot hear.
 *
 * <p>Answer {@link SignalReport.Reported} with the observation's fields ({@code observed_value},
 * {@code sample_size}, {@code captured_at}, optionally {@code reason} and {@code status}; fields
 * left out are taken from the query), {@link SignalReport.Refused} with a bounded reason (e.g.
 * {@code unsupported_signal}), or {@link SignalReport.NoProvider} for a signal this provider does
 * not serve, which then falls back to the facts pushed over REST.
 */
@FunctionalInterface
public interface GuardrailSignalProvider {

    SignalReport fetchSignal(GuardrailQuery query);
}
