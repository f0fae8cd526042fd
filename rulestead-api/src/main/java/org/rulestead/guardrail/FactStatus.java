package org.rulestead.guardrail;

import org.rulestead.model.WireNamed;

/** What a signal fact lets a guardrail conclude (spec §5.3): anything short of an answer fails closed. */
public enum FactStatus implements WireNamed {
    HEALTHY,
    BREACHED,
    FAILED_CLOSED
}
