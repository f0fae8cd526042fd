package org.rulestead.guardrail;

import org.rulestead.model.WireNamed;

/** Where a guarded rollout stage stands (spec §5.4, §5.7). */
public enum DecisionState implements WireNamed {
    /** Not enough evidence yet, and the observation window is still open. */
    PENDING_DATA,
    /** Every signal healthy. */
    HEALTHY,
    /** No decision can be made: nothing changes until someone acts. */
    HELD,
    /** A signal breached its threshold: roll back to the last stable ruleset. */
    ROLLBACK_TRIGGERED
}
