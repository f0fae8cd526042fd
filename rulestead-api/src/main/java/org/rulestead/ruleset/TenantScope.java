package org.rulestead.ruleset;

import org.rulestead.model.WireNamed;

/** Whether a guardrail's signal is measured per tenant (spec §1.5, §5.3). */
public enum TenantScope implements WireNamed {
    REQUIRED,
    NOT_APPLICABLE
}
