package org.rulestead.guardrail;

import org.rulestead.model.WireNamed;

/** Where a fact's tenant scope came from (spec §5.3). */
public enum ScopeSource implements WireNamed {
    EXPLICIT,
    HOST_RESOLVED,
    SINGLE_TENANT
}
