package org.rulestead.ruleset;

import org.rulestead.model.WireNamed;

/**
 * How a guardrail compares its signal with its threshold; it states the breach (spec §5.3):
 * {@code gte 0.05} means "breached when the observed value is at least 0.05".
 */
public enum ThresholdOperator implements WireNamed {
    LT,
    LTE,
    GT,
    GTE
}
