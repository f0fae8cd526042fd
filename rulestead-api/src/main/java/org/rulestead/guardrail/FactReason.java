package org.rulestead.guardrail;

import org.rulestead.model.WireNamed;

/**
 * Why a normalized signal fact says what it says (spec §5.3): the signal is healthy or breached,
 * too old or too thin to decide on, or the host could not answer for it.
 */
public enum FactReason implements WireNamed {
    HEALTHY,
    BREACHED,
    STALE,
    INSUFFICIENT_SAMPLE,
    PROVIDER_MISSING,
    UNSUPPORTED_SIGNAL,
    UNSUPPORTED_SCOPE,
    INVALID_PROVIDER_RESPONSE;

    /** A fault of the host's side that no waiting mends: the stage is held (spec §5.4). */
    public boolean isTerminalFault() {
        return this == PROVIDER_MISSING
                || this == UNSUPPORTED_SIGNAL
                || this == UNSUPPORTED_SCOPE
                || this == INVALID_PROVIDER_RESPONSE;
    }

    /** Evidence that is not good enough yet: pending while the window is open, held after. */
    public boolean isInconclusive() {
        return this == STALE || this == INSUFFICIENT_SAMPLE;
    }
}
