package org.rulestead.ruleset;

import org.rulestead.model.WireNamed;

/** Where a guardrail's signal is measured (spec §1.5): the rollout's environment. */
public enum EnvironmentScope implements WireNamed {
    ENVIRONMENT
}
