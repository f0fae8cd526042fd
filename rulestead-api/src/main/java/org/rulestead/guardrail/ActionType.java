package org.rulestead.guardrail;

import org.rulestead.model.WireNamed;

/** What a guardrail decision did to the rollout (spec §5.2, §5.5). */
public enum ActionType implements WireNamed {
    /** The stage was advanced to a new percentage. */
    ADVANCE,
    /** The stage was evaluated; nothing changed. */
    EVALUATE,
    /** No decision could be made; nothing changed. */
    HOLD,
    /** A breach rolled the rule back to its last stable ruleset. */
    ROLLBACK
}
